"""Faults on real local sockets (no model server): a server that never answers, and one that dies mid-stream."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import pytest

from serving.backend import Backend, BreakerSettings, Retries, Timeouts
from serving.errors import StreamInterrupted
from serving.router import Router
from serving.types import ChatRequest, Completion
from tests.serving.fakes import chat_request

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


@asynccontextmanager
async def _serve(handler: Handler) -> AsyncIterator[str]:
    server = await asyncio.start_server(handler, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.close()
        await asyncio.wait_for(server.wait_closed(), 2)


async def _silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Accepts, reads, never answers."""
    try:
        await asyncio.sleep(10)
    finally:
        writer.close()


async def _read_request(reader: asyncio.StreamReader) -> None:
    head = await reader.readuntil(b"\r\n\r\n")
    length = next(
        (int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")), 0
    )
    await reader.readexactly(length)


def _event(text: str) -> bytes:
    body = {"object": "chat.completion.chunk", "model": "m", "choices": [{"index": 0, "delta": {"content": text}}]}
    return f"data: {json.dumps(body)}\n\n".encode()


def _dies_mid_stream(chunked: bool) -> Handler:
    """Sends two SSE chunks, then drops the connection without `[DONE]` (and, chunked, without the last chunk)."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _read_request(reader)
        framing = b"Transfer-Encoding: chunked\r\n" if chunked else b"Connection: close\r\n"
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n" + framing + b"\r\n")
        for text in ("Dear ", "review"):
            event = _event(text)
            writer.write(b"%x\r\n%s\r\n" % (len(event), event) if chunked else event)
            await writer.drain()
            await asyncio.sleep(0.05)
        writer.close()

    return handle


def _backend(url: str, *, read: float = 1.0) -> Backend:
    return Backend(
        name="local",
        base_url=url,
        timeouts=Timeouts(connect=0.5, read=read, write=0.5, total=2.0),
        retries=Retries(attempts=1, backoff_s=0, max_backoff_s=0),
        breaker=BreakerSettings(threshold=2, cooldown_s=30),
    )


def _template(request: ChatRequest) -> Completion:
    return Completion(candidates=["template"], model="template:v1", request_id="t", latency_s=0.0, backend="fallback")


@pytest.mark.unit
async def test_a_server_that_never_answers_times_out_and_opens_the_breaker() -> None:
    async with _serve(_silent) as url:
        router = Router([_backend(url, read=0.2)], _template)
        started = time.perf_counter()
        for _ in range(2):
            completion = await asyncio.wait_for(router.complete(chat_request(), redacted=False), 3)
            assert completion.fallback_used is True
        assert router.breaker_state("local") == "open"
        assert router.metrics.value("requests_total", backend="local", outcome="transient") == 2
        third = await asyncio.wait_for(router.complete(chat_request(), redacted=False), 3)
        assert third.fallback_used is True
        assert router.metrics.value("requests_total", backend="local", outcome="open") == 1
        assert time.perf_counter() - started < 2.0  # two 0.2 s read timeouts, then no wait at all
        await router.aclose()


@pytest.mark.unit
@pytest.mark.parametrize("chunked", [True, False], ids=["chunked", "close-delimited"])
async def test_a_server_dying_mid_stream_leads_to_the_fallback_quickly(chunked: bool) -> None:
    async with _serve(_dies_mid_stream(chunked)) as url:
        router = Router([_backend(url)], _template)
        shown: list[str] = []
        started = time.perf_counter()
        completion = await asyncio.wait_for(
            router.complete_streaming(chat_request(), redacted=False, on_delta=shown.append), 3
        )
        assert time.perf_counter() - started < 3.0
        assert shown == ["Dear ", "review"]
        assert completion.fallback_used is True
        assert router.metrics.value("fallbacks_total", reason="stream_interrupted") == 1

        with pytest.raises(StreamInterrupted):
            async for _ in router.stream(chat_request(), redacted=False):
                pass
        await router.aclose()
