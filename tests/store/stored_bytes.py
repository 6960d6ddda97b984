"""Everything a checkpoint store holds, read raw, and where in it a canary appears."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import psycopg
import redis


def sqlite_leaks(database: Path, canary: str) -> list[str]:
    """The files of the database (its WAL and journal included) that contain the canary."""
    needle = canary.encode()
    files = [p for p in database.parent.glob(f"{database.name}*") if p.is_file()]
    assert database in files, f"no database file at {database}"
    return [str(p) for p in files if needle in p.read_bytes()]


def postgres_leaks(url: str, canary: str) -> list[str]:
    """Rows of every checkpoint table holding the canary, as text (JSONB, TEXT) or as bytes (BYTEA, seen as hex)."""
    hex_needle = canary.encode().hex()
    found: list[str] = []
    with psycopg.connect(url) as conn:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema() AND table_name LIKE 'checkpoint%%'"
            )
        ]
        assert {"checkpoints", "checkpoint_blobs", "checkpoint_writes"} <= set(tables), tables
        for table in tables:
            for (row,) in conn.execute(f'SELECT t::text FROM "{table}" AS t'):  # bytea renders as \x<hex>
                if canary in row or hex_needle in row:
                    start = max(row.find(canary), row.find(hex_needle)) - 80
                    found.append(f"{table}: …{row[max(start, 0) : start + 200]}…")
    return found


def redis_leaks(url: str, prefix: str, canary: str) -> list[str]:
    """Keys under `prefix` whose name or value holds the canary, base64 payloads decoded.

    The plain-Redis saver wraps each serialized value as JSON {"t": type, "d": base64}: a raw byte search
    would never see plaintext inside it.
    """
    needle = canary.encode()
    found: list[str] = []
    with redis.Redis.from_url(url) as client:
        keys = list(client.scan_iter(match=f"{prefix}:*", count=500))
        assert keys, f"nothing stored under {prefix}:"
        for key in keys:
            if needle in key or any(needle in part for part in _unwrapped(_redis_value(client, key))):
                found.append(key.decode(errors="replace"))
    return found


def _unwrapped(value: bytes) -> list[bytes]:
    """The value, and the base64 payload of every {"t": …, "d": …} wrapper in it."""
    parts = [value]
    for piece in value.split(b"\x00"):
        try:
            wrapper = json.loads(piece)
            parts.append(base64.b64decode(wrapper["d"], validate=True))
        except (ValueError, TypeError, KeyError):
            continue
    return parts


def _redis_value(client: Any, key: bytes) -> bytes:
    """Every byte of the key's value. (`client` is Any: redis-py types its sync replies as maybe-awaitable.)"""
    kind = client.type(key)
    if kind == b"string":
        return bytes(client.get(key))
    if kind == b"hash":
        return b"\x00".join(f + b"\x00" + v for f, v in client.hgetall(key).items())
    if kind == b"zset":
        return b"\x00".join(member for member, _ in client.zrange(key, 0, -1, withscores=True))
    if kind == b"list":
        return b"\x00".join(client.lrange(key, 0, -1))
    if kind == b"set":
        return b"\x00".join(client.smembers(key))
    raise AssertionError(f"cannot read a Redis {kind!r} at {key!r}")


def delete_redis_prefix(url: str, prefix: str) -> None:
    with redis.Redis.from_url(url) as client:
        keys = list(client.scan_iter(match=f"{prefix}:*", count=500))
        if keys:
            client.delete(*keys)
