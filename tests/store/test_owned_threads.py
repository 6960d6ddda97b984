"""latest_thread / owns_thread on SQLite and on a fresh PostgreSQL schema: the newest live case of one owner."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Engine

from store.audit import AuditLog
from store.case_records import SqlCaseRecords
from store.data_rights import delete_case
from store.owned_threads import latest_thread, owns_thread
from store.records_schema import cases
from store.vault import generate_vault_key, key_from_setting
from store.vault_repository import VaultRepository
from tests.store.records_samples import delivery

OWNER = "web-" + "a" * 40
OTHER_OWNER = "web-" + "b" * 40
START = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)


def _open(
    records: SqlCaseRecords, owner: str | None, *, minutes: int, channel: str = "web", case_id: str | None = None
) -> str:
    """A case opened `minutes` after START, under its own thread id; returns the thread id."""
    case_id = case_id or f"case-{uuid.uuid4().hex[:12]}"
    thread_id = uuid.uuid4().hex[:12]
    assert records.open_case(case_id, channel=channel, owner=owner, thread_id=thread_id)
    created = START + dt.timedelta(minutes=minutes)
    with records.engine.begin() as connection:
        connection.execute(cases.update().where(cases.c.case_id == case_id).values(created_at=created))
    return thread_id


async def _delete(engine: Engine, audit: AuditLog, case_id: str) -> None:
    vaults = VaultRepository(engine, key_from_setting(generate_vault_key()))
    await delete_case(
        engine, case_id, audit=audit, actor="member", role="member", vaults=vaults, delete_checkpoints=None
    )


def _case_of(engine: Engine, thread_id: str) -> str:
    with engine.connect() as connection:
        return str(connection.execute(cases.select().where(cases.c.thread_id == thread_id)).one().case_id)


def test_an_unknown_owner_has_no_thread(records: SqlCaseRecords, engine: Engine) -> None:
    assert latest_thread(engine, OWNER, "web") is None
    _open(records, OTHER_OWNER, minutes=0)
    assert latest_thread(engine, OWNER, "web") is None
    assert latest_thread(engine, "", "web") is None


def test_the_newest_case_wins_whatever_the_order_it_was_opened_in(records: SqlCaseRecords, engine: Engine) -> None:
    middle = _open(records, OWNER, minutes=10)
    newest = _open(records, OWNER, minutes=30)
    _open(records, OWNER, minutes=0)
    assert latest_thread(engine, OWNER, "web") == newest
    assert latest_thread(engine, OWNER, "web") != middle


def test_another_owners_or_another_channels_cases_are_not_returned(records: SqlCaseRecords, engine: Engine) -> None:
    mine = _open(records, OWNER, minutes=0)
    _open(records, OTHER_OWNER, minutes=60)
    _open(records, OWNER, minutes=90, channel="terminal")
    _open(records, None, minutes=120)
    assert latest_thread(engine, OWNER, "web") == mine
    assert latest_thread(engine, OTHER_OWNER, "web") not in (None, mine)
    assert latest_thread(engine, OTHER_OWNER, "terminal") is None


def test_equal_times_are_broken_by_case_id(records: SqlCaseRecords, engine: Engine) -> None:
    later_id = _open(records, OWNER, minutes=5, case_id="case-bbbb")
    earlier_id = _open(records, OWNER, minutes=5, case_id="case-aaaa")
    assert later_id != earlier_id
    assert latest_thread(engine, OWNER, "web") == earlier_id


def test_an_owner_owns_their_threads_only(records: SqlCaseRecords, engine: Engine) -> None:
    mine = _open(records, OWNER, minutes=0)
    older = _open(records, OWNER, minutes=-10)
    theirs = _open(records, OTHER_OWNER, minutes=0)
    assert owns_thread(engine, OWNER, mine) and owns_thread(engine, OWNER, older)
    assert not owns_thread(engine, OWNER, theirs)
    assert owns_thread(engine, OTHER_OWNER, theirs)
    assert not owns_thread(engine, OWNER, "no-such-thread")
    assert not owns_thread(engine, "web-unknown", mine)


def test_a_delivered_case_is_still_the_members(records: SqlCaseRecords, engine: Engine) -> None:
    case_id = f"case-{uuid.uuid4().hex[:12]}"
    records.record_delivery(delivery(case_id, owner=OWNER).model_copy(update={"channel": "web"}))
    assert latest_thread(engine, OWNER, "web") == case_id  # a delivery opens its case under its own id
    assert owns_thread(engine, OWNER, case_id)


async def test_a_deleted_case_is_neither_found_nor_owned(
    records: SqlCaseRecords, engine: Engine, audit: AuditLog
) -> None:
    older = _open(records, OWNER, minutes=0)
    newest = _open(records, OWNER, minutes=10)
    await _delete(engine, audit, _case_of(engine, newest))
    assert latest_thread(engine, OWNER, "web") == older
    assert not owns_thread(engine, OWNER, newest)
    await _delete(engine, audit, _case_of(engine, older))
    assert latest_thread(engine, OWNER, "web") is None
    assert not owns_thread(engine, OWNER, older)


def test_a_deleted_status_alone_hides_the_case(records: SqlCaseRecords, engine: Engine) -> None:
    """Even a tombstone that kept its owner (delete_case nulls it) is not a live conversation."""
    thread = _open(records, OWNER, minutes=0)
    with engine.begin() as connection:
        connection.execute(cases.update().where(cases.c.thread_id == thread).values(status="deleted"))
    assert latest_thread(engine, OWNER, "web") is None
    assert not owns_thread(engine, OWNER, thread)
