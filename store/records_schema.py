"""The case records: what was delivered to whom and how it was written, and what came of it. Redacted text only.

One `cases` row per case (kept as a tombstone, owner nulled, when the member deletes the case); the denial details
and answers as last recorded; every delivered letter, with each generation that was written for it; outcomes.
Every table registers on store.db.metadata. The values behind the placeholders live only in the encrypted vault
(store.vault_repository), so deleting the vault row de-identifies everything here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Final, Literal, get_args

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    RowMapping,
    String,
    Table,
    Text,
)

from store.db import metadata

CaseStatus = Literal["open", "delivered", "needs_review", "deleted"]
LetterStatus = Literal["draft", "approved", "sent"]
OutcomeResult = Literal["overturned", "partly_overturned", "upheld", "pending", "withdrawn"]
AnswerStatus = Literal["answered", "skipped", "unknown"]

CASE_STATUSES: Final[tuple[str, ...]] = get_args(CaseStatus)
LETTER_STATUSES: Final[tuple[str, ...]] = get_args(LetterStatus)  # in the only order a letter may move
OUTCOME_RESULTS: Final[tuple[str, ...]] = get_args(OutcomeResult)
ANSWER_STATUSES: Final[tuple[str, ...]] = get_args(AnswerStatus)

_ID = 128  # case, thread and owner ids


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


def _case_fk() -> ForeignKey:
    return ForeignKey("cases.case_id")


cases = Table(
    "cases",
    metadata,
    Column("case_id", String(_ID), primary_key=True),
    Column("thread_id", String(_ID), nullable=False),
    Column("owner", String(_ID), nullable=True),
    Column("channel", String(32), nullable=False),
    Column("status", String(16), nullable=False),
    Column("deadline", Date, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    CheckConstraint(_one_of("status", CASE_STATUSES), name="status"),
)

case_details = Table(
    "case_details",
    metadata,
    Column("case_id", String(_ID), _case_fk(), primary_key=True),  # one current row per case
    Column("details", JSON, nullable=False),  # the confirmed details as the letter saw them, redacted
    Column("recorded_at", DateTime(timezone=True), nullable=False),
)

case_answers = Table(
    "case_answers",
    metadata,
    Column("case_id", String(_ID), _case_fk(), primary_key=True),
    Column("question_id", String(64), primary_key=True),
    Column("position", Integer, nullable=False),  # the order the member answered in
    Column("status", String(16), nullable=False),
    Column("value", Text, nullable=True),  # redacted
    CheckConstraint(_one_of("status", ANSWER_STATUSES), name="status"),
)

letters = Table(
    "letters",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", String(_ID), _case_fk(), nullable=False, index=True),
    Column("text", Text, nullable=False),  # redacted
    Column("vault_case_id", String(_ID), nullable=False),  # whose vault fills the placeholders back in
    Column("status", String(16), nullable=False),
    Column("question_bank_version", String(64), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("status_changed_at", DateTime(timezone=True), nullable=False),
    CheckConstraint(_one_of("status", LETTER_STATUSES), name="status"),
    Index("ix_letters_status", "status"),
)

# Every letter written for a case. The attempts behind a delivered letter point at it (`letter_id`), the one
# the member got with `chosen`; a shadow generation (written for comparison, never shown) points at no letter.
generations = Table(
    "generations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", String(_ID), _case_fk(), nullable=False, index=True),
    Column("letter_id", Integer, ForeignKey("letters.id"), nullable=True, index=True),
    Column("source", String(16), nullable=False),
    Column("shadow", Boolean, nullable=False),
    Column("text", Text, nullable=False),  # redacted
    Column("template", String(256), nullable=True),
    Column("template_sha256", String(64), nullable=True),
    Column("system_sha256", String(64), nullable=True),
    Column("model_id", String(256), nullable=True),
    Column("revision", String(128), nullable=True),
    Column("adapter", String(256), nullable=True),
    Column("parameters", JSON, nullable=False),
    Column("backend", String(64), nullable=True),
    Column("latency_s", Float, nullable=True),
    Column("prompt_tokens", Integer, nullable=True),
    Column("completion_tokens", Integer, nullable=True),
    Column("fallback_used", Boolean, nullable=False),
    Column("fallback_reason", Text, nullable=True),
    Column("guardrails", JSON, nullable=False),
    Column("guardrails_passed", Boolean, nullable=False),
    Column("chosen", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    CheckConstraint("source IN ('model', 'template')", name="source"),
    CheckConstraint("NOT (shadow AND chosen)", name="shadow_not_chosen"),
)

outcomes = Table(
    "outcomes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", String(_ID), _case_fk(), nullable=False, index=True),
    Column("result", String(24), nullable=False),
    Column("reported_at", DateTime(timezone=True), nullable=False),
    Column("note", Text, nullable=True),  # redacted
    CheckConstraint(_one_of("result", OUTCOME_RESULTS), name="result"),
)

RECORD_TABLES: Final = (cases, case_details, case_answers, letters, generations, outcomes)


def aware(moment: dt.datetime) -> dt.datetime:
    """SQLite hands timestamps back without their zone; every one we write is UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class CaseRow:
    case_id: str
    thread_id: str
    owner: str | None
    channel: str
    status: CaseStatus
    deadline: dt.date | None
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True)
class LetterRow:
    id: int
    case_id: str
    text: str  # redacted
    vault_case_id: str
    status: LetterStatus
    question_bank_version: str | None
    created_at: dt.datetime
    status_changed_at: dt.datetime


@dataclass(frozen=True)
class GenerationRow:
    id: int
    case_id: str
    letter_id: int | None
    source: str
    shadow: bool
    chosen: bool
    text: str  # redacted
    template: str | None
    template_sha256: str | None
    system_sha256: str | None
    model_id: str | None
    revision: str | None
    adapter: str | None
    parameters: dict[str, Any]
    backend: str | None
    latency_s: float | None
    prompt_tokens: int | None
    completion_tokens: int | None
    fallback_used: bool
    fallback_reason: str | None
    guardrails: dict[str, Any]
    guardrails_passed: bool
    created_at: dt.datetime


@dataclass(frozen=True)
class OutcomeRow:
    id: int
    case_id: str
    result: OutcomeResult
    reported_at: dt.datetime
    note: str | None  # redacted


def case_row(row: RowMapping) -> CaseRow:
    return CaseRow(**{**row, "created_at": aware(row["created_at"]), "updated_at": aware(row["updated_at"])})


def letter_row(row: RowMapping) -> LetterRow:
    return LetterRow(
        **{**row, "created_at": aware(row["created_at"]), "status_changed_at": aware(row["status_changed_at"])}
    )


def generation_row(row: RowMapping) -> GenerationRow:
    return GenerationRow(**{**row, "created_at": aware(row["created_at"])})


def outcome_row(row: RowMapping) -> OutcomeRow:
    return OutcomeRow(**{**row, "reported_at": aware(row["reported_at"])})
