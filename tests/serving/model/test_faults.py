"""Faults against the real vLLM server: a backend that hangs, then comes back; a server killed mid-stream."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import time
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from serving.backend import Backend, BreakerSettings, Retries, Timeouts
from serving.router import Router
from serving.types import ChatMessage, ChatRequest, Completion
from tests.serving.model.servers import VllmProcess

pytestmark = pytest.mark.model

TEMPLATE_LETTER = "template letter: the model did not answer"
FALLBACK_WITHIN_S = 3.0


def _template(request: ChatRequest) -> Completion:
    return Completion(candidates=[TEMPLATE_LETTER], model="template", request_id="fallback", latency_s=0.0, backend="")


def _ask(model: str, max_tokens: int) -> ChatRequest:
    question = "Write a long, detailed letter appealing a denied MRI."
    return ChatRequest(model=model, messages=[ChatMessage(role="user", content=question)], max_tokens=max_tokens)


class SwitchableProxy:
    """A port on 127.0.0.1 that either accepts connections and never answers, or forwards them to the server."""

    def __init__(self, upstream: str) -> None:
        parts = urlsplit(upstream)
        self._upstream = (parts.hostname or "127.0.0.1", parts.port or 80)
        self.silent = True
        self._tasks: set[asyncio.Task[None]] = set()

    @contextlib.asynccontextmanager
    async def serving(self) -> AsyncIterator[str]:
        server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        try:
            yield f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
        finally:
            server.close()
            for task in self._tasks:
                task.cancel()
            await asyncio.wait_for(server.wait_closed(), 5)

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        try:
            if self.silent:
                await asyncio.sleep(60)
                return
            up_reader, up_writer = await asyncio.open_connection(*self._upstream)
            await asyncio.gather(self._pipe(reader, up_writer), self._pipe(up_reader, writer))
        except (asyncio.CancelledError, ConnectionError):
            pass
        finally:
            writer.close()
            self._tasks.discard(task)

    @staticmethod
    async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
        writer.close()


async def test_hanging_backend_opens_the_breaker_then_closes_when_the_server_is_back(
    vllm_url: str, served_model: str
) -> None:
    proxy = SwitchableProxy(vllm_url)
    async with proxy.serving() as url:
        backend = Backend(
            name="flaky",
            base_url=url,
            timeouts=Timeouts(connect=1, read=2.5, total=2.8),
            retries=Retries(attempts=1),
            breaker=BreakerSettings(threshold=2, cooldown_s=1.0),
        )
        router = Router([backend], fallback=_template)
        try:
            for _ in range(2):
                started = time.monotonic()
                assert (await router.complete(_ask(served_model, 8), redacted=True)).fallback_used
                assert time.monotonic() - started < FALLBACK_WITHIN_S
            assert router.breaker_state("flaky") == "open"

            started = time.monotonic()
            skipped = await router.complete(_ask(served_model, 8), redacted=True)
            assert skipped.fallback_used and time.monotonic() - started < 0.2  # open: not even tried

            proxy.silent = False  # the server is back
            await asyncio.sleep(1.2)
            assert router.breaker_state("flaky") == "half-open"
            assert await router.probe("flaky")
            assert router.breaker_state("flaky") == "closed"
            answer = await router.complete(_ask(served_model, 8), redacted=True)
            assert not answer.fallback_used
            assert answer.backend == "flaky" and answer.candidates[0].strip()
        finally:
            await router.aclose()


async def test_server_killed_mid_stream_gives_the_template_letter_within_3_s(
    vllm_url: str, served_model: str, tmp_path: Path
) -> None:
    port = int(os.environ.get("OVERTURN_VLLM_FAULT_PORT", "8019"))
    server = VllmProcess(port, served_model, tmp_path / "vllm-fault.log")
    try:
        await asyncio.to_thread(server.wait_ready)
        router = Router([Backend(name="doomed", base_url=server.url)], fallback=_template)
        killed_at: list[float] = []

        def kill_on_first_text(text: str) -> None:
            if not killed_at:
                os.killpg(server.process.pid, signal.SIGKILL)
                killed_at.append(time.monotonic())

        try:
            letter = await router.complete_streaming(
                _ask(served_model, 400), redacted=True, on_delta=kill_on_first_text
            )
        finally:
            await router.aclose()
        assert killed_at, "the server sent no text before the kill"
        assert letter.fallback_used
        assert letter.candidates == [TEMPLATE_LETTER]
        assert time.monotonic() - killed_at[0] < FALLBACK_WITHIN_S
        assert router.metrics.value("fallbacks_total", reason="stream_interrupted") == 1
    finally:
        server.kill()
