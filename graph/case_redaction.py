"""From the case as the member confirmed it to what a letter writer may see: every identifier a placeholder.

Pure: the caller passes `redact` (text -> text with placeholders, the case's redactor and vault behind it) and
`placeholder` (type, value -> the vault's placeholder). Claim and reference numbers and the member's name are
placed by type, not left to the recognizers: we know exactly what they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from graph.composition.build_facts import answered_question, letter_facts
from graph.composition.facts import AnsweredQuestion, LetterFacts
from graph.denial import TEXT_FIELDS, DenialDetails
from graph.questions.model import Answer, AnswerStatus, Question
from graph.redaction.entities import CLAIM_NUMBER, MEMBER_ID, PERSON, REFERENCE_NUMBER

Redact = Callable[[str], str]
Placeholder = Callable[[str, str], str]

# Free-text fields that go through the redactor (clinical words and insurers come back as they are; a name
# or an address inside the insurer's reason does not). Claim and reference numbers are placed by type.
_REDACTED_TEXT_FIELDS = tuple(name for name in TEXT_FIELDS if name not in ("claim_id", "reference_id"))


def redacted_details(details: DenialDetails, redact: Redact, placeholder: Placeholder) -> DenialDetails:
    """The details with identifiers replaced and the evidence dropped (it quotes the unredacted letter)."""
    update: dict[str, object] = {name: _maybe(getattr(details, name), redact) for name in _REDACTED_TEXT_FIELDS}
    if details.claim_id:
        update["claim_id"] = placeholder(CLAIM_NUMBER, details.claim_id)
    if details.reference_id:
        update["reference_id"] = placeholder(REFERENCE_NUMBER, details.reference_id)
    if details.appeal_deadline is not None and details.appeal_deadline.counted_from:
        deadline = details.appeal_deadline.model_copy(
            update={"counted_from": redact(details.appeal_deadline.counted_from)}
        )
        update["appeal_deadline"] = deadline
    update["evidence"] = {}
    return details.model_copy(update=update)


def redacted_answers(answered: Iterable[tuple[Question, Answer]], redact: Redact) -> list[AnsweredQuestion]:
    """The answered questions (skipped and unknown ones say nothing), values redacted."""
    facts = []
    for question, answer in answered:
        if answer.status is not AnswerStatus.answered or answer.value is None:
            continue
        fact = answered_question(
            question.text, question.area, question.id, redact(answer.value), question.letter_phrase
        )
        if fact is not None:
            facts.append(fact)
    return facts


def case_letter_facts(
    details: DenialDetails,
    answered: Iterable[tuple[Question, Answer]],
    *,
    member_name: str | None,
    member_id: str | None = None,
    today: dt.date,
    redact: Redact,
    placeholder: Placeholder,
) -> LetterFacts:
    name = placeholder(PERSON, member_name) if member_name and member_name.strip() else None
    return letter_facts(
        redacted_details(details, redact, placeholder),
        redacted_answers(answered, redact),
        today=today,
        member_name=name,
        member_id=placeholder(MEMBER_ID, member_id) if member_id and member_id.strip() else None,
    )


def _maybe(value: str | None, redact: Redact) -> str | None:
    return redact(value) if value else value
