from __future__ import annotations

import pytest

from serving.metrics import ServingMetrics
from serving.types import Usage


@pytest.mark.unit
def test_each_instance_has_its_own_registry() -> None:
    first, second = ServingMetrics(), ServingMetrics()
    first.request("gpu", "ok", 0.4)
    assert first.value("requests_total", backend="gpu", outcome="ok") == 1
    assert second.value("requests_total", backend="gpu", outcome="ok") == 0


@pytest.mark.unit
def test_values_move_as_calls_are_recorded() -> None:
    metrics = ServingMetrics()
    metrics.request("gpu", "ok", 0.3)
    metrics.request("gpu", "ok", 1.5)
    metrics.request("gpu", "transient")
    metrics.usage("gpu", Usage(prompt_tokens=100, completion_tokens=40))
    metrics.fallback("unavailable")
    metrics.breaker("gpu", "half-open")
    assert metrics.value("requests_total", backend="gpu", outcome="ok") == 2
    assert metrics.value("requests_total", backend="gpu", outcome="transient") == 1
    assert metrics.value("request_seconds_count", backend="gpu") == 2  # failures carry no latency sample
    assert metrics.value("request_seconds_sum", backend="gpu") == pytest.approx(1.8)
    assert metrics.value("request_seconds_bucket", backend="gpu", le="0.5") == 1
    assert metrics.value("tokens_total", backend="gpu", kind="prompt") == 100
    assert metrics.value("tokens_total", backend="gpu", kind="completion") == 40
    assert metrics.value("fallbacks_total", reason="unavailable") == 1
    assert metrics.value("breaker_state", backend="gpu") == 1


@pytest.mark.unit
@pytest.mark.parametrize(("state", "value"), [("closed", 0), ("half-open", 1), ("open", 2)])
def test_breaker_state_values(state: str, value: int) -> None:
    metrics = ServingMetrics()
    metrics.breaker("gpu", state)  # type: ignore[arg-type]
    assert metrics.value("breaker_state", backend="gpu") == value


@pytest.mark.unit
def test_exposition_names() -> None:
    metrics = ServingMetrics()
    metrics.request("gpu", "ok", 0.1)
    text = metrics.render().decode()
    kinds = {"requests_total": "counter", "request_seconds": "histogram", "tokens_total": "counter"}
    for name, kind in {**kinds, "fallbacks_total": "counter", "breaker_state": "gauge"}.items():
        assert f"# TYPE overturn_serving_{name} {kind}" in text
    assert 'overturn_serving_requests_total{backend="gpu",outcome="ok"} 1.0' in text
