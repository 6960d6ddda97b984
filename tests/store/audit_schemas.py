"""A PostgreSQL schema of its own for each audit test, and tampering that gets past the append-only trigger."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, Executable, create_engine

from tests.store.services import postgres_url


def sqlalchemy_url(url: str) -> str:
    return url.replace("postgresql://", "postgresql+psycopg://", 1)


def schema_engine(url: str, schema: str) -> Engine:
    """An engine whose connections see only `schema` (and pg_catalog)."""
    return create_engine(sqlalchemy_url(url), connect_args={"options": f"-csearch_path={schema}"})


@contextmanager
def postgres_schema() -> Iterator[tuple[Engine, str]]:
    """A fresh, empty schema and an engine inside it; dropped afterwards. Fails the test if PostgreSQL is down."""
    url = postgres_url()
    schema = f"audit_test_{uuid.uuid4().hex[:16]}"
    admin = create_engine(sqlalchemy_url(url))
    with admin.begin() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    engine = schema_engine(url, schema)
    try:
        yield engine, schema
    finally:
        engine.dispose()
        with admin.begin() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


def tamper(engine: Engine, *statements: Executable) -> None:
    """Run statements as an intruder with write access would; on PostgreSQL with triggers off (superuser only)."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql("SET LOCAL session_replication_role = replica")
        for statement in statements:
            connection.execute(statement)
