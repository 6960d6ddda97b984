"""The store's migrations run up and down on real PostgreSQL (and SQLite), and leave exactly the schema the
code declares: no table, column, index or constraint missing or extra."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError

import store.schema
from store.audit import AuditLog
from store.db import engine_for, metadata
from store.migrate import current_revision, downgrade, head_revision, upgrade
from tests.store.audit_schemas import postgres_schema

ALL_TABLES = set(metadata.tables)


@pytest.fixture(
    params=[pytest.param("sqlite", marks=pytest.mark.unit), pytest.param("postgresql", marks=pytest.mark.integration)]
)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        sqlite = engine_for(f"sqlite:///{tmp_path / 'store.db'}")
        yield sqlite
        sqlite.dispose()
        return
    with postgres_schema() as (postgres, _schema):
        yield postgres


def _differences(engine: Engine) -> list[object]:
    with engine.connect() as connection:
        return list(compare_metadata(MigrationContext.configure(connection), metadata))


def test_the_schema_module_registers_every_table() -> None:
    assert store.schema.metadata is metadata
    assert {"phi_vaults", "audit_events", "cases", "letters", "generations", "prompt_pins", "model_pins"} <= ALL_TABLES


def test_upgrade_builds_exactly_the_declared_schema_and_downgrade_removes_it(engine: Engine) -> None:
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    assert set(inspect(engine).get_table_names()) >= ALL_TABLES
    assert _differences(engine) == []
    downgrade(engine, "base")
    assert current_revision(engine) is None
    assert set(inspect(engine).get_table_names()) & ALL_TABLES == set()
    upgrade(engine)  # and up again, from nothing
    assert _differences(engine) == []


def test_upgrade_twice_is_harmless(engine: Engine) -> None:
    upgrade(engine)
    upgrade(engine)
    assert current_revision(engine) == head_revision()


@pytest.mark.integration
def test_on_postgresql_the_migrated_audit_log_is_append_only() -> None:
    with postgres_schema() as (engine, _schema):
        upgrade(engine)
        log = AuditLog(engine)
        log.append(actor="test", role="staff", action="test.event")
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
            connection.execute(text("UPDATE audit_events SET actor = 'intruder'"))
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
            connection.execute(text("DELETE FROM audit_events"))
        assert log.verify().ok
        downgrade(engine, "base")
        assert "audit_events" not in inspect(engine).get_table_names()
