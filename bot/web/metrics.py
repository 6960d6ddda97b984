"""Server-side timing of each member turn (input received → reply sent), for operators and the load benchmark.

Served as Prometheus text at GET /overturn/metrics: durations and counts only, never content.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Awaitable, Callable
from typing import ParamSpec, TypeVar

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest

REGISTRY = CollectorRegistry()
# Fine steps where the target is (p95 ≤ 50 ms), coarse ones for turns that read a letter or write one.
TURN_BUCKETS = (
    *(step / 1000 for step in range(2, 101, 2)),
    0.125, 0.15, 0.2, 0.3, 0.5, 0.75, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0,
)  # fmt: skip
TURN_SECONDS = Histogram(
    "overturn_web_turn_seconds",
    "Member input received to reply sent",
    ["kind"],
    buckets=TURN_BUCKETS,
    registry=REGISTRY,
)
TURN_ERRORS = Counter("overturn_web_turn_errors", "Turns that ended in an apology", registry=REGISTRY)
METRICS_PATH = "/overturn/metrics"

P = ParamSpec("P")
R = TypeVar("R")


def timed_turn(kind: str) -> Callable[[Callable[P, Awaitable[R]]], Callable[P, Awaitable[R]]]:
    def decorate(handler: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
        @functools.wraps(handler)
        async def timed(*args: P.args, **kwargs: P.kwargs) -> R:
            started = time.perf_counter()
            try:
                return await handler(*args, **kwargs)
            finally:
                TURN_SECONDS.labels(kind).observe(time.perf_counter() - started)

        return timed

    return decorate


def exposition() -> bytes:
    return generate_latest(REGISTRY)
