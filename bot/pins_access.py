"""The pin store as the settings describe it: the migrated database at OVERTURN_DATABASE_URL, audited.

Opening it also records the current text of every prompt template as a version, so any version that was ever
live can be pinned again later.
"""

from __future__ import annotations

import os

from bot.database import database
from bot.settings import Settings
from store.audit import AuditLog
from store.pins import PinStore

STAFF_ROLE = "staff"


def open_pins(settings: Settings) -> PinStore:
    engine = database(settings)
    pins = PinStore(engine, AuditLog(engine))
    pins.register_file_versions()
    return pins


def cli_actor() -> str:
    """Who is changing pins from the command line: the login name, else "cli"."""
    return os.environ.get("USER") or "cli"
