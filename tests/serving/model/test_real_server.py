"""Our client against the real vLLM server: streaming, structured output, n candidates, unknown adapters."""

from __future__ import annotations

import json

import pytest
from pydantic import BaseModel, Field

from serving.backend import Backend
from serving.client import ChatClient
from serving.errors import PermanentError
from serving.types import ChatMessage, ChatRequest

pytestmark = pytest.mark.model


def _ask(model: str, text: str, **fields: object) -> ChatRequest:
    return ChatRequest(model=model, messages=[ChatMessage(role="user", content=text)], **fields)


async def test_streaming_delivers_text_and_usage(backend: Backend, served_model: str) -> None:
    client = ChatClient(backend)
    try:
        deltas = [d async for d in client.stream(_ask(served_model, "Name three fruits.", max_tokens=24, stream=True))]
    finally:
        await client.aclose()
    text = "".join(d.text for d in deltas if d.text)
    assert len([d for d in deltas if d.text]) > 1, "expected the answer in several chunks"
    assert text.strip()
    usage = next(d.usage for d in reversed(deltas) if d.usage)
    assert usage.completion_tokens > 0 and usage.prompt_tokens > 0


class _Insurer(BaseModel):
    # A bounded string: a 135M model left free can ramble inside a JSON string until max_tokens cuts it off.
    insurer: str = Field(min_length=1, max_length=40)
    denied: bool


async def test_structured_output_validates_against_the_schema(backend: Backend, served_model: str) -> None:
    client = ChatClient(backend)
    request = _ask(
        served_model,
        "Letter: 'Aetna has denied your MRI.' Which insurer wrote it, and was something denied?",
        max_tokens=200,
        temperature=0.0,
        json_schema=_Insurer.model_json_schema(),
    )
    try:
        completion = await client.complete(request)
    finally:
        await client.aclose()
    answer = _Insurer.model_validate(json.loads(completion.candidates[0]))
    assert answer.insurer
    assert completion.model == served_model


async def test_n_2_gives_two_candidates(backend: Backend, served_model: str) -> None:
    client = ChatClient(backend)
    try:
        completion = await client.complete(_ask(served_model, "Write one short sentence.", n=2, max_tokens=20))
    finally:
        await client.aclose()
    assert len(completion.candidates) == 2
    assert all(c.strip() for c in completion.candidates)
    assert completion.request_id


async def test_unknown_adapter_is_a_clear_permanent_error(backend: Backend) -> None:
    client = ChatClient(backend)
    try:
        with pytest.raises(PermanentError) as raised:
            await client.complete(_ask("overturn-compose-v0-missing", "Hello", max_tokens=5))
    finally:
        await client.aclose()
    assert raised.value.status == 404
    assert "overturn-compose-v0-missing" in str(raised.value)


async def test_models_endpoint_lists_the_pinned_model(backend: Backend, served_model: str) -> None:
    client = ChatClient(backend)
    try:
        assert served_model in await client.list_models()
    finally:
        await client.aclose()
