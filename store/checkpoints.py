"""Opening the interview's checkpointer for the configured store URL (see store.store_url for the forms).

Every backend gets the serializer it is given (in production: store.checkpoint_cipher.encrypted_serializer)
and our saver subclasses, which keep PHI out of the columns the upstream savers write in the clear (see
store.checkpoint_savers). All of them are async: the graph runs with ainvoke/astream.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any, cast

import aiosqlite
from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.checkpoint.serde.base import SerializerProtocol
from psycopg import AsyncConnection
from psycopg.rows import DictRow, dict_row
from psycopg_pool import AsyncConnectionPool

from store.checkpoint_savers import (
    MemoryCheckpointSaver,
    PostgresCheckpointSaver,
    RedisCheckpointSaver,
    SqliteCheckpointSaver,
)
from store.store_url import CheckpointConfigError, StoreLocation, parse_store_url

__all__ = ["CheckpointConfigError", "open_checkpointer"]

# The upstream Postgres saver runs one statement at a time per saver, so a pool buys reconnection, not throughput.
_PG_POOL_MAX = 2
_CONNECT_TIMEOUT_S = 10.0


def open_checkpointer(url: str, serde: SerializerProtocol) -> AbstractAsyncContextManager[BaseCheckpointSaver[Any]]:
    """The checkpointer for `url`, set up and ready; closed on exit. Raises CheckpointConfigError at once."""
    return _open(parse_store_url(url), serde)


@asynccontextmanager
async def _open(location: StoreLocation, serde: SerializerProtocol) -> AsyncIterator[BaseCheckpointSaver[Any]]:
    if location.backend == "memory":
        yield MemoryCheckpointSaver(serde=serde)
    elif location.backend == "sqlite":
        async with _sqlite(location, serde) as sqlite_saver:
            yield sqlite_saver
    elif location.backend == "postgres":
        async with _postgres(location, serde) as postgres_saver:
            yield postgres_saver
    else:
        async with _redis(location, serde) as redis_saver:
            yield redis_saver


@asynccontextmanager
async def _sqlite(location: StoreLocation, serde: SerializerProtocol) -> AsyncIterator[SqliteCheckpointSaver]:
    if location.sqlite_path is not None:
        location.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
    async with aiosqlite.connect(location.target) as conn:
        saver = SqliteCheckpointSaver(conn, serde=serde)
        await saver.setup()  # WAL journal
        # In WAL mode NORMAL skips the fsync at each commit, still safe when the process dies (a power cut can
        # lose the last commits). All members' checkpoints go through this one connection, so it counts.
        await conn.execute("PRAGMA synchronous=NORMAL")
        yield saver


@asynccontextmanager
async def _postgres(location: StoreLocation, serde: SerializerProtocol) -> AsyncIterator[PostgresCheckpointSaver]:
    pool = AsyncConnectionPool(
        location.target,
        connection_class=AsyncConnection[DictRow],
        kwargs={"autocommit": True, "prepare_threshold": 0, "row_factory": dict_row},
        min_size=1,
        max_size=_PG_POOL_MAX,
        check=AsyncConnectionPool.check_connection,
        open=False,
    )
    await pool.open(wait=True, timeout=_CONNECT_TIMEOUT_S)
    try:
        saver = PostgresCheckpointSaver(pool, serde=serde)
        await saver.setup()
        yield saver
    finally:
        await pool.close()


@asynccontextmanager
async def _redis(location: StoreLocation, serde: SerializerProtocol) -> AsyncIterator[RedisCheckpointSaver]:
    saver = RedisCheckpointSaver(
        url=location.target,
        prefix=location.redis_prefix,
        ttl=location.redis_ttl_s,
        serde=serde,
        socket_connect_timeout=_CONNECT_TIMEOUT_S,
    )
    try:
        # Fail at startup, not at the first message. (redis-py types ping for its sync and async clients alike.)
        await cast(Awaitable[bool], saver.client.ping())
        yield saver
    finally:
        await saver.aclose()
