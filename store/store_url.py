"""Where the interview's checkpoints (and its thread locks) live, read from one URL setting.

- "" or "memory": in this process only (tests).
- "sqlite:///relative/path.db", "sqlite:////absolute/path.db", "sqlite:///:memory:": one file (laptop default).
- "postgresql://…" or "postgres://…": any libpq URL.
- "redis://…" or "rediss://…": plain Redis 5+; two optional query parameters are ours, not the client's:
  `prefix` (key namespace, default "overturn") and `ttl` (seconds every checkpoint key lives; default forever).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

Backend = Literal["memory", "sqlite", "postgres", "redis"]
DEFAULT_REDIS_PREFIX = "overturn"
SQLITE_MEMORY = ":memory:"
_SQLITE_PREFIX = "sqlite:///"


class CheckpointConfigError(ValueError):
    """The checkpoint store URL names no backend we support, or is malformed."""


@dataclass(frozen=True)
class StoreLocation:
    backend: Backend
    target: str = ""  # sqlite: a path or ":memory:"; postgres: the libpq URL; redis: the client URL
    redis_prefix: str = DEFAULT_REDIS_PREFIX
    redis_ttl_s: int | None = None

    def __repr__(self) -> str:  # the URL may hold a password
        return f"StoreLocation({self.backend})"

    @property
    def sqlite_path(self) -> Path | None:
        """The database file, or None for an in-memory database."""
        if self.backend != "sqlite" or self.target == SQLITE_MEMORY:
            return None
        return Path(self.target)


def parse_store_url(url: str) -> StoreLocation:
    url = url.strip()
    if url in ("", "memory", "memory://"):
        return StoreLocation("memory")
    scheme = urlsplit(url).scheme.lower()
    if scheme == "sqlite":
        return _sqlite(url)
    if scheme in ("postgresql", "postgres"):
        return StoreLocation("postgres", url)
    if scheme in ("redis", "rediss"):
        return _redis(url)
    named = f"{scheme!r}" if scheme else "URL without a scheme"
    raise CheckpointConfigError(
        f"unsupported checkpoint store {named}: use memory, sqlite:///path.db, postgresql://… or redis://…"
    )


def _sqlite(url: str) -> StoreLocation:
    if not url.startswith(_SQLITE_PREFIX) or not url[len(_SQLITE_PREFIX) :]:
        raise CheckpointConfigError("a SQLite checkpoint store is sqlite:///relative.db or sqlite:////absolute.db")
    path = url[len(_SQLITE_PREFIX) :]
    if path == SQLITE_MEMORY:
        return StoreLocation("sqlite", SQLITE_MEMORY)
    return StoreLocation("sqlite", str(Path(path).expanduser()))


def _redis(url: str) -> StoreLocation:
    parts = urlsplit(url)
    params = parse_qsl(parts.query, keep_blank_values=True)
    ours = {k: v for k, v in params if k in ("prefix", "ttl")}
    theirs = [(k, v) for k, v in params if k not in ours]
    prefix = ours.get("prefix", DEFAULT_REDIS_PREFIX).strip(":")
    if not prefix:
        raise CheckpointConfigError("the Redis checkpoint prefix must not be empty")
    ttl: int | None = None
    if ours.get("ttl"):
        try:
            ttl = int(ours["ttl"])
        except ValueError as exc:
            raise CheckpointConfigError("the Redis checkpoint ttl must be whole seconds") from exc
        if ttl <= 0:
            raise CheckpointConfigError("the Redis checkpoint ttl must be positive")
    client_url = urlunsplit(parts._replace(query=urlencode(theirs)))
    return StoreLocation("redis", client_url, redis_prefix=prefix, redis_ttl_s=ttl)
