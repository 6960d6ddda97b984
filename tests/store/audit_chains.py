"""A sound chain of audit events to tamper with, and the values a forger would put in."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Engine

from store.audit import AuditEvent, AuditLog, event_hash

FORGED: dict[str, object] = {
    "actor": "mallory",
    "action": "letter.forged",
    "details": {"forged": True},
    "case_id": "case-forged",
    "hash": "f" * 64,
    "prev_hash": "e" * 64,
}


def chain(engine: Engine, count: int = 20) -> AuditLog:
    log = AuditLog(engine)
    log.create_schema()
    for n in range(count):
        case_id = None if n % 5 == 0 else f"case-{n % 3}"
        log.append(actor=f"user:{n % 4}", role="member", action=f"step.{n % 2}", case_id=case_id, details={"n": n})
    return log


def forged_value(event: AuditEvent, field: str) -> object:
    if field == "at":
        return event.at + timedelta(seconds=1)
    return FORGED[field]


def forged_row(fields: dict[str, object]) -> dict[str, object]:
    """A row as a forger who knows the algorithm would write it: its own hash is right."""
    return {**fields, "hash": event_hash(fields)}
