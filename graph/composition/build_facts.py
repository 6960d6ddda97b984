"""Building LetterFacts: the confirmed (already redacted) denial details, the member's answers, the letter's date.

An answer becomes a first-person sentence from the question's `letter_phrase`. A phrase without "{answer}" is
written for a "yes": a "no" to it is left out of the letter rather than turned into a statement, because a
phrase like "I have already tried physical therapy." must never stand for a "no", and a bare "I answered no"
rarely helps an appeal. A phrase with "{answer}" reads for any value and is filled in. A question without a
phrase is reported as asked and answered, again only when the answer is not "no".
"""

from __future__ import annotations

import datetime as dt
import re

from graph.composition.facts import AnsweredQuestion, LetterFacts, long_date
from graph.denial import DenialDetails

_SLOT = "{answer}"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NO = "no"


def letter_facts(
    details: DenialDetails,
    answers: list[AnsweredQuestion],
    *,
    today: dt.date,
    member_name: str | None,
    member_id: str | None = None,
) -> LetterFacts:
    """The facts every letter writer gets. `details` must already be redacted; nothing here redacts."""
    return LetterFacts(
        today=today,
        member_name=member_name,
        member_id=member_id,
        insurer=details.insurer,
        plan_name=details.plan_name,
        plan_kind=details.plan_kind,
        service=details.service,
        service_kind=details.service_kind,
        diagnosis=details.diagnosis,
        codes=details.codes.model_copy(deep=True),
        categories=list(dict.fromkeys(details.categories)),
        reason=details.reason,
        policy_cited=details.policy_cited,
        claim_id=details.claim_id,
        reference_id=details.reference_id,
        letter_date=details.letter_date,
        service_date=details.service_date,
        appeal_deadline=details.appeal_deadline.model_copy() if details.appeal_deadline else None,
        expedited_available=details.expedited_available,
        appeal_address=details.appeal_address,
        appeal_fax=details.appeal_fax,
        answers=list(answers),
    )


def answered_question(
    question_text: str,
    area: str,
    question_id: str,
    value: str,
    letter_phrase: str | None,
) -> AnsweredQuestion | None:
    """The answer with its letter sentence, or None when the answer must stay out of the letter (see module doc).
    `value` is the normalised, redacted answer: "yes"/"no", an ISO date, a number, a choice or free text."""
    answer = value.strip()
    if not answer:
        return None
    statement = _statement(question_text, answer, letter_phrase)
    if statement is None:
        return None
    return AnsweredQuestion(
        question_id=question_id,
        area=area,
        question=question_text.strip(),
        answer=answer,
        statement=statement,
    )


def _statement(question_text: str, answer: str, letter_phrase: str | None) -> str | None:
    is_no = answer.lower() == _NO
    phrase = (letter_phrase or "").strip()
    if phrase and _SLOT in phrase:
        return _sentence(phrase.replace(_SLOT, _readable(answer)))
    if is_no:
        return None
    if phrase:
        return _sentence(phrase)
    return _sentence(f"Asked “{question_text.strip()}”, I answered: {_readable(answer)}")


def _readable(answer: str) -> str:
    """ISO dates read as "March 3, 2025"; everything else stays as the member gave it."""
    if _ISO_DATE.match(answer):
        try:
            return long_date(dt.date.fromisoformat(answer))
        except ValueError:
            return answer
    return answer


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "”", '"')) else f"{text}."
