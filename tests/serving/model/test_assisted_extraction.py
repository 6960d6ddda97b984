"""The whole model-assisted reading against the real vLLM server: nothing the letter does not say survives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.assisted_extraction import read_with_model
from graph.extraction.extractor import extract
from serving.backend import Backend
from serving.router import Router

pytestmark = pytest.mark.model

SAMPLE = (Path(__file__).resolve().parents[3] / "bot" / "examples" / "denial_mri.txt").read_text()


def _folded(text: str) -> str:
    return re.sub(r"\s+", " ", text).lower()


async def test_model_assisted_reading_keeps_the_rules_and_only_grounded_values(
    backend: Backend, served_model: str
) -> None:
    router = Router([backend])
    try:
        reading = await read_with_model(SAMPLE, router, served_model)
    finally:
        await router.aclose()
    assert reading.model_used, reading.note
    assert reading.model == served_model
    rules = extract(SAMPLE)
    for field, value in rules.model_dump(exclude={"evidence"}).items():
        if value not in (None, [], "unknown"):
            assert getattr(reading.details, field) == getattr(rules, field), field
    for field in ("insurer", "plan_name", "service", "diagnosis", "reason", "policy_cited", "claim_id"):
        value = getattr(reading.details, field)
        if isinstance(value, str):
            assert _folded(value) in _folded(SAMPLE), field
    for key, evidence in reading.details.evidence.items():
        for span in evidence.spans:
            assert SAMPLE[span.start : span.end] == span.text, key
