"""One circuit breaker per backend (purgatory), with the state each one is in kept where the router can see it.

A breaker counts transient failures and broken streams; a PermanentError (bad request, unknown model) says
nothing about the server's health, and a caller walking away (cancellation, closing a stream) is not a failure.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager

from purgatory import AsyncCircuitBreakerFactory
from purgatory.domain.messages.base import Event
from purgatory.domain.messages.events import ContextChanged
from purgatory.domain.model import OpenedState

from serving.backend import Backend
from serving.errors import PermanentError, ServingError
from serving.metrics import BreakerState

_STATE_NAMES: dict[str, BreakerState] = {"closed": "closed", "half-opened": "half-open", "opened": "open"}


class BreakerOpen(ServingError):
    """The backend's breaker is open: it is not called until the cool-down has passed."""


class BreakerBoard:
    def __init__(
        self, backends: Sequence[Backend], on_change: Callable[[str, BreakerState], None] | None = None
    ) -> None:
        self._backends = {backend.name: backend for backend in backends}
        self._states: dict[str, BreakerState] = dict.fromkeys(self._backends, "closed")
        self._opened_at: dict[str, float] = {}
        self._on_change = on_change
        self._factory = AsyncCircuitBreakerFactory(
            exclude=[PermanentError, asyncio.CancelledError, GeneratorExit],
        )
        self._factory.add_listener(self._heard)
        for name in self._backends:
            self._notify(name, "closed")

    def state(self, name: str) -> BreakerState:
        """The state as the next call will find it: an open breaker past its cool-down lets a trial call through."""
        state = self._states[name]
        cooldown = self._backends[name].breaker.cooldown_s
        if state == "open" and time.time() > self._opened_at.get(name, 0.0) + cooldown:
            return "half-open"
        return state

    @asynccontextmanager
    async def guard(self, backend: Backend) -> AsyncIterator[None]:
        """Run the body under the backend's breaker; raises BreakerOpen without running it while open."""
        breaker = await self._factory.get_breaker(
            backend.name, threshold=backend.breaker.threshold, ttl=backend.breaker.cooldown_s
        )
        try:
            await breaker.__aenter__()
        except OpenedState as exc:
            raise BreakerOpen(f"backend {backend.name!r} is resting (circuit open)", backend=backend.name) from exc
        try:
            yield
        except BaseException as exc:
            await breaker.__aexit__(type(exc), exc, exc.__traceback__)
            raise
        await breaker.__aexit__(None, None, None)

    def _heard(self, name: str, what: str, event: Event) -> None:
        if what != "state_changed" or not isinstance(event, ContextChanged):
            return
        state = _STATE_NAMES[event.state]
        if state == "open":
            self._opened_at[name] = event.opened_at if event.opened_at is not None else time.time()
        self._states[name] = state
        self._notify(name, state)

    def _notify(self, name: str, state: BreakerState) -> None:
        if self._on_change is not None:
            self._on_change(name, state)
