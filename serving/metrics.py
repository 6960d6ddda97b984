"""Prometheus metrics for model calls, kept in their own CollectorRegistry so each router (and test) has its own.

Serve `ServingMetrics.render()` from a /metrics endpoint, or pass a shared registry in to join an app's metrics.
"""

from __future__ import annotations

from typing import Literal

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from serving.types import Usage

# ok: answered. transient/permanent: failed (retried or not). interrupted: a stream broke. open: skipped, breaker
# open. withheld: skipped by the privacy gate.
Outcome = Literal["ok", "transient", "permanent", "interrupted", "open", "withheld"]
BreakerState = Literal["closed", "half-open", "open"]
FallbackReason = Literal["unavailable", "stream_interrupted"]

BREAKER_STATE_VALUE: dict[BreakerState, int] = {"closed": 0, "half-open": 1, "open": 2}
_LATENCY_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 20.0, 40.0, 80.0, 160.0)


class ServingMetrics:
    def __init__(self, registry: CollectorRegistry | None = None, *, prefix: str = "overturn_serving") -> None:
        self.registry = registry if registry is not None else CollectorRegistry()
        self.prefix = prefix
        self.requests = Counter(
            f"{prefix}_requests", "Calls to model backends by outcome", ["backend", "outcome"], registry=self.registry
        )
        self.request_seconds = Histogram(
            f"{prefix}_request_seconds",
            "Seconds per answered call, retries included",
            ["backend"],
            buckets=_LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.tokens = Counter(
            f"{prefix}_tokens", "Tokens reported by backends", ["backend", "kind"], registry=self.registry
        )
        self.fallbacks = Counter(
            f"{prefix}_fallbacks",
            "Answers served by the fallback instead of a model",
            ["reason"],
            registry=self.registry,
        )
        self.breaker_state = Gauge(
            f"{prefix}_breaker_state",
            "Circuit breaker per backend: 0 closed, 1 half-open, 2 open",
            ["backend"],
            registry=self.registry,
        )

    def request(self, backend: str, outcome: Outcome, seconds: float | None = None) -> None:
        self.requests.labels(backend=backend, outcome=outcome).inc()
        if seconds is not None:
            self.request_seconds.labels(backend=backend).observe(seconds)

    def usage(self, backend: str, usage: Usage) -> None:
        self.tokens.labels(backend=backend, kind="prompt").inc(usage.prompt_tokens)
        self.tokens.labels(backend=backend, kind="completion").inc(usage.completion_tokens)

    def fallback(self, reason: FallbackReason) -> None:
        self.fallbacks.labels(reason=reason).inc()

    def breaker(self, backend: str, state: BreakerState) -> None:
        self.breaker_state.labels(backend=backend).set(BREAKER_STATE_VALUE[state])

    def value(self, name: str, **labels: str) -> float:
        """One sample's current value (0 when never set), e.g. value("requests_total", backend="a", outcome="ok")."""
        found = self.registry.get_sample_value(f"{self.prefix}_{name}", labels)
        return 0.0 if found is None else found

    def render(self) -> bytes:
        """The Prometheus text exposition of everything in this registry."""
        return generate_latest(self.registry)
