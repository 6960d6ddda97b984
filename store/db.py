"""The one database schema: every table registers on `metadata`, which Alembic migrations are made from.

SQLite by default (a file under .overturn/), PostgreSQL in production and in the integration tests. Tables
hold redacted text or ciphertext only; values in the clear live nowhere but the member's final letter.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, MetaData, create_engine

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)


def engine_for(url: str) -> Engine:
    """An engine for a database URL; a SQLite file's folder is made if missing. `postgresql://` uses psycopg 3."""
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    return create_engine(url)


def utcnow() -> datetime:
    return datetime.now(UTC)
