"""What the interview hands the store when a letter is delivered: redacted, JSON-able, complete enough to
answer "why does this letter say that?" later. The store (store/case_records.py) decides how it is kept."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field


class GenerationRecord(BaseModel):
    """One letter written for the case: a model draft, a template letter, or a shadow run never shown."""

    model_config = ConfigDict(frozen=True)

    source: Literal["model", "template"]
    shadow: bool = False
    text: str  # redacted: placeholders, never values
    template: str | None = None  # e.g. "letters/medical_necessity.j2" or "compose/appeal.user.j2"
    template_sha256: str | None = None  # for a model draft: the user prompt's sha256
    system_sha256: str | None = None
    model_id: str | None = None
    revision: str | None = None
    adapter: str | None = None
    parameters: dict[str, Any] = Field(default_factory=dict)  # n, temperature, max_tokens
    backend: str | None = None
    latency_s: float | None = None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    fallback_used: bool = False
    fallback_reason: str | None = None
    guardrails: dict[str, Any] = Field(default_factory=dict)  # GuardrailReport JSON with "passed"
    chosen: bool = False  # the one the member got


class AnswerRecord(BaseModel):
    model_config = ConfigDict(frozen=True)

    question_id: str
    status: Literal["answered", "skipped", "unknown"]
    value: str | None = None  # redacted


class DeliveryRecord(BaseModel):
    model_config = ConfigDict(frozen=True)

    case_id: str
    channel: str  # "terminal", "batch", "web", "agent"
    owner: str | None = None  # the member or agent id the channel knows (never a name)
    status: Literal["ready", "needs_review"]
    deadline: dt.date | None = None
    details: dict[str, Any]  # DenialDetails JSON, redacted, without evidence
    answers: list[AnswerRecord]
    letter_text: str  # the delivered letter, redacted (the vault holds the values)
    question_bank_version: str | None = None
    generations: list[GenerationRecord]


class CaseRecords(Protocol):
    """Where cases and delivered letters are recorded (the store)."""

    def open_case(self, case_id: str, *, channel: str, owner: str | None, thread_id: str | None = None) -> bool:
        """A conversation started (idempotent); the channel calls it before the first step."""
        ...

    def record_delivery(self, record: DeliveryRecord) -> None:
        """The interview calls it once per delivery."""
        ...
