"""Training examples from approved letters: the compose prompt a letter answers, and the letter, de-identified.

What "de-identified" guarantees here: only the redacted text the interview stored is exported (details,
answers and letter, placeholders in place of values); the vault is never read, so no value behind a
placeholder can reach the file; the case id is replaced by a hash. On top of that, a last check refuses an
example whose text still looks like it holds an identifier the redactor missed (see `identifier_problem`).
It is a safety net, not a second redactor: a name in the clear would pass it.

The prompt is rebuilt with graph.composition from the case's current details (with the member's name and id
placeholders, which the interview records beside them) and answers. Answers to questions not in the bank, such
as a case's generated follow-ups, are left out: the record keeps the answer, not the question. So it is the
prompt the model would see for this case now.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import Connection, Engine, select

from graph.composition.build_facts import answered_question, letter_facts
from graph.composition.facts import AnsweredQuestion
from graph.composition.prompt import compose_messages
from graph.denial import DenialDetails
from graph.questions.bank import QuestionBank
from graph.redaction.entities import ENTITY_TYPES
from graph.redaction.placeholders import LOOSE_PLACEHOLDER, PLACEHOLDER
from graph.redaction.policy import is_toll_free
from prompts.question_bank import load_question_bank
from store.records_schema import aware, case_answers, case_details, generations, letters

EXPORTED_STATUSES = ("approved", "sent")
CASE_HASH_CHARS = 16

_TYPES = "|".join(sorted(ENTITY_TYPES, key=len, reverse=True))
_BROKEN_PLACEHOLDER = re.compile(rf"\[\s*(?:{_TYPES})(?![A-Za-z])|\b(?:{_TYPES})_\d+\s*\]")
_LONG_DIGITS = re.compile(r"\d{7,}")
_SSN_SHAPE = re.compile(r"(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)")
_PHONE_SHAPE = re.compile(r"(?<!\d)(?:\+?1[-. ]?)?(?:\(\d{3}\)\s?|\d{3}[-. ])\d{3}[-. ]\d{4}(?!\d)")

Refused = Callable[[int, str], None]  # letter id, why


def case_hash(case_id: str) -> str:
    """How an example names its case: enough to group a case's letters, not the id itself."""
    return hashlib.sha256(case_id.encode("utf-8")).hexdigest()[:CASE_HASH_CHARS]


def identifier_problem(text: str) -> str | None:
    """Why `text` may still hold an identifier, or None. Outside well-formed placeholders: a garbled or broken
    placeholder, seven or more digits in a row, an SSN's shape, or a phone number that is not toll-free (the
    redactor keeps the insurer's toll-free lines)."""
    for match in LOOSE_PLACEHOLDER.finditer(text):
        if PLACEHOLDER.fullmatch(match.group()) is None:
            return "a placeholder is garbled"
    outside = PLACEHOLDER.sub(" ", text)
    if _BROKEN_PLACEHOLDER.search(outside):
        return "a placeholder is broken"
    if _LONG_DIGITS.search(outside):
        return "a run of seven or more digits"
    if _SSN_SHAPE.search(outside):
        return "a number shaped like an SSN"
    if any(not is_toll_free(match.group()) for match in _PHONE_SHAPE.finditer(outside)):
        return "a phone number that is not toll-free"
    return None


def training_examples(
    engine: Engine, *, bank: QuestionBank | None = None, on_refused: Refused | None = None
) -> Iterator[dict[str, Any]]:
    """One chat example per approved or sent letter, oldest first. A letter that fails the identifier check
    (or has no details recorded) is skipped and reported to `on_refused` with its id and the reason."""
    bank = bank or load_question_bank()
    query = select(letters.c.id).where(letters.c.status.in_(EXPORTED_STATUSES)).order_by(letters.c.id)
    with engine.connect() as connection:
        letter_ids = list(connection.execute(query).scalars())
        for letter_id in letter_ids:
            example = _example(connection, letter_id, bank)
            if isinstance(example, str):
                if on_refused is not None:
                    on_refused(letter_id, example)
                continue
            yield example


def _example(connection: Connection, letter_id: int, bank: QuestionBank) -> dict[str, Any] | str:
    letter = connection.execute(select(letters).where(letters.c.id == letter_id)).mappings().one()
    case_id = str(letter["case_id"])
    stored = connection.execute(
        select(case_details.c.details).where(case_details.c.case_id == case_id)
    ).scalar_one_or_none()
    if stored is None:
        return "no denial details recorded"
    facts = letter_facts(
        DenialDetails.model_validate(stored),
        _answered(connection, case_id, bank),
        today=aware(letter["created_at"]).date(),
        member_name=_placeholder(stored, "member_name"),
        member_id=_placeholder(stored, "member_id"),
    )
    messages, versions = compose_messages(facts)
    chat = [{"role": m.role, "content": m.content} for m in messages]
    chat.append({"role": "assistant", "content": str(letter["text"])})
    for message in chat[1:]:
        if not message["content"].strip():
            return f"the {message['role']} message is empty"
        if (problem := identifier_problem(message["content"])) is not None:
            return f"{problem} in the {message['role']} message"
    metadata = {
        "case": case_hash(case_id),
        "letter_status": letter["status"],
        "question_bank_version": letter["question_bank_version"],
        "prompt": {
            "system_template": versions.system_template,
            "system_sha256": versions.system_version,
            "user_template": versions.user_template,
            "user_sha256": versions.user_version,
        },
        "written_by": _chosen_generation(connection, letter_id),
        "categories": [category.value for category in facts.categories],
        "plan_kind": facts.plan_kind.value,
        "service_kind": facts.service_kind.value if facts.service_kind else None,
        "letter_date": facts.today.isoformat(),
    }
    return {"messages": chat, "metadata": metadata}


def _placeholder(details: dict[str, Any], name: str) -> str | None:
    value = details.get(name)
    return value if isinstance(value, str) and PLACEHOLDER.fullmatch(value) else None


def _answered(connection: Connection, case_id: str, bank: QuestionBank) -> list[AnsweredQuestion]:
    rows = connection.execute(
        select(case_answers.c.question_id, case_answers.c.value)
        .where(case_answers.c.case_id == case_id, case_answers.c.status == "answered")
        .order_by(case_answers.c.position)
    ).all()
    answered = []
    for question_id, value in rows:
        if value is None or question_id not in bank:
            continue
        question = bank.by_id(question_id)
        fact = answered_question(question.text, question.area, question.id, value, question.letter_phrase)
        if fact is not None:
            answered.append(fact)
    return answered


def _chosen_generation(connection: Connection, letter_id: int) -> dict[str, Any] | None:
    """How the delivered letter was written: template or model, and which prompt or template version."""
    row = (
        connection.execute(
            select(
                generations.c.source,
                generations.c.template,
                generations.c.template_sha256,
                generations.c.system_sha256,
                generations.c.model_id,
                generations.c.revision,
                generations.c.adapter,
            ).where(generations.c.letter_id == letter_id, generations.c.chosen.is_(True))
        )
        .mappings()
        .first()
    )
    return None if row is None else dict(row)
