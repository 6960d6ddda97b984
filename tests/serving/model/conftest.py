"""The model tier: tests against a real vLLM OpenAI server (serving/recipes/cpu, started by `make test`).

OVERTURN_VLLM_URL names the server. Unset, the tier is skipped with a reason (a plain `pytest` on a laptop);
set but not answering, the tests fail: CI sets it only after the server answered.
"""

from __future__ import annotations

import os

import httpx
import pytest

from serving.backend import Backend, Timeouts
from serving.registry import load_registry

pytestmark = pytest.mark.model


@pytest.fixture(scope="session")
def vllm_url() -> str:
    url = os.environ.get("OVERTURN_VLLM_URL")
    if not url:
        pytest.skip("OVERTURN_VLLM_URL is not set: start the local server with `make model` to run the model tier")
    httpx.get(f"{url.rstrip('/')}/v1/models", timeout=5).raise_for_status()
    return url


@pytest.fixture(scope="session")
def served_model() -> str:
    choice = load_registry().choice_for("compose")
    assert choice is not None, "serving/models.yaml pins no model for compose"
    return choice.served_name


@pytest.fixture
def backend(vllm_url: str) -> Backend:
    return Backend(name="local-vllm", base_url=vllm_url, timeouts=Timeouts(read=60, total=120))
