"""An async client for one OpenAI-compatible server (vLLM first): completions, streams, `n` candidates, JSON output.

Timeouts: httpx enforces connect/read/write per phase; `total` bounds the whole call, retries included. Only
transient failures are retried (tenacity). Logs carry request ids, status and latency, never message text.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import AsyncIterator
from types import TracebackType
from typing import Any

import httpx
from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_attempt, wait_exponential, wait_random

from serving.backend import Backend
from serving.errors import StreamInterrupted, TransientError
from serving.sse import DONE, SseParser
from serving.types import ChatRequest, Completion, StreamDelta, Usage
from serving.wire import (
    CHAT_PATH,
    MODELS_PATH,
    error_for_status,
    model_ids,
    parse_completion,
    parse_stream_event,
    request_body,
)

log = logging.getLogger(__name__)
REQUEST_ID_HEADER = "X-Request-Id"


def new_request_id() -> str:
    return uuid.uuid4().hex


class ChatClient:
    def __init__(self, backend: Backend, *, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.backend = backend
        headers = {"Accept": "application/json"}
        if backend.api_key is not None:
            headers["Authorization"] = f"Bearer {backend.api_key.get_secret_value()}"
        t = backend.timeouts
        self._http = httpx.AsyncClient(
            base_url=backend.root,
            headers=headers,
            timeout=httpx.Timeout(connect=t.connect, read=t.read, write=t.write, pool=t.connect),
            transport=transport,
        )

    async def __aenter__(self) -> ChatClient:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    async def complete(self, request: ChatRequest, *, request_id: str | None = None) -> Completion:
        """All candidates at once; with `request.stream` the answer is streamed and assembled here."""
        request_id = request_id or new_request_id()
        started = time.perf_counter()
        total = self.backend.timeouts.total
        try:
            async with asyncio.timeout(total):
                if request.stream:
                    return await self._assemble_stream(request, request_id, started)
                return await self._retrying()(self._post_once, request, request_id, started)
        except TimeoutError as exc:
            self._log(request_id, "timeout", started)
            raise TransientError(
                f"backend {self.backend.name!r} gave no answer within {total:g} s", backend=self.backend.name
            ) from exc

    async def stream(self, request: ChatRequest, *, request_id: str | None = None) -> AsyncIterator[StreamDelta]:
        """Deltas as they arrive. Failing to start is TransientError/PermanentError; a break after is
        StreamInterrupted. The last delta of a finished stream usually carries usage."""
        request_id = request_id or new_request_id()
        started = time.perf_counter()
        deadline = asyncio.get_running_loop().time() + self.backend.timeouts.total
        try:
            async with asyncio.timeout_at(deadline):
                response: httpx.Response = await self._retrying()(self._open_stream, request, request_id)
        except TimeoutError as exc:
            self._log(request_id, "timeout", started)
            raise TransientError(
                f"backend {self.backend.name!r} did not start a stream in time", backend=self.backend.name
            ) from exc
        try:
            async for delta in self._read_stream(response, request_id, deadline, started):
                yield delta
        finally:
            await response.aclose()

    async def list_models(self, *, timeout_s: float | None = None) -> list[str]:
        """The served model and adapter names (GET /v1/models); raises TransientError/PermanentError."""
        wait = timeout_s if timeout_s is not None else self.backend.timeouts.connect
        try:
            response = await self._http.get(MODELS_PATH, timeout=httpx.Timeout(wait))
        except httpx.HTTPError as exc:
            raise self._transport_error(exc) from exc
        if response.status_code != 200:
            raise error_for_status(response.status_code, response.text, backend=self.backend.name, model="*")
        return model_ids(response.json())

    def _retrying(self) -> AsyncRetrying:
        retries = self.backend.retries
        return AsyncRetrying(
            stop=stop_after_attempt(retries.attempts),
            wait=wait_exponential(multiplier=retries.backoff_s, max=retries.max_backoff_s)
            + wait_random(0, retries.backoff_s),
            retry=retry_if_exception_type(TransientError),
            reraise=True,
        )

    async def _post_once(self, request: ChatRequest, request_id: str, started: float) -> Completion:
        body = request_body(request, self.backend.kind, stream=False)
        try:
            response = await self._http.post(CHAT_PATH, json=body, headers={REQUEST_ID_HEADER: request_id})
        except httpx.HTTPError as exc:
            self._log(request_id, type(exc).__name__, started)
            raise self._transport_error(exc) from exc
        self._log(request_id, response.status_code, started)
        if response.status_code != 200:
            raise error_for_status(response.status_code, response.text, backend=self.backend.name, model=request.model)
        candidates, finish_reasons, model, usage = parse_completion(_json(response), backend=self.backend.name)
        return Completion(
            candidates=candidates,
            model=model or request.model,
            usage=usage,
            request_id=response.headers.get(REQUEST_ID_HEADER, request_id),
            latency_s=time.perf_counter() - started,
            backend=self.backend.name,
            finish_reasons=finish_reasons,
        )

    async def _assemble_stream(self, request: ChatRequest, request_id: str, started: float) -> Completion:
        texts: dict[int, list[str]] = {i: [] for i in range(request.n)}
        finish: dict[int, str | None] = {}
        usage, model = Usage(), request.model
        async for delta in self.stream(request, request_id=request_id):
            texts.setdefault(delta.index, []).append(delta.text)
            if delta.finish_reason is not None:
                finish[delta.index] = delta.finish_reason
            usage = delta.usage or usage
            model = delta.model or model
        indexes = sorted(texts)
        return Completion(
            candidates=["".join(texts[i]) for i in indexes],
            model=model,
            usage=usage,
            request_id=request_id,
            latency_s=time.perf_counter() - started,
            backend=self.backend.name,
            finish_reasons=[finish.get(i) for i in indexes],
        )

    async def _open_stream(self, request: ChatRequest, request_id: str) -> httpx.Response:
        body = request_body(request, self.backend.kind, stream=True)
        headers = {REQUEST_ID_HEADER: request_id, "Accept": "text/event-stream"}
        outgoing = self._http.build_request("POST", CHAT_PATH, json=body, headers=headers)
        try:
            response = await self._http.send(outgoing, stream=True)
        except httpx.HTTPError as exc:
            raise self._transport_error(exc) from exc
        if response.status_code != 200:
            try:
                text = (await response.aread()).decode("utf-8", "replace")
            finally:
                await response.aclose()
            raise error_for_status(response.status_code, text, backend=self.backend.name, model=request.model)
        return response

    async def _read_stream(
        self, response: httpx.Response, request_id: str, deadline: float, started: float
    ) -> AsyncIterator[StreamDelta]:
        parser, lines, received = SseParser(), response.aiter_lines(), 0
        while True:
            try:
                async with asyncio.timeout_at(deadline):
                    line = await anext(lines)
            except StopAsyncIteration:
                data = parser.finish()
                ended = True
            except (httpx.HTTPError, TimeoutError) as exc:
                self._log(request_id, f"interrupted:{type(exc).__name__}", started)
                raise self._interrupted(received) from exc
            else:
                data = parser.feed(line)
                ended = False
            if data == DONE:
                self._log(request_id, 200, started)
                return
            if data is not None:
                for delta in parse_stream_event(data, backend=self.backend.name):
                    received += 1
                    yield delta
            if ended:
                # The body ended without `[DONE]`: the server went away mid-answer.
                self._log(request_id, "interrupted:eof", started)
                raise self._interrupted(received)

    def _interrupted(self, received: int) -> StreamInterrupted:
        return StreamInterrupted(
            f"stream from backend {self.backend.name!r} stopped before it was done",
            backend=self.backend.name,
            received=received,
        )

    def _transport_error(self, exc: httpx.HTTPError) -> TransientError:
        what = "timed out" if isinstance(exc, httpx.TimeoutException) else "could not be reached"
        return TransientError(f"backend {self.backend.name!r} {what} ({type(exc).__name__})", backend=self.backend.name)

    def _log(self, request_id: str, status: object, started: float) -> None:
        log.info(
            "chat backend=%s request_id=%s status=%s latency_s=%.3f",
            self.backend.name,
            request_id,
            status,
            time.perf_counter() - started,
        )


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None
