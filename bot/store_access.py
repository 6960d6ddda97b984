"""The store as the command line opens it: the migrated database (bot.database), the case records, the audit log.

Also here: who a command-line action is recorded as.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from sqlalchemy import Engine

from bot.database import database
from bot.settings import Settings
from store.audit import AuditLog
from store.case_records import SqlCaseRecords

STAFF_ROLE = "staff"


@dataclass(frozen=True)
class Store:
    engine: Engine
    records: SqlCaseRecords
    audit: AuditLog

    def close(self) -> None:
        """Nothing to release: the engine is the process's (bot.database)."""


def open_store(settings: Settings) -> Store:
    """The store for `settings`, its tables created when missing."""
    engine = database(settings)
    audit = AuditLog(engine)
    return Store(engine=engine, records=SqlCaseRecords(engine, audit), audit=audit)


def cli_actor() -> str:
    """Who a command-line action is recorded as: the login name."""
    return os.environ.get("USER") or "cli"
