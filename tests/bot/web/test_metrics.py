"""Turn timings: one observation per turn, whether the handler returns or raises."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from bot.web.metrics import REGISTRY, exposition, timed_turn

pytestmark = pytest.mark.unit


def _count(kind: str) -> float:
    return REGISTRY.get_sample_value("overturn_web_turn_seconds_count", {"kind": kind}) or 0.0


def _sum(kind: str) -> float:
    return REGISTRY.get_sample_value("overturn_web_turn_seconds_sum", {"kind": kind}) or 0.0


def _kind() -> str:
    return f"test-{uuid.uuid4().hex[:8]}"  # the registry is global: each test counts its own kind


async def test_each_call_is_observed_once_and_returns_the_handlers_value() -> None:
    kind = _kind()

    @timed_turn(kind)
    async def handler(number: int, *, plus: int) -> int:
        await asyncio.sleep(0.01)
        return number + plus

    assert handler.__name__ == "handler"
    assert await handler(1, plus=2) == 3
    assert _count(kind) == 1
    assert await handler(2, plus=2) == 4
    assert _count(kind) == 2
    assert _sum(kind) >= 0.02


async def test_a_turn_that_raises_is_still_observed_and_still_raises() -> None:
    kind = _kind()

    @timed_turn(kind)
    async def handler() -> None:
        raise RuntimeError("model went away")

    for attempt in (1, 2):
        with pytest.raises(RuntimeError, match="model went away"):
            await handler()
        assert _count(kind) == attempt


async def test_a_cancelled_turn_is_observed() -> None:
    kind = _kind()

    @timed_turn(kind)
    async def handler() -> None:
        await asyncio.sleep(10)

    task = asyncio.ensure_future(handler())
    await asyncio.sleep(0)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert _count(kind) == 1


async def test_the_exposition_has_the_turn_histogram_and_no_arguments() -> None:
    kind = _kind()

    @timed_turn(kind)
    async def handler(secret_text: str) -> str:
        return secret_text

    await handler("CANARY-CONTENT-9081")
    text = exposition().decode("utf-8")
    assert "# TYPE overturn_web_turn_seconds histogram" in text
    assert f'overturn_web_turn_seconds_count{{kind="{kind}"}} 1.0' in text
    assert 'le="0.05"' in text  # the p95 target is a bucket edge
    assert "CANARY-CONTENT-9081" not in text
