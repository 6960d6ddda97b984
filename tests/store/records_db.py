"""Databases for the case-record tests: a SQLite file (unit) or a fresh PostgreSQL schema (integration).

Each test gets its own: the PostgreSQL schema is created for it, put first on the search path of every
connection, and dropped with everything in it afterwards.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, MetaData, Text, cast, create_engine, select, text

from store.audit import audit_events
from store.db import metadata
from store.records_schema import RECORD_TABLES
from store.vault_repository import phi_vaults
from tests.store.services import postgres_url

STORE_TABLES = [*RECORD_TABLES, audit_events, phi_vaults]
ENGINES = [
    pytest.param("sqlite", marks=pytest.mark.unit, id="sqlite"),
    pytest.param("postgres", marks=pytest.mark.integration, id="postgres"),
]


def psycopg_url(url: str) -> str:
    return "postgresql+psycopg://" + url.split("://", 1)[1]


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A new, empty schema in the test database, dropped on exit."""
    schema = f"records_{uuid.uuid4().hex[:12]}"
    admin = create_engine(psycopg_url(postgres_url()))
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        yield schema
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@contextmanager
def records_database(kind: str, folder: Path) -> Iterator[Engine]:
    """An engine on a fresh database with the store's tables."""
    if kind == "sqlite":
        engine = create_engine(f"sqlite:///{folder / 'records.db'}")
        metadata.create_all(engine, tables=STORE_TABLES)
        try:
            yield engine
        finally:
            engine.dispose()
        return
    with postgres_schema() as schema:
        engine = create_engine(psycopg_url(postgres_url()), connect_args={"options": f"-csearch_path={schema}"})
        try:
            metadata.create_all(engine, tables=STORE_TABLES)
            yield engine
        finally:
            engine.dispose()


def tables_holding(engine: Engine, needle: str) -> dict[str, list[str]]:
    """Every table in the database, ours or not, with `needle` in some column cast to text: table -> columns."""
    found: dict[str, list[str]] = {}
    present = MetaData()
    present.reflect(engine)
    assert present.tables, "no tables to scan"
    with engine.connect() as connection:
        for table in present.tables.values():
            for column in table.columns:
                hits = connection.execute(
                    select(cast(column, Text)).where(cast(column, Text).contains(needle, autoescape=True))
                ).all()
                if hits:
                    found.setdefault(table.name, []).append(column.name)
    return found


def scanned_tables(engine: Engine) -> set[str]:
    present = MetaData()
    present.reflect(engine)
    return set(present.tables)
