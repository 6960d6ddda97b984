"""Driving the interview in unit tests: a scripted fake model at the edge, everything else real.

ScriptedModel plays back queued replies (a list of candidate letters, a JSON text, or None for "no model
answered") and keeps every request it was sent, so tests can read exactly what left the case.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from langgraph.checkpoint.memory import InMemorySaver

from bot.conversation import Conversation, Turn
from bot.wiring import redactor_for
from graph.denial import DenialDetails
from graph.extraction.extractor import extract
from graph.interview.builder import Interview, build_interview
from graph.interview.context import InterviewContext, ModelCall, ModelPin
from prompts.question_bank import load_question_bank
from serving.types import ChatRequest, Completion
from store.case_vaults import MemoryVaults
from store.thread_lock import LocalThreadLock

EXAMPLE_LETTER = (Path(__file__).resolve().parents[3] / "bot" / "examples" / "denial_mri.txt").read_text()
TODAY = dt.date(2026, 3, 20)
PIN = ModelPin(served_name="appeal-writer", model_id="test/appeal-writer", revision="r1", adapter=None)
_ids = itertools.count(1)

Reply = list[str] | str | None


@dataclass
class ScriptedModel:
    replies: list[Reply] = field(default_factory=list)
    requests: list[ChatRequest] = field(default_factory=list)

    async def __call__(self, request: ChatRequest) -> Completion | None:
        self.requests.append(request)
        if not self.replies:
            raise AssertionError("the scripted model was called more often than the test expected")
        reply = self.replies.pop(0)
        if reply is None:
            return None
        candidates = [reply] if isinstance(reply, str) else list(reply)
        return Completion(
            candidates=candidates,
            model=PIN.model_id,
            request_id=f"req-{len(self.requests)}",
            latency_s=0.01,
            backend="fake",
        )

    def sent_text(self) -> str:
        return "\n".join(message.content for request in self.requests for message in request.messages)


async def _rules(text: str) -> DenialDetails:
    return extract(text)


def context(model: ModelCall | None = None, **overrides: Any) -> InterviewContext:
    settings: dict[str, Any] = {
        "read_details": _rules,
        "redactor_for": redactor_for,
        "vaults": MemoryVaults(),
        "bank": load_question_bank(),
        "today": lambda: TODAY,
    }
    if model is not None:
        settings.update(model=model, compose_pin=PIN, questions_pin=PIN)
    settings.update(overrides)
    return InterviewContext(**settings)


def conversation(ctx: InterviewContext, interview: Interview | None = None) -> Conversation:
    graph = interview or build_interview(InMemorySaver())
    return Conversation(graph, ctx, LocalThreadLock(), f"t{next(_ids)}")


Answerer = Callable[[dict[str, Any]], object]


def skip_all(payload: dict[str, Any]) -> object:
    return "skip"


async def run_through(
    convo: Conversation,
    letter: str = EXAMPLE_LETTER,
    *,
    member_name: str | None = "Jordan Example",
    confirm_replies: Sequence[object] = (),
    answer: Answerer = skip_all,
) -> tuple[Turn, list[Turn]]:
    """Start, confirm (the given replies, then accept), answer every question; the final turn and all turns."""
    turns = [await convo.start(letter, "test.txt", member_name)]
    pending_confirms = list(confirm_replies)
    while turns[-1].kind in ("confirm", "question"):
        turn = turns[-1]
        if turn.kind == "confirm":
            reply = pending_confirms.pop(0) if pending_confirms else {"accept": True}
        else:
            reply = answer(turn.payload)
        turns.append(await convo.send(reply))
        assert len(turns) < 80, "the interview did not end"
    return turns[-1], turns


def questions_asked(turns: Iterable[Turn]) -> list[str]:
    return [turn.payload["id"] for turn in turns if turn.kind == "question"]
