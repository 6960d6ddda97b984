"""The member's right to be forgotten: `delete_case` removes everything stored for a case.

In order, so that what identifies the member goes first and a failure part-way leaves less, never more:
1. the PHI vault (the only place the values behind the placeholders are kept);
2. in one transaction: generations, letters, answers, details and outcomes (their results too: a result alone
   still says something about the member's care); the `cases` row stays as a tombstone, status "deleted" and
   owner nulled, so that a late delivery cannot bring the case back (store.case_records refuses it);
3. the interview's checkpoints, which hold the letter as read, through the function the caller passes;
4. one audit event, "case.deleted", with counts of what was removed, never values.
Every step is idempotent: after a failure, deleting again finishes the job. The audit log keeps its earlier
events for the case: they carry ids, hashes and counts only. On SQLite the freed pages are overwritten; on
PostgreSQL removed rows stay in the table's file until (auto)vacuum reclaims them, as with any DELETE.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass

from sqlalchemy import Connection, Engine, Table, delete, insert, select, update

from store.audit import AuditLog
from store.db import utcnow
from store.records_schema import case_answers, case_details, cases, generations, letters, outcomes
from store.vault_repository import VaultRepository

DeleteCheckpoints = Callable[[str], Awaitable[None]]


@dataclass(frozen=True)
class DeletionSummary:
    """What `delete_case` removed, as counts: safe to print and to log."""

    case_id: str
    case_found: bool  # a cases row existed (a tombstone is written either way)
    vault: bool  # a vault row was removed
    letters: int
    generations: int
    answers: int
    details: int
    outcomes: int
    checkpoints: bool  # the checkpoint deletion was run

    @property
    def records(self) -> int:
        return self.letters + self.generations + self.answers + self.details + self.outcomes


async def delete_case(
    engine: Engine,
    case_id: str,
    *,
    audit: AuditLog,
    actor: str,
    role: str,
    vaults: VaultRepository,
    delete_checkpoints: DeleteCheckpoints | None,
) -> DeletionSummary:
    """Delete everything stored for `case_id` and leave a tombstone; see the module doc for the order."""
    vault_removed = vaults.delete(case_id)
    with engine.begin() as connection:
        if connection.dialect.name == "sqlite":  # overwrite the freed pages, so the file itself forgets the text
            connection.exec_driver_sql("PRAGMA secure_delete = ON")
        found = (
            connection.execute(select(cases.c.case_id).where(cases.c.case_id == case_id).with_for_update()).first()
            is not None
        )
        # Children before parents: generations point at letters, everything points at the case.
        counts = {
            "generations": _delete_rows(connection, generations, case_id),
            "letters": _delete_rows(connection, letters, case_id),
            "answers": _delete_rows(connection, case_answers, case_id),
            "details": _delete_rows(connection, case_details, case_id),
            "outcomes": _delete_rows(connection, outcomes, case_id),
        }
        _write_tombstone(connection, case_id, exists=found)
    if delete_checkpoints is not None:
        await delete_checkpoints(case_id)
    summary = DeletionSummary(
        case_id=case_id,
        case_found=found,
        vault=vault_removed,
        checkpoints=delete_checkpoints is not None,
        **counts,
    )
    details = {key: value for key, value in asdict(summary).items() if key != "case_id"}
    audit.append(actor=actor, role=role, action="case.deleted", case_id=case_id, details=details)
    return summary


def _delete_rows(connection: Connection, table: Table, case_id: str) -> int:
    return int(connection.execute(delete(table).where(table.c.case_id == case_id)).rowcount)


def _write_tombstone(connection: Connection, case_id: str, *, exists: bool) -> None:
    now = utcnow()
    tombstone = {"owner": None, "status": "deleted", "deadline": None, "updated_at": now}
    if exists:
        connection.execute(update(cases).where(cases.c.case_id == case_id).values(**tombstone))
    else:  # never delivered (the member left mid-interview): the tombstone still refuses a late delivery
        connection.execute(
            insert(cases).values(case_id=case_id, thread_id=case_id, channel="unknown", created_at=now, **tombstone)
        )
