"""The append-only, hash-chained audit log: who did what to which case, and when.

Each event's `hash` is sha256 over the canonical JSON (sorted keys, no spaces, ASCII only, the time in UTC with
microseconds) of its id, at, actor, role, action, case_id, details and prev_hash; `prev_hash` is the hash of the
event before it, 64 zeros for the first. Changing a field breaks that event's hash; removing, inserting or moving
an event breaks the link of the event after it. `verify` names the first broken event. An exported line is that
canonical JSON with `hash` added, so it can be checked with sha256 alone.

What a chain without a secret cannot show: someone with write access removing the newest events, or rewriting
every event from some point on. Keep a copy of the newest hash elsewhere to catch that.

Callers pass redacted details only: ids of rows, placeholders, sha256s, counts. Never letter text, member
answers or a value from the PHI vault. Details over 16 KB are refused, a sign that something else slipped in.

Appends are serialized across threads and processes: on PostgreSQL by a transaction-scoped advisory lock, on
SQLite by BEGIN IMMEDIATE. Ids are the last id + 1, taken under that lock, so even an unserialized race would fail
on the primary key rather than fork the chain. On PostgreSQL a trigger refuses UPDATE, DELETE and TRUNCATE; it is
made with the table, and a migration must run APPEND_ONLY_DDL itself (autogenerate does not see triggers).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, TextIO

from pydantic import BaseModel, ConfigDict, field_validator
from sqlalchemy import (
    JSON,
    Column,
    Connection,
    DateTime,
    Engine,
    Integer,
    Row,
    Select,
    String,
    Table,
    Text,
    cast,
    event,
    insert,
    select,
    text,
    type_coerce,
)

from store.db import metadata, utcnow

GENESIS_HASH = "0" * 64
MAX_DETAILS_BYTES = 16 * 1024
# The one advisory lock every appender takes, in any process; derived from a name so it is unlikely to collide.
APPEND_LOCK_KEY = int.from_bytes(hashlib.sha256(b"overturn.audit_events.append").digest()[:8], "big", signed=True)
HASHED_FIELDS = ("id", "at", "actor", "role", "action", "case_id", "details", "prev_hash")
_TEXT_LIMITS = {"actor": 128, "role": 64, "action": 128, "case_id": 128}

audit_events = Table(
    "audit_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(_TEXT_LIMITS["actor"]), nullable=False),
    Column("role", String(_TEXT_LIMITS["role"]), nullable=False),
    Column("action", String(_TEXT_LIMITS["action"]), nullable=False),
    Column("case_id", String(_TEXT_LIMITS["case_id"]), nullable=True, index=True),
    Column("details", JSON, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False, unique=True),
)

APPEND_ONLY_DDL = (
    "CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$",
    "CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events "
    "FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()",
    "CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()",
)


@event.listens_for(audit_events, "after_create")
def _make_append_only(target: Table, connection: Connection, **_: object) -> None:
    if connection.dialect.name == "postgresql":
        for statement in APPEND_ONLY_DDL:
            connection.exec_driver_sql(statement)


# Rows are read raw (the time as the driver gives it, details as JSON text) so that a tampered row which no longer
# parses is reported by verify rather than failing the read.
_RAW = {"at": type_coerce(audit_events.c.at, String), "details": cast(audit_events.c.details, Text)}
_READ: Select[Any] = select(
    *(_RAW[column.name].label(column.name) if column.name in _RAW else column for column in audit_events.c)
).order_by(audit_events.c.id)


def canonical_json(value: object) -> str:
    """The one spelling that is hashed: sorted keys, no spaces, ASCII only, no NaN."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True, allow_nan=False)


def event_hash(fields: Mapping[str, object]) -> str:
    """sha256 (hex) of the canonical JSON of an event's hashed fields, `at` spelled by `utc_iso`."""
    hashed = {**{name: fields[name] for name in HASHED_FIELDS}, "at": utc_iso(fields["at"])}
    return hashlib.sha256(canonical_json(hashed).encode("ascii")).hexdigest()


def utc_iso(at: object) -> str:
    return as_utc(at).isoformat(timespec="microseconds")


def as_utc(value: object) -> datetime:
    """A time from the database or a JSON line, in UTC; a time without a zone is UTC (SQLite keeps none)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if not isinstance(value, datetime):
        raise ValueError(f"not a time: {type(value).__name__}")
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class AuditEvent(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    at: datetime
    actor: str
    role: str
    action: str
    case_id: str | None
    details: dict[str, Any]
    prev_hash: str
    hash: str

    @field_validator("at", mode="before")
    @classmethod
    def _in_utc(cls, value: object) -> datetime:
        return as_utc(value)

    def hashed_fields(self) -> dict[str, object]:
        """The fields the hash covers, spelled as they are hashed."""
        return {**self.model_dump(include=set(HASHED_FIELDS)), "at": utc_iso(self.at)}

    def recomputed_hash(self) -> str:
        return event_hash(self.hashed_fields())

    def json_line(self) -> str:
        """The event as one canonical JSON line (no newline): the hashed JSON with `hash` added."""
        return canonical_json({**self.hashed_fields(), "hash": self.hash})


class AuditVerification(BaseModel):
    model_config = ConfigDict(frozen=True)

    ok: bool
    checked: int
    first_bad_id: int | None = None
    problem: str | None = None


class AuditLog:
    """Appends to, checks and exports the audit log. It has no way to change or remove an event, by design."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def create_schema(self) -> None:
        """Create the audit table if it is missing (tests and the laptop default; production uses migrations)."""
        metadata.create_all(self.engine, tables=[audit_events])

    def append(
        self,
        *,
        actor: str,
        role: str,
        action: str,
        case_id: str | None = None,
        details: Mapping[str, object] | None = None,
    ) -> AuditEvent:
        """Record one event at the end of the chain. ValueError for an empty or overlong name, or for details
        that are not plain JSON or are over 16 KB. `details` must already be redacted (see the module notes)."""
        names: dict[str, str | None] = {"actor": actor, "role": role, "action": action, "case_id": case_id}
        for name, value in names.items():
            _check_name(name, value)
        clean = _clean_details(details)
        with self.engine.connect() as connection:
            _begin_serialized(connection)
            last = connection.execute(
                select(audit_events.c.id, audit_events.c.hash).order_by(audit_events.c.id.desc()).limit(1)
            ).first()
            fields: dict[str, object] = {
                "id": 1 if last is None else last.id + 1,
                "at": utcnow(),  # taken under the lock, so times follow ids
                **names,
                "details": clean,
                "prev_hash": GENESIS_HASH if last is None else last.hash,
            }
            appended = AuditEvent.model_validate({**fields, "hash": event_hash(fields)})
            connection.execute(insert(audit_events).values(appended.model_dump()))
            connection.commit()
        return appended

    def verify(self) -> AuditVerification:
        """Walk the chain in id order; report the first event whose hash, link or id order is wrong."""
        checked, last_id, expected_prev = 0, None, GENESIS_HASH
        with self.engine.connect() as connection:
            for row in connection.execution_options(yield_per=500).execute(_READ):
                checked += 1
                problem = _problem(row, last_id, expected_prev)
                if problem is not None:
                    return AuditVerification(ok=False, checked=checked, first_bad_id=row.id, problem=problem)
                last_id, expected_prev = row.id, row.hash
        return AuditVerification(ok=True, checked=checked)

    def export(self, out: TextIO, *, case_id: str | None = None) -> int:
        """Write the events (one case's, or all) to `out` as JSON Lines in id order; returns how many."""
        count = 0
        with self.engine.connect() as connection:
            for row in connection.execution_options(yield_per=500).execute(_filtered(case_id, None)):
                out.write(_event(row).json_line() + "\n")
                count += 1
        return count

    def events(self, *, case_id: str | None = None, action: str | None = None) -> list[AuditEvent]:
        """The events, in id order, optionally of one case and/or one action."""
        with self.engine.connect() as connection:
            return [_event(row) for row in connection.execute(_filtered(case_id, action))]


def _begin_serialized(connection: Connection) -> None:
    """Begin the append's transaction such that no other appender reads the last hash until this one commits."""
    if connection.dialect.name == "postgresql":
        # Under READ COMMITTED each statement sees what committed before it, so the read after the lock sees the
        # last append; a REPEATABLE READ snapshot would be taken before the wait for the lock and miss it.
        connection.execution_options(isolation_level="READ COMMITTED")
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": APPEND_LOCK_KEY})
    elif connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _check_name(name: str, value: str | None) -> None:
    if value is None and name == "case_id":
        return
    if not isinstance(value, str) or not value:
        raise ValueError(f"audit {name} must be a non-empty string")
    if len(value) > _TEXT_LIMITS[name]:
        raise ValueError(f"audit {name} is {len(value)} characters; at most {_TEXT_LIMITS[name]} are kept")


def _clean_details(details: Mapping[str, object] | None) -> dict[str, Any]:
    """The details as stored and hashed (tuples become lists, and so on); refuses what is not plain, small JSON."""
    if details is None:
        return {}
    if not all(isinstance(key, str) for key in details):
        raise ValueError("audit details must have string keys")
    try:
        spelled = canonical_json(dict(details))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"audit details must be plain JSON ({exc})") from exc
    if len(spelled) > MAX_DETAILS_BYTES:
        raise ValueError(
            f"audit details are {len(spelled)} bytes of JSON; at most {MAX_DETAILS_BYTES} are kept. Pass ids, "
            "placeholders, sha256s and counts, never text"
        )
    clean: dict[str, Any] = json.loads(spelled)
    return clean


def _raw_fields(row: Row[Any]) -> dict[str, object]:
    fields = dict(row._mapping)
    fields["details"] = json.loads(row.details)
    return fields


def _event(row: Row[Any]) -> AuditEvent:
    return AuditEvent.model_validate(_raw_fields(row))


def _problem(row: Row[Any], last_id: int | None, expected_prev: str) -> str | None:
    if last_id is not None and row.id <= last_id:
        return "its id does not follow the event before it"
    if row.prev_hash != expected_prev:
        return "its prev_hash is not the hash of the event before it (an event was removed, inserted or moved)"
    try:
        recomputed = event_hash(_raw_fields(row))
    except (TypeError, ValueError):
        return "its stored fields cannot be read"
    if recomputed != row.hash:
        return "its hash does not match its contents (the event was changed)"
    return None


def _filtered(case_id: str | None, action: str | None) -> Select[Any]:
    query = _READ
    if case_id is not None:
        query = query.where(audit_events.c.case_id == case_id)
    if action is not None:
        query = query.where(audit_events.c.action == action)
    return query
