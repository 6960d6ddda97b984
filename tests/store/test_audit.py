"""The audit log on SQLite (unit) and in a fresh PostgreSQL schema per test (integration)."""

from __future__ import annotations

import hashlib
import io
import json
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, delete, insert, text, update
from sqlalchemy.exc import DBAPIError

import store.audit
from store.audit import GENESIS_HASH, MAX_DETAILS_BYTES, AuditEvent, AuditLog, audit_events
from tests.store.audit_appender import race
from tests.store.audit_chains import chain, forged_row, forged_value
from tests.store.audit_schemas import postgres_schema, tamper
from tests.store.services import postgres_url


@pytest.fixture(
    params=[pytest.param("sqlite", marks=pytest.mark.unit), pytest.param("postgres", marks=pytest.mark.integration)]
)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "postgres":
        with postgres_schema() as (schema_engine, _):
            yield schema_engine
        return
    sqlite = create_engine(f"sqlite:///{tmp_path}/audit.db")
    yield sqlite
    sqlite.dispose()


@pytest.fixture
def sqlite_log(tmp_path: Path) -> Iterator[AuditLog]:
    engine = create_engine(f"sqlite:///{tmp_path}/audit.db")
    log = AuditLog(engine)
    log.create_schema()
    yield log
    engine.dispose()


# --- a sound chain ---------------------------------------------------------------------------------------------------


def test_a_chain_of_twenty_events_verifies(engine: Engine) -> None:
    log = chain(engine)
    result = log.verify()
    assert (result.ok, result.checked, result.first_bad_id, result.problem) == (True, 20, None, None)
    events = log.events()
    assert [event.id for event in events] == list(range(1, 21))
    assert events[0].prev_hash == GENESIS_HASH
    assert all(later.prev_hash == earlier.hash for earlier, later in pairwise(events))
    assert all(event.recomputed_hash() == event.hash for event in events)
    assert all(earlier.at <= later.at for earlier, later in pairwise(events))


def test_an_empty_log_verifies(engine: Engine) -> None:
    log = AuditLog(engine)
    log.create_schema()
    assert log.verify().model_dump() == {"ok": True, "checked": 0, "first_bad_id": None, "problem": None}


def test_events_filter_by_case_and_action(engine: Engine) -> None:
    log = chain(engine)
    assert [event.details["n"] for event in log.events(case_id="case-1")] == [1, 4, 7, 13, 16, 19]
    assert [event.details["n"] for event in log.events(case_id="case-1", action="step.1")] == [1, 7, 13, 19]
    assert len(log.events(action="step.0")) == 10
    assert log.events(case_id="no-such-case") == []


@pytest.mark.unit
def test_the_hash_is_sha256_of_the_documented_canonical_json(
    sqlite_log: AuditLog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store.audit, "utcnow", lambda: datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC))
    event = sqlite_log.append(
        actor="user:1", role="member", action="case.opened", case_id="case-1", details={"b": 2, "a": ("é", 1.5)}
    )
    hashed = (
        '{"action":"case.opened","actor":"user:1","at":"2025-01-02T03:04:05.000000+00:00","case_id":"case-1",'
        '"details":{"a":["\\u00e9",1.5],"b":2},"id":1,"prev_hash":"' + "0" * 64 + '","role":"member"}'
    )
    assert event.hash == hashlib.sha256(hashed.encode()).hexdigest()
    assert event.details == {"a": ["é", 1.5], "b": 2}  # stored as hashed: the tuple became a list
    assert sqlite_log.events() == [event]


# --- tampering -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["actor", "action", "details", "at", "case_id", "hash", "prev_hash"])
def test_changing_any_field_of_any_event_is_reported_at_that_event(engine: Engine, field: str) -> None:
    log = chain(engine)
    for event in log.events():
        row = audit_events.c.id == event.id
        tamper(engine, update(audit_events).where(row).values({field: forged_value(event, field)}))
        result = log.verify()
        assert (result.ok, result.first_bad_id) == (False, event.id), (field, event.id, result)
        assert result.problem is not None
        tamper(engine, update(audit_events).where(row).values({field: getattr(event, field)}))
        assert log.verify().ok, (field, event.id)


def test_a_removed_event_is_reported_at_the_one_after_it(engine: Engine) -> None:
    log = chain(engine)
    tamper(engine, delete(audit_events).where(audit_events.c.id == 10))
    result = log.verify()
    assert (result.ok, result.first_bad_id) == (False, 11)
    assert result.problem is not None and "prev_hash" in result.problem


def test_removing_the_first_event_is_reported_at_the_second(engine: Engine) -> None:
    log = chain(engine)
    tamper(engine, delete(audit_events).where(audit_events.c.id == 1))
    assert (log.verify().ok, log.verify().first_bad_id) == (False, 2)


def test_an_event_forged_in_place_of_a_removed_one_is_reported(engine: Engine) -> None:
    log = chain(engine)
    original = log.events()[9]
    forged = forged_row({**original.model_dump(exclude={"hash"}), "actor": "mallory"})
    tamper(engine, delete(audit_events).where(audit_events.c.id == original.id), insert(audit_events).values(forged))
    result = log.verify()
    # The forgery links to its predecessor and hashes right, but the next event still points at the original.
    assert (result.ok, result.first_bad_id) == (False, original.id + 1)


def test_an_event_forged_before_the_first_is_reported(engine: Engine) -> None:
    log = chain(engine)
    first = log.events()[0]
    forged = forged_row({**first.model_dump(exclude={"hash"}), "id": 0, "action": "case.forged"})
    tamper(engine, insert(audit_events).values(forged))
    assert (log.verify().ok, log.verify().first_bad_id) == (False, 1)


def test_an_event_appended_by_hand_with_a_made_up_hash_is_reported(engine: Engine) -> None:
    log = chain(engine)
    last = log.events()[-1]
    forged = {**last.model_dump(), "id": 21, "prev_hash": last.hash, "hash": "a" * 64}
    tamper(engine, insert(audit_events).values(forged))
    assert (log.verify().ok, log.verify().first_bad_id) == (False, 21)


def test_removing_the_newest_event_needs_an_outside_copy_of_the_newest_hash(engine: Engine) -> None:
    log = chain(engine)
    newest = log.events()[-1].hash
    tamper(engine, delete(audit_events).where(audit_events.c.id == 20))
    assert log.verify().ok  # the documented limit: nothing in the chain points at the newest event
    assert log.events()[-1].hash != newest  # which a kept copy of the newest hash shows


def test_two_swapped_events_are_reported_at_the_first_of_them(engine: Engine) -> None:
    log = chain(engine)
    tamper(
        engine,
        update(audit_events).where(audit_events.c.id == 5).values(id=-5),
        update(audit_events).where(audit_events.c.id == 6).values(id=5),
        update(audit_events).where(audit_events.c.id == -5).values(id=6),
    )
    assert (log.verify().ok, log.verify().first_bad_id) == (False, 5)


@pytest.mark.unit
def test_a_row_that_no_longer_parses_is_reported_not_raised(sqlite_log: AuditLog) -> None:
    for n in range(3):
        sqlite_log.append(actor="user:1", role="member", action="step", details={"n": n})
    tamper(sqlite_log.engine, text("UPDATE audit_events SET details = 'not json', at = 'yesterday' WHERE id = 2"))
    result = sqlite_log.verify()
    assert (result.ok, result.first_bad_id, result.problem) == (False, 2, "its stored fields cannot be read")


@pytest.mark.integration
def test_postgres_refuses_to_change_or_remove_events() -> None:
    with postgres_schema() as (engine, _):
        chain(engine, 3)
        for statement in (
            "UPDATE audit_events SET actor = 'mallory' WHERE id = 2",
            "DELETE FROM audit_events WHERE id = 2",
            "TRUNCATE audit_events",
        ):
            with pytest.raises(DBAPIError, match="audit_events is append-only"), engine.begin() as connection:
                connection.exec_driver_sql(statement)
        assert AuditLog(engine).verify().checked == 3


# --- what append refuses ---------------------------------------------------------------------------------------------


@pytest.mark.unit
@pytest.mark.parametrize(
    ("details", "message"),
    [
        ({"blob": "x" * MAX_DETAILS_BYTES}, "bytes of JSON"),
        ({"ids": set()}, "plain JSON"),
        ({"score": float("nan")}, "plain JSON"),
        ({1: "one"}, "string keys"),
    ],
)
def test_details_that_are_not_small_plain_json_are_refused(
    sqlite_log: AuditLog, details: dict[object, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        sqlite_log.append(actor="user:1", role="member", action="step", details=details)  # type: ignore[arg-type]
    assert sqlite_log.verify().checked == 0


@pytest.mark.unit
def test_details_just_under_the_limit_are_kept(sqlite_log: AuditLog) -> None:
    blob = "x" * (MAX_DETAILS_BYTES - len('{"blob":""}'))
    assert sqlite_log.append(actor="user:1", role="member", action="step", details={"blob": blob}).details == {
        "blob": blob
    }
    assert sqlite_log.append(actor="user:1", role="member", action="step").details == {}


@pytest.mark.unit
@pytest.mark.parametrize(
    ("field", "value"), [("actor", ""), ("role", "r" * 65), ("action", "a" * 129), ("case_id", "c" * 129)]
)
def test_empty_or_overlong_names_are_refused(sqlite_log: AuditLog, field: str, value: str) -> None:
    names = {"actor": "user:1", "role": "member", "action": "step", "case_id": "case-1", field: value}
    with pytest.raises(ValueError, match=f"audit {field}"):
        sqlite_log.append(actor=names["actor"], role=names["role"], action=names["action"], case_id=names["case_id"])
    assert sqlite_log.verify().checked == 0


# --- concurrency -----------------------------------------------------------------------------------------------------


def test_eight_threads_appending_at_once_leave_one_soundchain(engine: Engine) -> None:
    log = AuditLog(engine)
    log.create_schema()

    def append_ten(thread: int) -> None:
        for n in range(10):
            log.append(actor=f"thread-{thread}", role="system", action="test.append", details={"n": n})

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(append_ten, range(8)))
    result = log.verify()
    assert (result.ok, result.checked) == (True, 80)
    events = log.events()
    assert [event.id for event in events] == list(range(1, 81))
    assert Counter(event.actor for event in events) == {f"thread-{thread}": 10 for thread in range(8)}


@pytest.mark.integration
def test_two_processes_appending_at_once_leave_one_soundchain() -> None:
    with postgres_schema() as (engine, schema):
        log = AuditLog(engine)
        log.create_schema()
        assert race(postgres_url(), schema, ("process-a", "process-b"), 50) == [0, 0]
        result = log.verify()
        assert (result.ok, result.checked) == (True, 100)
        assert Counter(event.actor for event in log.events()) == {"process-a": 50, "process-b": 50}


# --- export ----------------------------------------------------------------------------------------------------------


def test_export_round_trips_and_each_line_checks_with_sha256_alone(engine: Engine) -> None:
    log = chain(engine)
    out = io.StringIO()
    assert log.export(out) == 20
    lines = out.getvalue().splitlines()
    assert len(lines) == 20 and out.getvalue().endswith("\n")
    parsed = [json.loads(line) for line in lines]
    for line in parsed:
        hashed = json.dumps({k: v for k, v in line.items() if k != "hash"}, sort_keys=True, separators=(",", ":"))
        assert hashlib.sha256(hashed.encode()).hexdigest() == line["hash"]
    assert [AuditEvent.model_validate_json(line) for line in lines] == log.events()
    assert [line["prev_hash"] for line in parsed[1:]] == [line["hash"] for line in parsed[:-1]]


def test_export_of_one_case_has_only_its_events_in_order(engine: Engine) -> None:
    log = chain(engine)
    out = io.StringIO()
    assert log.export(out, case_id="case-2") == 5
    exported = [AuditEvent.model_validate_json(line) for line in out.getvalue().splitlines()]
    assert exported == log.events(case_id="case-2")
    assert [event.id for event in exported] == sorted(event.id for event in exported)
