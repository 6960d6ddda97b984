"""Questions we ask the member, and the answers they give: the shapes the bank, the planner and the graph share.

Plain pydantic, no I/O. A question bank is YAML under prompts/questions/ (prompts.question_bank loads it).
An answer is always one of three kinds: a value (validated and normalised for its answer type), "skipped",
or "unknown" (the member said they don't know). The last two are valid answers, never errors.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from graph.denial import Category, PlanKind, ServiceKind


class AnswerType(StrEnum):
    yes_no = "yes_no"
    date = "date"
    number = "number"
    choice = "choice"
    free_text = "free_text"


class Condition(BaseModel):
    """When a question is asked. Every non-empty list must match (AND); within a list any item matches (OR).
    An empty condition always matches."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    categories_any: list[Category] = []
    service_kinds_any: list[ServiceKind] = []
    plan_kinds_any: list[PlanKind] = []
    # another question's answer: {question_id: [accepted normalised values]}; matches only when answered so
    answered: dict[str, list[str]] = {}


class Prefill(BaseModel):
    """Where a suggested answer comes from: a DenialDetails field path ("service_date", "appeal_deadline.date",
    "codes.icd10") read from the confirmed details. The member still confirms it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    field: str = Field(min_length=1)


class Question(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]{2,63}$")
    area: str = Field(min_length=1)
    text: str = Field(min_length=5)
    answer_type: AnswerType
    choices: list[str] = []
    why: str = Field(min_length=5)  # why it matters to the appeal; shown on request
    prefill: Prefill | None = None
    condition: Condition = Condition()
    priority: int = Field(default=50, ge=0, le=100)  # higher first
    # How the answer reads in a letter; "{answer}" is replaced by the normalised answer.
    letter_phrase: str | None = None


class AnswerStatus(StrEnum):
    answered = "answered"
    skipped = "skipped"
    unknown = "unknown"


class Answer(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    question_id: str
    status: AnswerStatus
    value: str | None = None  # normalised: "yes"/"no", ISO date, a number as written plainly, a choice, text
