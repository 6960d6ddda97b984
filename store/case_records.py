"""The case records in SQL: the interview's CaseRecords, and what staff do with a letter after it is delivered.

Every change is one transaction, then one audit event (ids, statuses, hashes and counts; never text). The event
is appended after the commit, so it never records a change that did not happen; a crash between the two leaves
a change unaudited, which the rows' own timestamps still show.

Letters move only forward: draft -> approved -> sent. A deleted case (a tombstone, see store.data_rights) takes
no new records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Engine, RowMapping, Select, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from graph.interview.records import DeliveryRecord, GenerationRecord
from store.audit import AuditLog
from store.db import metadata, utcnow
from store.records_schema import (
    LETTER_STATUSES,
    OUTCOME_RESULTS,
    RECORD_TABLES,
    CaseRow,
    GenerationRow,
    LetterRow,
    OutcomeRow,
    case_answers,
    case_details,
    case_row,
    cases,
    generation_row,
    generations,
    letter_row,
    letters,
    outcome_row,
    outcomes,
)


class CaseRecordError(ValueError):
    """A request the records refuse; the message is written for the person who made it."""


class UnknownCaseError(CaseRecordError): ...


class UnknownLetterError(CaseRecordError): ...


class CaseDeletedError(CaseRecordError): ...


class LetterStatusError(CaseRecordError): ...


class InvalidDeliveryError(CaseRecordError): ...


class SqlCaseRecords:
    """Implements graph.interview.records.CaseRecords on any SQLAlchemy engine (SQLite or PostgreSQL)."""

    def __init__(self, engine: Engine, audit: AuditLog) -> None:
        self.engine = engine
        self.audit = audit

    def create_schema(self) -> None:
        """Create the record tables if missing (tests and the laptop default; production uses migrations)."""
        metadata.create_all(self.engine, tables=list(RECORD_TABLES))

    def open_case(self, case_id: str, *, channel: str, owner: str | None, thread_id: str | None = None) -> bool:
        """Record a new case; True when it was new. Opening an open case again changes nothing."""
        now = utcnow()
        row = {"thread_id": thread_id or case_id, "owner": owner, "channel": channel, "status": "open"}
        try:
            with self.engine.begin() as connection:
                if _require_live_case(connection, case_id, missing_ok=True) is not None:
                    return False
                connection.execute(insert(cases).values(case_id=case_id, created_at=now, updated_at=now, **row))
        except IntegrityError:  # opened at the same moment by another process
            with self.engine.connect() as connection:
                _require_live_case(connection, case_id)
            return False
        # The channel, not the owner, is the actor: the log outlives a deletion, which leaves no member id behind.
        self.audit.append(actor=channel, role="system", action="case.opened", case_id=case_id, details={})
        return True

    def record_delivery(self, record: DeliveryRecord) -> None:
        """Keep a delivered letter, the details and answers it was written from, and every generation behind it."""
        chosen = _chosen_index(record)
        now = utcnow()
        status = "delivered" if record.status == "ready" else "needs_review"
        with self.engine.begin() as connection:
            _upsert_case(connection, record, status, now)
            _replace_details_and_answers(connection, record, now)
            letter_id = _insert_one(
                connection,
                insert(letters).values(
                    case_id=record.case_id,
                    text=record.letter_text,
                    vault_case_id=record.case_id,
                    status="draft",
                    question_bank_version=record.question_bank_version,
                    created_at=now,
                    status_changed_at=now,
                ),
            )
            generation_ids = [
                _insert_one(connection, insert(generations).values(**_generation_row(record, g, letter_id, now)))
                for g in record.generations
            ]
        picked = record.generations[chosen]
        shadow_ids = [i for i, g in zip(generation_ids, record.generations, strict=True) if g.shadow]
        self.audit.append(
            actor="interview",
            role="system",
            action="letter.delivered",
            case_id=record.case_id,
            details={
                "letter_id": letter_id,
                "status": status,
                "generation_ids": generation_ids,
                "shadow_generation_ids": shadow_ids,
                "chosen_generation_id": generation_ids[chosen],
                "chosen_source": picked.source,
                "chosen_template_sha256": picked.template_sha256,
                "chosen_system_sha256": picked.system_sha256,
                "chosen_model_id": picked.model_id,
                "answers": len(record.answers),
            },
        )

    def set_letter_status(self, letter_id: int, status: str, *, actor: str, role: str) -> LetterRow:
        """Move a letter forward (draft -> approved -> sent). Setting the status it has changes nothing."""
        if status not in LETTER_STATUSES[1:]:
            raise LetterStatusError(f"a letter can be marked {' or '.join(LETTER_STATUSES[1:])}, not {status!r}")
        with self.engine.begin() as connection:
            locked = select(letters).where(letters.c.id == letter_id).with_for_update()
            row = connection.execute(locked).mappings().first()
            if row is None:
                raise UnknownLetterError(f"there is no letter {letter_id}")
            current = str(row["status"])
            if current == status:
                return letter_row(row)
            _check_transition(letter_id, current, status)
            changed = connection.execute(
                update(letters)
                .where(letters.c.id == letter_id, letters.c.status == current)
                .values(status=status, status_changed_at=utcnow())
            )
            if changed.rowcount != 1:
                raise LetterStatusError(f"letter {letter_id} changed while it was being marked {status}; try again")
            updated = connection.execute(select(letters).where(letters.c.id == letter_id)).mappings().one()
        self.audit.append(
            actor=actor,
            role=role,
            action=f"letter.{status}",
            case_id=str(row["case_id"]),
            details={"letter_id": letter_id, "from": current, "to": status},
        )
        return letter_row(updated)

    def record_outcome(
        self, case_id: str, result: str, *, actor: str, role: str, note: str | None = None
    ) -> OutcomeRow:
        """What the insurer decided on the appeal. `note` must already be redacted."""
        if result not in OUTCOME_RESULTS:
            raise CaseRecordError(f"unknown outcome {result!r}; use one of: {', '.join(OUTCOME_RESULTS)}")
        with self.engine.begin() as connection:
            _require_live_case(connection, case_id)
            outcome_id = _insert_one(
                connection,
                insert(outcomes).values(case_id=case_id, result=result, reported_at=utcnow(), note=note or None),
            )
            row = connection.execute(select(outcomes).where(outcomes.c.id == outcome_id)).mappings().one()
        self.audit.append(
            actor=actor,
            role=role,
            action="outcome.reported",
            case_id=case_id,
            details={"outcome_id": outcome_id, "result": result, "has_note": bool(note)},
        )
        return outcome_row(row)

    def case(self, case_id: str) -> CaseRow | None:
        rows = self._read(select(cases).where(cases.c.case_id == case_id))
        return case_row(rows[0]) if rows else None

    def letter(self, letter_id: int) -> LetterRow | None:
        rows = self._read(select(letters).where(letters.c.id == letter_id))
        return letter_row(rows[0]) if rows else None

    def letters(self, case_id: str | None = None, status: str | None = None) -> list[LetterRow]:
        query = select(letters).order_by(letters.c.id)
        if case_id is not None:
            query = query.where(letters.c.case_id == case_id)
        if status is not None:
            query = query.where(letters.c.status == status)
        return [letter_row(row) for row in self._read(query)]

    def generations(self, case_id: str, shadow: bool | None = None) -> list[GenerationRow]:
        query = select(generations).where(generations.c.case_id == case_id).order_by(generations.c.id)
        if shadow is not None:
            query = query.where(generations.c.shadow.is_(shadow))
        return [generation_row(row) for row in self._read(query)]

    def outcomes(self, case_id: str) -> list[OutcomeRow]:
        query = select(outcomes).where(outcomes.c.case_id == case_id).order_by(outcomes.c.id)
        return [outcome_row(row) for row in self._read(query)]

    def _read(self, query: Select[Any]) -> Sequence[RowMapping]:
        with self.engine.connect() as connection:
            return connection.execute(query).mappings().all()


def _chosen_index(record: DeliveryRecord) -> int:
    """The one generation the member got; a delivery without exactly one is refused before anything is written."""
    chosen = [i for i, g in enumerate(record.generations) if g.chosen]
    if len(chosen) != 1:
        raise InvalidDeliveryError(
            f"case {record.case_id}: a delivery needs exactly one chosen generation, not {len(chosen)}"
        )
    if record.generations[chosen[0]].shadow:
        raise InvalidDeliveryError(f"case {record.case_id}: a shadow generation cannot be the delivered letter")
    question_ids = [answer.question_id for answer in record.answers]
    if len(set(question_ids)) != len(question_ids):
        raise InvalidDeliveryError(f"case {record.case_id}: a question is answered twice")
    return chosen[0]


def _check_transition(letter_id: int, current: str, wanted: str) -> None:
    have, want = LETTER_STATUSES.index(current), LETTER_STATUSES.index(wanted)
    if want < have:
        raise LetterStatusError(f"letter {letter_id} is already {current}; it cannot go back to {wanted}")
    if want > have + 1:
        raise LetterStatusError(f"letter {letter_id} is a {current}: approve it before marking it {wanted}")


def _require_live_case(
    connection: Connection, case_id: str, *, missing_ok: bool = False, lock: bool = False
) -> str | None:
    """The case's status; raises when it was deleted, or is missing and `missing_ok` is false."""
    query = select(cases.c.status).where(cases.c.case_id == case_id)
    status = connection.execute(query.with_for_update() if lock else query).scalar_one_or_none()
    if status == "deleted":
        raise CaseDeletedError(f"case {case_id} was deleted at the member's request")
    if status is None and not missing_ok:
        raise UnknownCaseError(f"there is no case {case_id}")
    return None if status is None else str(status)


def _upsert_case(connection: Connection, record: DeliveryRecord, status: str, now: dt.datetime) -> None:
    known = _require_live_case(connection, record.case_id, missing_ok=True, lock=True)
    row = {"owner": record.owner, "channel": record.channel, "status": status, "deadline": record.deadline}
    if known is None:
        new = {"case_id": record.case_id, "thread_id": record.case_id, "created_at": now}
        connection.execute(insert(cases).values(**new, updated_at=now, **row))
        return
    if record.owner is None:  # a channel that does not know the owner keeps the one we have
        del row["owner"]
    connection.execute(update(cases).where(cases.c.case_id == record.case_id).values(updated_at=now, **row))


def _replace_details_and_answers(connection: Connection, record: DeliveryRecord, now: dt.datetime) -> None:
    # Evidence quotes the unredacted letter; the interview leaves it out, and it is dropped here all the same.
    details = {name: value for name, value in record.details.items() if name != "evidence"}
    connection.execute(delete(case_details).where(case_details.c.case_id == record.case_id))
    connection.execute(insert(case_details).values(case_id=record.case_id, details=details, recorded_at=now))
    connection.execute(delete(case_answers).where(case_answers.c.case_id == record.case_id))
    rows = [
        {"case_id": record.case_id, "question_id": a.question_id, "position": n, "status": a.status, "value": a.value}
        for n, a in enumerate(record.answers)
    ]
    if rows:
        connection.execute(insert(case_answers), rows)


def _generation_row(record: DeliveryRecord, g: GenerationRecord, letter_id: int, now: dt.datetime) -> dict[str, Any]:
    # The record's fields are the table's columns; a shadow generation belongs to the case, not to the letter.
    return {
        **g.model_dump(mode="json"),
        "case_id": record.case_id,
        "letter_id": None if g.shadow else letter_id,
        "guardrails_passed": bool(g.guardrails.get("passed", False)),
        "created_at": now,
    }


def _insert_one(connection: Connection, statement: Any) -> int:
    key = connection.execute(statement).inserted_primary_key
    assert key is not None
    return int(key[0])
