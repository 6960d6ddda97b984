"""What an appeal letter may say: the confirmed denial details and the member's answers, already redacted.

LetterFacts is the one input of every letter writer (the model prompt and the template letters) and of the
guardrails that check a letter. Identifiers in it are placeholders ("[PERSON_1]", "[CLAIM_NUMBER_1]"); the
real values go back in only at delivery. Plain pydantic, no I/O.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from graph.denial import AppealDeadline, Category, Codes, PlanKind, ServiceKind


class AnsweredQuestion(BaseModel):
    """One question the member answered (skipped and unknown answers never reach a letter)."""

    model_config = ConfigDict(frozen=True)

    question_id: str
    area: str
    question: str
    answer: str  # normalised, redacted
    statement: str  # the answer as a first-person sentence for the letter, redacted


class LetterFacts(BaseModel):
    model_config = ConfigDict(frozen=True)

    today: dt.date  # the appeal letter's own date
    member_name: str | None = None  # a placeholder when known
    member_id: str | None = None  # a placeholder when known
    insurer: str | None = None
    plan_name: str | None = None
    plan_kind: PlanKind = PlanKind.unknown
    service: str | None = None
    service_kind: ServiceKind | None = None
    diagnosis: str | None = None
    codes: Codes = Field(default_factory=Codes)
    categories: list[Category] = Field(default_factory=list)
    reason: str | None = None  # the insurer's words, redacted
    policy_cited: str | None = None
    claim_id: str | None = None  # placeholder
    reference_id: str | None = None  # placeholder
    letter_date: dt.date | None = None
    service_date: dt.date | None = None
    appeal_deadline: AppealDeadline | None = None
    expedited_available: bool | None = None
    appeal_address: str | None = None
    appeal_fax: str | None = None
    answers: list[AnsweredQuestion] = Field(default_factory=list)

    @property
    def primary_category(self) -> Category:
        return self.categories[0] if self.categories else Category.other

    @property
    def additional_categories(self) -> list[Category]:
        """The categories after the primary one, each once."""
        seen = {self.primary_category}
        extra: list[Category] = []
        for category in self.categories:
            if category not in seen:
                seen.add(category)
                extra.append(category)
        return extra

    @property
    def member_says_urgent(self) -> bool:
        return any("urgent" in a.question_id and a.answer.strip().lower() == "yes" for a in self.answers)

    @property
    def wants_expedited(self) -> bool:
        """A letter asks for an expedited review only when the insurer offers one and the member says it is urgent."""
        return self.expedited_available is True and self.member_says_urgent

    @property
    def code_labels(self) -> list[str]:
        """Every code with its system: "CPT 73721", "ICD-10 M17.11"."""
        systems = (
            ("CPT", self.codes.cpt),
            ("HCPCS", self.codes.hcpcs),
            ("ICD-10", self.codes.icd10),
            ("CARC", self.codes.carc),
        )
        return [f"{system} {code}" for system, values in systems for code in values]


_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def long_date(day: dt.date) -> str:
    """A date as letters write it, "March 3, 2025" (the form the grounding check recognises). English month
    names whatever the process locale (strftime's %B follows it)."""
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"


def letter_dates(facts: LetterFacts) -> dict[str, object]:
    """The dates a letter may print, written as letters write them, and whether the appeal deadline has passed
    (shared by the model prompt and the template letters, so both say the same)."""
    deadline = facts.appeal_deadline.date if facts.appeal_deadline else None
    return {
        "dates": {
            "today": long_date(facts.today),
            "letter_date": long_date(facts.letter_date) if facts.letter_date else None,
            "service_date": long_date(facts.service_date) if facts.service_date else None,
            "deadline": long_date(deadline) if deadline else None,
        },
        "deadline_passed": deadline is not None and deadline < facts.today,
    }
