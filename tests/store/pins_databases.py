"""Databases for the pin and shadow-report tests: a SQLite file, or a fresh PostgreSQL schema dropped afterwards."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, text

from serving.registry import Registry, parse_registry
from tests.store.services import postgres_url

TEST_REGISTRY = """
models:
  - id: small
    base: example/small-instruct
    revision: r1
    max_context: 8192
    tasks: [extract, questions, compose]
  - id: large
    base: example/large-instruct
    revision: r2
    max_context: 32768
    adapters: [{name: compose-v1, revision: run-7}, {name: compose-v2, revision: run-9}]
    tasks: [compose]
  - id: "tagged:7b"
    base: example/tagged
    revision: r3
    max_context: 4096
    tasks: [compose]
pins:
  compose: {model: small}
  extract: {model: small}
"""


def sample_registry() -> Registry:
    return parse_registry(TEST_REGISTRY)


def sqlite_engine(folder: Path) -> Engine:
    return create_engine(f"sqlite:///{folder}/pins.db")


@contextmanager
def postgres_schema_engine() -> Iterator[Engine]:
    """An engine whose every connection works in a new, empty schema; the schema is dropped afterwards."""
    url = "postgresql+psycopg://" + postgres_url().split("://", 1)[1]
    schema = f"pins_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = create_engine(url, connect_args={"options": f"-csearch_path={schema}"})
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@contextmanager
def database(kind: str, folder: Path) -> Iterator[Engine]:
    if kind == "sqlite":
        engine = sqlite_engine(folder)
        try:
            yield engine
        finally:
            engine.dispose()
        return
    with postgres_schema_engine() as engine:
        yield engine
