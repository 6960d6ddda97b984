"""The database a process uses: settings.database_url, brought to the newest schema once per process.

Every channel and command opens it through here, so a laptop's SQLite file migrates itself on first use and
a deploy's PostgreSQL is migrated by the first process (or beforehand with `overturn db upgrade`).
"""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import Engine

from bot.settings import Settings
from store.db import engine_for
from store.migrate import upgrade


@lru_cache(maxsize=4)
def _migrated(url: str) -> Engine:
    engine = engine_for(url)
    upgrade(engine)
    return engine


def database(settings: Settings) -> Engine:
    return _migrated(settings.database_url)
