from __future__ import annotations

import asyncio

import pytest

from serving.backend import BreakerSettings
from serving.breakers import BreakerBoard, BreakerOpen
from serving.errors import PermanentError, TransientError
from serving.metrics import BreakerState
from tests.serving.fakes import backend

GPU = backend("gpu", breaker=BreakerSettings(threshold=2, cooldown_s=0.05))


async def _fail(board: BreakerBoard, error: Exception) -> None:
    with pytest.raises(type(error)):
        async with board.guard(GPU):
            raise error


def _transient() -> TransientError:
    return TransientError("down", backend="gpu")


@pytest.mark.unit
async def test_opens_after_threshold_then_half_opens_then_closes() -> None:
    changes: list[tuple[str, BreakerState]] = []
    board = BreakerBoard([GPU], on_change=lambda name, state: changes.append((name, state)))
    await _fail(board, _transient())
    assert board.state("gpu") == "closed"
    await _fail(board, _transient())
    assert board.state("gpu") == "open"
    with pytest.raises(BreakerOpen):
        async with board.guard(GPU):
            raise AssertionError("an open breaker must not run the call")
    await asyncio.sleep(0.08)
    assert board.state("gpu") == "half-open"
    async with board.guard(GPU):
        pass
    assert board.state("gpu") == "closed"
    assert [state for _, state in changes] == ["closed", "open", "half-open", "closed"]


@pytest.mark.unit
async def test_a_failed_trial_reopens() -> None:
    board = BreakerBoard([GPU])
    for _ in range(2):
        await _fail(board, _transient())
    await asyncio.sleep(0.08)
    await _fail(board, _transient())
    assert board.state("gpu") == "open"


@pytest.mark.unit
@pytest.mark.parametrize(
    "error",
    [PermanentError("no such model", backend="gpu", status=404, model="m"), asyncio.CancelledError()],
)
async def test_errors_that_say_nothing_about_health_do_not_count(error: BaseException) -> None:
    board = BreakerBoard([GPU])
    for _ in range(3):
        with pytest.raises(type(error)):
            async with board.guard(GPU):
                raise error
    assert board.state("gpu") == "closed"


@pytest.mark.unit
async def test_a_success_resets_the_count() -> None:
    board = BreakerBoard([GPU])
    await _fail(board, _transient())
    async with board.guard(GPU):
        pass
    await _fail(board, _transient())
    assert board.state("gpu") == "closed"
