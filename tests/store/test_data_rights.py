"""delete_case: after it, a canary planted everywhere a case keeps text is in no table and no audit event."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import Engine

from store.audit import AuditLog
from store.case_records import CaseDeletedError, SqlCaseRecords
from store.data_rights import DeletionSummary, delete_case
from store.vault import PhiVault, generate_vault_key, key_from_setting
from store.vault_repository import VaultRepository
from tests.store.records_db import records_database, scanned_tables, tables_holding
from tests.store.records_samples import delivery

CANARY = "CANARY-DELETE-4471"


@pytest.fixture
def vaults(engine: Engine) -> VaultRepository:
    return VaultRepository(engine, key_from_setting(generate_vault_key()))


def _case_with_canary(records: SqlCaseRecords, vaults: VaultRepository) -> str:
    case_id = f"case-{uuid.uuid4().hex[:12]}"
    vault = PhiVault()
    vault.placeholder_for("PERSON", "Zebulon Quattlebaum")
    vault.placeholder_for("MEMBER_ID", CANARY)
    vaults.save(case_id, vault)
    records.record_delivery(delivery(case_id, canary=CANARY))
    records.record_outcome(case_id, "overturned", actor="ana", role="staff", note=f"[PERSON_1] {CANARY}")
    return case_id


async def test_nothing_of_the_case_is_left_but_a_tombstone(
    engine: Engine, records: SqlCaseRecords, audit: AuditLog, vaults: VaultRepository
) -> None:
    case_id = _case_with_canary(records, vaults)
    other = _case_with_canary(records, vaults)  # another member's case stays as it was
    before = tables_holding(engine, CANARY)
    assert {"letters", "generations", "case_answers", "case_details", "outcomes"} <= set(before)

    deleted: list[str] = []

    async def delete_checkpoints(thread_id: str) -> None:
        deleted.append(thread_id)

    summary = await delete_case(
        engine, case_id, audit=audit, actor="ana", role="staff", vaults=vaults, delete_checkpoints=delete_checkpoints
    )

    assert summary == DeletionSummary(
        case_id=case_id,
        case_found=True,
        vault=True,
        letters=1,
        generations=4,
        answers=4,
        details=1,
        outcomes=1,
        checkpoints=True,
    )
    assert deleted == [case_id]
    assert vaults.load(case_id) is None
    tombstone = records.case(case_id)
    assert tombstone is not None and (tombstone.status, tombstone.owner, tombstone.deadline) == ("deleted", None, None)
    assert records.letters(case_id=case_id) == [] and records.generations(case_id) == []
    assert records.outcomes(case_id) == []

    # The other case still holds its canary in every table; strip it and nothing at all is left.
    assert tables_holding(engine, CANARY) == before
    await delete_case(engine, other, audit=audit, actor="ana", role="staff", vaults=vaults, delete_checkpoints=None)
    assert tables_holding(engine, CANARY) == {}
    assert tables_holding(engine, "member-7") == {}  # the owner id: nulled in the tombstone, never audited
    assert {"cases", "letters", "generations", "audit_events", "phi_vaults"} <= scanned_tables(engine)

    [event] = audit.events(case_id=case_id, action="case.deleted")
    assert (event.actor, event.role) == ("ana", "staff")
    assert event.details == {
        "case_found": True,
        "vault": True,
        "letters": 1,
        "generations": 4,
        "answers": 4,
        "details": 1,
        "outcomes": 1,
        "checkpoints": True,
    }
    assert audit.verify().ok


@pytest.mark.unit
async def test_the_sqlite_file_forgets_the_text(tmp_path: Path) -> None:
    with records_database("sqlite", tmp_path) as engine:
        audit = AuditLog(engine)
        records = SqlCaseRecords(engine, audit)
        vaults = VaultRepository(engine, key_from_setting(generate_vault_key()))
        case_id = _case_with_canary(records, vaults)
        assert CANARY.encode() in (tmp_path / "records.db").read_bytes()
        await delete_case(
            engine, case_id, audit=audit, actor="ana", role="staff", vaults=vaults, delete_checkpoints=None
        )
    assert CANARY.encode() not in (tmp_path / "records.db").read_bytes()


async def test_a_case_never_delivered_is_tombstoned_and_stays_deleted(
    engine: Engine, records: SqlCaseRecords, audit: AuditLog, vaults: VaultRepository
) -> None:
    case_id = f"case-{uuid.uuid4().hex[:12]}"
    vaults.save(case_id, PhiVault(values={"[PERSON_1]": "Zebulon Quattlebaum"}))  # left mid-interview
    summary = await delete_case(
        engine, case_id, audit=audit, actor="ana", role="staff", vaults=vaults, delete_checkpoints=None
    )
    assert (summary.case_found, summary.vault, summary.records, summary.checkpoints) == (False, True, 0, False)
    with pytest.raises(CaseDeletedError):
        records.record_delivery(delivery(case_id))  # a delivery that arrives late does not bring it back

    again = await delete_case(
        engine, case_id, audit=audit, actor="ana", role="staff", vaults=vaults, delete_checkpoints=None
    )
    assert (again.case_found, again.vault, again.records) == (True, False, 0)
    assert len(audit.events(case_id=case_id, action="case.deleted")) == 2


async def test_a_failing_checkpoint_deletion_leaves_the_records_deleted_and_can_be_retried(
    engine: Engine, records: SqlCaseRecords, audit: AuditLog, vaults: VaultRepository
) -> None:
    case_id = _case_with_canary(records, vaults)

    async def unreachable(thread_id: str) -> None:
        raise ConnectionError("checkpoint store is down")

    with pytest.raises(ConnectionError):
        await delete_case(
            engine, case_id, audit=audit, actor="ana", role="staff", vaults=vaults, delete_checkpoints=unreachable
        )
    assert tables_holding(engine, CANARY) == {}
    assert audit.events(case_id=case_id, action="case.deleted") == []

    calls: list[str] = []

    async def works(thread_id: str) -> None:
        calls.append(thread_id)

    summary = await delete_case(
        engine, case_id, audit=audit, actor="ana", role="staff", vaults=vaults, delete_checkpoints=works
    )
    assert calls == [case_id] and summary.records == 0 and summary.checkpoints
    assert len(audit.events(case_id=case_id, action="case.deleted")) == 1
