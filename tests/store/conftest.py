"""The case-records fixtures several store tests share: each engine of ENGINES, its audit log and records.

A test module that needs another engine (or audit log, or records) defines its own fixture of that name, which
takes precedence over these.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from store.audit import AuditLog
from store.case_records import SqlCaseRecords
from tests.store.records_db import ENGINES, records_database


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    with records_database(request.param, tmp_path) as engine:
        yield engine


@pytest.fixture
def audit(engine: Engine) -> AuditLog:
    return AuditLog(engine)


@pytest.fixture
def records(engine: Engine, audit: AuditLog) -> SqlCaseRecords:
    return SqlCaseRecords(engine, audit)
