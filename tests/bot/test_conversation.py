"""Resume routing and the per-thread lock: a reply goes to the waiting question; two at once are refused."""

from __future__ import annotations

import asyncio
import logging

import pytest

from bot.conversation import ConversationError
from store.thread_lock import ThreadBusy
from tests.graph.interview.harness import EXAMPLE_LETTER, ScriptedModel, context, conversation, run_through

pytestmark = pytest.mark.unit


async def test_a_conversation_that_never_started_has_no_current_turn() -> None:
    assert await conversation(context()).current() is None


async def test_a_reply_before_the_start_is_refused() -> None:
    with pytest.raises(ConversationError, match="not waiting"):
        await conversation(context()).send("yes")


async def test_starting_twice_is_refused_and_current_shows_the_waiting_step_again() -> None:
    convo = conversation(context())
    first = await convo.start(EXAMPLE_LETTER, "letter.txt")
    with pytest.raises(ConversationError, match="already started"):
        await convo.start(EXAMPLE_LETTER, "letter.txt")
    again = await convo.current()
    assert again is not None and again.kind == "confirm" and again.payload == first.payload


async def test_after_the_letter_is_delivered_current_shows_it_and_no_reply_is_taken() -> None:
    convo = conversation(context())
    final, _ = await run_through(convo)
    current = await convo.current()
    assert current is not None and current.kind == "done" and current.payload["text"] == final.payload["text"]
    with pytest.raises(ConversationError):
        await convo.send("yes")


async def test_two_messages_at_once_never_interleave_the_second_is_refused() -> None:
    gate = asyncio.Event()

    async def slow_reading(text: str):  # type: ignore[no-untyped-def]
        await gate.wait()
        from graph.extraction.extractor import extract

        return extract(text)

    convo = conversation(context(read_details=slow_reading))
    first = asyncio.create_task(convo.start(EXAMPLE_LETTER, "letter.txt"))
    await asyncio.sleep(0.05)
    with pytest.raises(ThreadBusy):
        await convo.send({"accept": True})
    gate.set()
    turn = await first
    assert turn.kind == "confirm"
    assert (await convo.send({"accept": True})).kind in ("question", "done")


async def test_no_identifier_reaches_a_log_record(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    model = ScriptedModel([None, None])
    await run_through(conversation(context(model)), member_name="Jordan Example")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for identifier in ("Jordan Example", "U0000000001", "2026E0000042", "PA-00000087", "42 Sample Lane"):
        assert identifier not in logged


async def test_a_run_that_died_between_steps_is_carried_on_only_when_asked() -> None:
    from graph.extraction.extractor import extract

    failures = [RuntimeError("the process died here")]

    async def reading_that_dies_once(text: str):  # type: ignore[no-untyped-def]
        if failures:
            raise failures.pop()
        return extract(text)

    convo = conversation(context(read_details=reading_that_dies_once))
    with pytest.raises(RuntimeError):
        await convo.start(EXAMPLE_LETTER, "letter.txt")
    assert await convo.current(carry_on=False) is None  # a read-only look runs nothing
    carried = await convo.current()
    assert carried is not None and carried.kind == "confirm"
