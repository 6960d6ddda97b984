"""Which server answers: backends tried in order, each behind its own circuit breaker, then a fallback.

Privacy gate: a backend marked `external` is someone else's server. It is off unless the router is built with
`allow_external=True`, and even then it only receives requests the caller declares `redacted=True`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Callable, Sequence

import httpx

from serving.backend import Backend
from serving.breakers import BreakerBoard, BreakerOpen
from serving.client import ChatClient, new_request_id
from serving.errors import BackendsUnavailable, PermanentError, ServingError, StreamInterrupted
from serving.metrics import BreakerState, FallbackReason, Outcome, ServingMetrics
from serving.types import ChatRequest, Completion, StreamDelta, Usage

log = logging.getLogger(__name__)

# Builds an answer without a model (the template letter); the router marks it `fallback_used=True`.
Fallback = Callable[[ChatRequest], Completion]


class Router:
    def __init__(
        self,
        backends: Sequence[Backend],
        fallback: Fallback | None = None,
        *,
        allow_external: bool = False,
        metrics: ServingMetrics | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        names = [backend.name for backend in backends]
        if len(set(names)) != len(names):
            raise ValueError(f"backend names must be unique: {names}")
        self.backends = list(backends)
        self.allow_external = allow_external
        self.metrics = metrics if metrics is not None else ServingMetrics()
        self._fallback = fallback
        self._clients = {backend.name: ChatClient(backend, transport=transport) for backend in backends}
        self._breakers = BreakerBoard(backends, on_change=self.metrics.breaker)

    async def aclose(self) -> None:
        for client in self._clients.values():
            await client.aclose()

    def breaker_state(self, name: str) -> BreakerState:
        return self._breakers.state(name)

    def may_receive(self, backend: Backend, *, redacted: bool) -> bool:
        """The privacy gate: unredacted text goes only to our own servers."""
        return not backend.external or (self.allow_external and redacted)

    async def complete(self, request: ChatRequest, *, redacted: bool) -> Completion:
        """The first backend that answers, else the fallback; raises BackendsUnavailable when there is none."""
        reasons: dict[str, str] = {}
        for backend in self._candidates(redacted, reasons):
            started = time.perf_counter()
            try:
                async with self._breakers.guard(backend):
                    completion = await self._clients[backend.name].complete(request)
            except ServingError as exc:
                reasons[backend.name] = self._record_failure(backend, exc)
                continue
            self._record_success(backend.name, completion.usage, time.perf_counter() - started)
            return completion
        return self.use_fallback(request, "unavailable", reasons)

    async def stream(self, request: ChatRequest, *, redacted: bool) -> AsyncIterator[str]:
        """Text deltas of the one candidate. A backend that fails before its first delta is passed over; a break
        after text has gone out raises StreamInterrupted (call `use_fallback`); none answering raises
        BackendsUnavailable."""
        async for _, delta in self._stream_deltas(request, redacted=redacted):
            if delta.text:
                yield delta.text

    async def complete_streaming(
        self, request: ChatRequest, *, redacted: bool, on_delta: Callable[[str], None] | None = None
    ) -> Completion:
        """Stream to `on_delta` as text arrives and return the whole answer; on a broken stream or no backend,
        the fallback's answer (the caller replaces what it showed)."""
        started = time.perf_counter()
        parts: list[str] = []
        usage, model, source, request_id = Usage(), request.model, "", new_request_id()
        try:
            async for name, delta in self._stream_deltas(request, redacted=redacted, request_id=request_id):
                source = name
                usage = delta.usage or usage
                model = delta.model or model
                if delta.text:
                    parts.append(delta.text)
                    if on_delta is not None:
                        on_delta(delta.text)
        except StreamInterrupted as exc:
            return self.use_fallback(request, "stream_interrupted", {exc.backend: str(exc)})
        except BackendsUnavailable as exc:
            return self.use_fallback(request, "unavailable", exc.reasons)
        return Completion(
            candidates=["".join(parts)],
            model=model,
            usage=usage,
            request_id=request_id,
            latency_s=time.perf_counter() - started,
            backend=source,
        )

    def use_fallback(self, request: ChatRequest, reason: FallbackReason, reasons: dict[str, str]) -> Completion:
        """The fallback's answer, counted in metrics; BackendsUnavailable when the router has no fallback."""
        log.warning("serving fallback reason=%s backends=%s", reason, sorted(reasons))
        if self._fallback is None:
            raise BackendsUnavailable(f"no model backend could answer ({reason})", reasons=reasons)
        self.metrics.fallback(reason)
        return self._fallback(request).model_copy(update={"fallback_used": True})

    async def probe(self, name: str) -> bool:
        """GET /v1/models through the backend's breaker: after the cool-down a good probe closes it again."""
        backend = next(backend for backend in self.backends if backend.name == name)
        if not self.may_receive(backend, redacted=True):
            return False
        try:
            async with self._breakers.guard(backend):
                await self._clients[name].list_models()
        except ServingError as exc:
            log.info("probe backend=%s failed: %s", name, type(exc).__name__)
            return False
        return True

    async def _stream_deltas(
        self, request: ChatRequest, *, redacted: bool, request_id: str | None = None
    ) -> AsyncIterator[tuple[str, StreamDelta]]:
        if request.n != 1:
            raise ValueError("streaming through the router gives one candidate; ask for n=1 or use complete()")
        reasons: dict[str, str] = {}
        for backend in self._candidates(redacted, reasons):
            started, usage, sent = time.perf_counter(), Usage(), 0
            try:
                async with self._breakers.guard(backend):
                    async for delta in self._clients[backend.name].stream(request, request_id=request_id):
                        usage = delta.usage or usage
                        sent += 1 if delta.text else 0
                        yield backend.name, delta
            except ServingError as exc:
                reasons[backend.name] = self._record_failure(backend, exc)
                if sent and isinstance(exc, StreamInterrupted):
                    raise
                continue
            self._record_success(backend.name, usage, time.perf_counter() - started)
            return
        raise BackendsUnavailable("no model backend could start a stream", reasons=reasons)

    def _candidates(self, redacted: bool, reasons: dict[str, str]) -> list[Backend]:
        allowed = []
        for backend in self.backends:
            if self.may_receive(backend, redacted=redacted):
                allowed.append(backend)
                continue
            self.metrics.request(backend.name, "withheld")
            reasons[backend.name] = "withheld: external backend" + ("" if redacted else " and text not redacted")
        return allowed

    def _record_failure(self, backend: Backend, exc: ServingError) -> str:
        outcome: Outcome
        if isinstance(exc, BreakerOpen):
            outcome = "open"
        elif isinstance(exc, StreamInterrupted):
            outcome = "interrupted"
        elif isinstance(exc, PermanentError):
            outcome = "permanent"
        else:
            outcome = "transient"
        self.metrics.request(backend.name, outcome)
        log.warning("serving backend=%s outcome=%s error=%s", backend.name, outcome, type(exc).__name__)
        return str(exc)

    def _record_success(self, backend: str, usage: Usage, seconds: float) -> None:
        self.metrics.request(backend, "ok", seconds)
        self.metrics.usage(backend, usage)
