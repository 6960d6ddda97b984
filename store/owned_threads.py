"""Which conversation a channel's member is in: the newest live case they own, found by a keyed pseudonym."""

from __future__ import annotations

from sqlalchemy import Engine, select

from store.records_schema import cases

DELETED = "deleted"


def latest_thread(engine: Engine, owner: str, channel: str) -> str | None:
    query = (
        select(cases.c.thread_id)
        .where(cases.c.owner == owner, cases.c.channel == channel, cases.c.status != DELETED)
        .order_by(cases.c.created_at.desc(), cases.c.case_id)
        .limit(1)
    )
    with engine.connect() as connection:
        return connection.execute(query).scalar_one_or_none()


def owns_thread(engine: Engine, owner: str, thread_id: str) -> bool:
    query = select(cases.c.case_id).where(
        cases.c.thread_id == thread_id, cases.c.owner == owner, cases.c.status != DELETED
    )
    with engine.connect() as connection:
        return connection.execute(query.limit(1)).first() is not None
