from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from serving.backend import Retries, Timeouts
from serving.client import ChatClient
from serving.errors import PermanentError, StreamInterrupted, TransientError
from tests.serving.fakes import (
    DONE_EVENT,
    Script,
    backend,
    chat_request,
    chunk,
    error_response,
    ok,
    stream,
    usage_chunk,
)

SCHEMA = {"type": "object", "properties": {"reason": {"type": "string"}}}


def client_for(script: Script, **overrides: Any) -> ChatClient:
    return ChatClient(backend(**overrides), transport=script.transport())


@pytest.mark.unit
async def test_completion_carries_text_usage_and_provenance() -> None:
    script = Script(ok("Dear reviewer, please reconsider.", model="appeal-writer", prompt_tokens=40))
    async with client_for(script) as client:
        completion = await client.complete(chat_request(), request_id="req-abc")
    assert completion.candidates == ["Dear reviewer, please reconsider."]
    assert (completion.usage.prompt_tokens, completion.usage.completion_tokens) == (40, 9)
    assert completion.model == "appeal-writer"
    assert completion.backend == "primary"
    assert completion.finish_reasons == ["stop"]
    assert completion.fallback_used is False
    assert 0 <= completion.latency_s < 2
    assert script.requests[0].url == "http://primary.test:8000/v1/chat/completions"
    assert script.requests[0].headers["X-Request-Id"] == "req-abc"
    assert completion.request_id == "req-abc"


@pytest.mark.unit
async def test_a_request_id_is_made_when_none_is_given() -> None:
    script = Script(ok(), ok())
    async with client_for(script) as client:
        first = await client.complete(chat_request())
        second = await client.complete(chat_request())
    sent = [request.headers["X-Request-Id"] for request in script.requests]
    assert [first.request_id, second.request_id] == sent
    assert len(set(sent)) == 2 and all(len(rid) == 32 for rid in sent)


@pytest.mark.unit
async def test_n_two_gives_two_candidates() -> None:
    script = Script(ok("Version one.", "Version two."))
    async with client_for(script) as client:
        completion = await client.complete(chat_request(n=2))
    assert completion.candidates == ["Version one.", "Version two."]
    assert script.bodies()[0]["n"] == 2


@pytest.mark.unit
@pytest.mark.parametrize(
    ("kind", "present", "absent"),
    [("vllm", "structured_outputs", "response_format"), ("openai", "response_format", "structured_outputs")],
)
async def test_structured_output_field_follows_the_backend_kind(kind: str, present: str, absent: str) -> None:
    script = Script(ok('{"reason": "not covered"}'))
    async with client_for(script, kind=kind) as client:
        await client.complete(chat_request(json_schema=SCHEMA))
    body = script.bodies()[0]
    assert present in body and absent not in body
    assert SCHEMA in (body[present].get("json"), body[present].get("json_schema", {}).get("schema"))


@pytest.mark.unit
async def test_per_request_model_picks_the_adapter() -> None:
    script = Script(ok(), ok())
    async with client_for(script) as client:
        await client.complete(chat_request(model="overturn-compose-v1"))
        await client.complete(chat_request(model="overturn-extract-v1"))
    assert [body["model"] for body in script.bodies()] == ["overturn-compose-v1", "overturn-extract-v1"]


@pytest.mark.unit
async def test_retries_on_503_then_succeeds() -> None:
    script = Script(error_response(503, "loading"), error_response(503, "loading"), ok("Finally."))
    async with client_for(script) as client:
        completion = await client.complete(chat_request())
    assert completion.candidates == ["Finally."]
    assert len(script.requests) == 3
    ids = {request.headers["X-Request-Id"] for request in script.requests}
    assert len(ids) == 1  # one logical request, retried under the same id


@pytest.mark.unit
async def test_gives_up_after_the_configured_attempts() -> None:
    script = Script(*(httpx.ConnectError("refused") for _ in range(2)))
    async with client_for(script, retries=Retries(attempts=2, backoff_s=0, max_backoff_s=0)) as client:
        with pytest.raises(TransientError, match="could not be reached"):
            await client.complete(chat_request())
    assert len(script.requests) == 2


@pytest.mark.unit
async def test_no_retry_on_400() -> None:
    script = Script(error_response(400, "max_tokens too large"), ok())
    async with client_for(script) as client:
        with pytest.raises(PermanentError) as caught:
            await client.complete(chat_request())
    assert len(script.requests) == 1
    assert caught.value.status == 400
    assert caught.value.detail == "max_tokens too large"


@pytest.mark.unit
async def test_unknown_model_names_the_model() -> None:
    script = Script(error_response(404, "The model `overturn-compose-v9` does not exist."))
    async with client_for(script) as client:
        with pytest.raises(PermanentError, match="overturn-compose-v9") as caught:
            await client.complete(chat_request(model="overturn-compose-v9"))
    assert caught.value.status == 404
    assert caught.value.model == "overturn-compose-v9"
    assert len(script.requests) == 1


@pytest.mark.unit
@pytest.mark.parametrize("error", [httpx.ReadTimeout("slow"), httpx.ConnectTimeout("slow"), httpx.PoolTimeout("x")])
async def test_httpx_timeouts_are_transient(error: Exception) -> None:
    script = Script(error, error, error)
    async with client_for(script) as client:
        with pytest.raises(TransientError, match="timed out"):
            await client.complete(chat_request())
    assert len(script.requests) == 3


@pytest.mark.unit
async def test_total_timeout_bounds_the_whole_call() -> None:
    async def never(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(30)
        raise AssertionError("unreachable")

    quick = backend(timeouts=Timeouts(connect=0.1, read=10, write=1, total=0.3))
    started = time.perf_counter()
    async with ChatClient(quick, transport=httpx.MockTransport(never)) as client:
        with pytest.raises(TransientError, match=r"within 0\.3 s"):
            await client.complete(chat_request())
    assert time.perf_counter() - started < 1.5


@pytest.mark.unit
@pytest.mark.parametrize(("key", "expected"), [(SecretStr("sk-local"), "Bearer sk-local"), (None, None)])
async def test_api_key_header(key: SecretStr | None, expected: str | None) -> None:
    script = Script(ok())
    async with client_for(script, api_key=key, base_url="http://primary.test:8000/v1/") as client:
        await client.complete(chat_request())
    assert script.requests[0].headers.get("Authorization") == expected
    assert script.requests[0].url.path == "/v1/chat/completions"


@pytest.mark.unit
async def test_stream_deltas_arrive_in_order_with_usage_last() -> None:
    script = Script(stream(chunk("Dear "), chunk("reviewer,"), chunk(finish="stop"), usage_chunk(33, 3), DONE_EVENT))
    async with client_for(script) as client:
        deltas = [delta async for delta in client.stream(chat_request())]
    assert "".join(delta.text for delta in deltas) == "Dear reviewer,"
    assert deltas[-1].usage is not None and deltas[-1].usage.prompt_tokens == 33
    assert script.bodies()[0]["stream"] is True


@pytest.mark.unit
async def test_a_streamed_completion_is_assembled_per_candidate() -> None:
    events = [chunk("A1 ", index=0), chunk("B1 ", index=1), chunk("A2", index=0, finish="stop"),
              chunk("B2", index=1, finish="length"), usage_chunk(50, 8), DONE_EVENT]  # fmt: skip
    script = Script(stream(*events))
    async with client_for(script) as client:
        completion = await client.complete(chat_request(n=2, stream=True), request_id="req-s")
    assert completion.candidates == ["A1 A2", "B1 B2"]
    assert completion.finish_reasons == ["stop", "length"]
    assert (completion.usage.prompt_tokens, completion.usage.completion_tokens) == (50, 8)
    assert completion.request_id == "req-s"


@pytest.mark.unit
async def test_a_stream_that_ends_early_is_interrupted() -> None:
    script = Script(stream(chunk("Dear "), chunk("revie")))
    received: list[str] = []
    async with client_for(script) as client:
        with pytest.raises(StreamInterrupted) as caught:
            async for delta in client.stream(chat_request()):
                received.append(delta.text)
    assert received == ["Dear ", "revie"]
    assert caught.value.received == 2


@pytest.mark.unit
async def test_a_stream_that_fails_to_start_is_retried() -> None:
    script = Script(error_response(503, "busy"), stream(chunk("Hi", finish="stop"), DONE_EVENT))
    async with client_for(script) as client:
        texts = [delta.text async for delta in client.stream(chat_request())]
    assert texts == ["Hi"]
    assert len(script.requests) == 2


@pytest.mark.unit
async def test_list_models() -> None:
    script = Script(httpx.Response(200, json={"object": "list", "data": [{"id": "base"}, {"id": "compose-v1"}]}))
    async with client_for(script) as client:
        assert await client.list_models() == ["base", "compose-v1"]
    assert script.requests[0].url.path == "/v1/models"
