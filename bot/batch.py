"""The interview without a person: support staff and evaluation run the same graph from an answers file.

Extracted details are accepted as read (or corrected from the file), each question is answered from the
file, the letter's own suggestion is kept where there is one, and everything else is skipped. An answer the
interview cannot take is skipped and reported, never guessed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator

from bot.conversation import Conversation, Turn


class AnswersFile(BaseModel):
    """`--answers ANSWERS.yaml`: member_name, details (corrections by field), answers (by question id)."""

    model_config = ConfigDict(extra="forbid")

    member_name: str | None = None
    details: dict[str, str] = {}
    answers: dict[str, str] = {}

    @field_validator("details", "answers", mode="before")
    @classmethod
    def _as_text(cls, value: object) -> object:
        if not isinstance(value, dict):
            return value
        return {str(key): _text(item) for key, item in value.items()}


def _text(value: object) -> str:
    if isinstance(value, bool):  # YAML reads yes/no as booleans
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


@dataclass
class BatchRun:
    outcome: dict[str, Any]
    kind: str
    answers_used: dict[str, dict[str, Any]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


async def run_batch(conversation: Conversation, letter: str, source: str, answers: AnswersFile) -> BatchRun:
    run = BatchRun(outcome={}, kind="")
    turn = await conversation.start(letter, source, answers.member_name, channel="batch")
    corrected = False
    while turn.kind in ("confirm", "question"):
        reply: object
        if turn.kind == "confirm":
            if turn.payload.get("notice"):
                run.warnings.append(f"correction not taken: {turn.payload['notice']}")
            if answers.details and not corrected:
                reply, corrected = {"corrections": answers.details, "accept": True}, True
            else:
                reply = {"accept": True}
        else:
            reply = _answer(turn, answers, run)
        turn = await conversation.send(reply)
    run.kind, run.outcome = turn.kind, turn.payload
    return run


def _answer(turn: Turn, answers: AnswersFile, run: BatchRun) -> str:
    payload = turn.payload
    question_id = payload["id"]
    if payload.get("reask"):
        run.warnings.append(f"answer to {question_id} not taken ({payload['reask']}); skipped")
        run.answers_used[question_id] = {"question": payload["text"], "answer": "skip", "from": "rejected"}
        return "skip"
    if question_id in answers.answers:
        given = answers.answers[question_id]
        run.answers_used[question_id] = {"question": payload["text"], "answer": given, "from": "answers file"}
        return given
    if payload.get("prefill"):
        run.answers_used[question_id] = {"question": payload["text"], "answer": payload["prefill"], "from": "letter"}
        return ""
    run.answers_used[question_id] = {"question": payload["text"], "answer": "skip", "from": "not answered"}
    return "skip"
