"""One member's interview, driven turn by turn by any channel (terminal, batch, web).

Resume routing: when the thread is paused at a question, what the member sends is the answer
(`Command(resume=...)`); a thread that has not started takes a letter. Threads are keyed on a stable id
(the case id), never a socket. Each turn holds the thread's lock, so two messages for one conversation
never interleave: the second is refused with ThreadBusy (the channel says "busy, try again"), not queued.
"""

from __future__ import annotations

import asyncio
import inspect
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from langchain_core.runnables import RunnableConfig
from langgraph.types import Command

from graph.interview.builder import Interview
from graph.interview.context import InterviewContext
from graph.interview.state import InterviewState
from store.thread_lock import ThreadLock

TurnKind = Literal["confirm", "question", "done", "rejected"]
# Told each progress line as it happens; a web channel passes a coroutine function (it updates the page).
ProgressSink = Callable[[dict[str, Any]], Awaitable[None] | None]


class ConversationError(Exception):
    """A turn that does not fit the conversation's state; the message is for the member."""


@dataclass(frozen=True)
class Turn:
    """What the member sees next: a confirmation, a question, or the finished letter (or why we stopped)."""

    kind: TurnKind
    payload: dict[str, Any]
    progress: list[dict[str, Any]] = field(default_factory=list)


def new_thread_id() -> str:
    return uuid.uuid4().hex[:12]


class Conversation:
    def __init__(
        self,
        interview: Interview,
        context: InterviewContext,
        lock: ThreadLock,
        thread_id: str,
        on_progress: ProgressSink | None = None,
    ) -> None:
        self.interview = interview
        self.context = context
        self.lock = lock
        self.thread_id = thread_id
        self.on_progress = on_progress
        self._config: RunnableConfig = {"configurable": {"thread_id": thread_id}}

    async def start(
        self,
        letter: str,
        source: str,
        member_name: str | None = None,
        *,
        channel: str = "terminal",
        owner: str | None = None,
    ) -> Turn:
        async with self.lock.hold(self.thread_id):
            if await self._has_state():
                raise ConversationError("This conversation has already started; continue it instead.")
            state: InterviewState = {
                "case_id": self.thread_id,
                "channel": channel,
                "letter": {"text": letter, "source": source},
            }
            if owner:
                state["owner"] = owner
            if self.context.records is not None:  # a database write: off the event loop, which serves other members
                await asyncio.to_thread(
                    self.context.records.open_case,
                    self.thread_id,
                    channel=channel,
                    owner=owner,
                    thread_id=self.thread_id,
                )
            if member_name and member_name.strip():
                state["member"] = {"name": member_name.strip()}
            return await self._run(state)

    async def send(self, reply: object) -> Turn:
        """The member's reply to the pending confirmation or question."""
        async with self.lock.hold(self.thread_id):
            snapshot = await self.interview.aget_state(self._config)
            if not snapshot.interrupts:
                raise ConversationError("This conversation is not waiting for an answer.")
            return await self._run(Command(resume=reply))

    async def current(self, *, carry_on: bool = True) -> Turn | None:
        """Where the conversation stands (for a reload or `--resume`), or None when it never started.

        A run that died between steps is carried on from its last checkpoint, unless `carry_on` is False (a
        read-only look, e.g. a download): then it is None too."""
        snapshot = await self.interview.aget_state(self._config)
        if not snapshot.values:
            return None
        if snapshot.interrupts:
            return Turn(_kind(snapshot.interrupts[0].value), dict(snapshot.interrupts[0].value))
        if snapshot.next:
            if not carry_on:
                return None
            # A run that died between steps: carry on from the last checkpoint.
            async with self.lock.hold(self.thread_id):
                return await self._run(None)
        return _finished(snapshot.values)

    async def _has_state(self) -> bool:
        snapshot = await self.interview.aget_state(self._config)
        return bool(snapshot.values)

    async def _run(self, run_input: InterviewState | Command[Any] | None) -> Turn:
        progress: list[dict[str, Any]] = []
        # The pause (or the final state) is read off the run's own stream: reading the checkpoint back would
        # cost every turn another trip to the store, which all members share.
        paused: list[Any] = []
        final: dict[str, Any] | None = None
        async for mode, chunk in self.interview.astream(
            run_input,
            self._config,
            context=self.context,
            stream_mode=["custom", "updates", "values"],
            durability="sync",
            subgraphs=False,
        ):
            if mode == "custom" and isinstance(chunk, dict) and "progress" in chunk:
                progress.append(chunk["progress"])
                if self.on_progress is not None:
                    told = self.on_progress(chunk["progress"])
                    if inspect.isawaitable(told):
                        await told
            elif mode == "updates" and isinstance(chunk, dict) and "__interrupt__" in chunk:
                paused.extend(chunk["__interrupt__"])
            elif mode == "values" and isinstance(chunk, dict):
                final = chunk
        if paused:
            value = paused[0].value
            return Turn(_kind(value), dict(value), progress)
        if final is None:  # nothing ran (the thread had no step left): what the checkpoint says
            snapshot = await self.interview.aget_state(self._config)
            if snapshot.interrupts:
                value = snapshot.interrupts[0].value
                return Turn(_kind(value), dict(value), progress)
            final = snapshot.values
        turn = _finished(final)
        return Turn(turn.kind, turn.payload, progress)


def _kind(value: Any) -> TurnKind:
    kind = value.get("kind") if isinstance(value, dict) else None
    if kind not in ("confirm", "question"):
        raise ConversationError("The conversation is paused at a step this channel does not know.")
    return kind  # type: ignore[no-any-return]


def _finished(values: dict[str, Any]) -> Turn:
    outcome = dict(values.get("outcome") or {})
    return Turn("rejected" if outcome.get("status") == "rejected" else "done", outcome)
