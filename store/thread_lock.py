"""One message at a time per conversation: a second message for a busy thread is refused, not queued.

    async with thread_lock.hold(thread_id):  # raises ThreadBusy at once if another holder has it
        await graph.ainvoke(...)

Which lock goes with which checkpoint store (thread_lock_for picks it from the same URL):

- memory, sqlite:///:memory: -> LocalThreadLock: this process only.
- sqlite file -> FileThreadLock: flock on a file per thread in "<db>.locks/" beside the database, so several
  processes on one machine share it. The OS drops the lock when the holder dies.
- postgres -> PostgresThreadLock: a session advisory lock, on one connection the process keeps for all its holds
  (a local lock keeps this process's own holders apart). The server drops the locks when that connection ends,
  so when the holder dies. Needs session pooling (not PgBouncer in transaction mode).
- redis -> RedisThreadLock: SET NX PX with a random token, released only by the same token. A holder that dies
  leaves the thread busy until the TTL ends; there is no renewal, so the TTL (10 minutes by default) must outlast
  the slowest message, letter composition included. A hold that outlives it is logged on release.

Thread ids are hashed before they name a lock file, key or advisory lock.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import hashlib
import logging
import os
import secrets
import threading
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path

import psycopg
import redis.asyncio as aioredis

from store.store_url import parse_store_url

logger = logging.getLogger(__name__)

DEFAULT_REDIS_TTL_S = 600.0
_CONNECT_TIMEOUT_S = 10
# Delete the key only if it still holds our token: after a TTL expiry it may belong to the next holder.
_RELEASE_LUA = """
if redis.call("get", KEYS[1]) == ARGV[1] then
    return redis.call("del", KEYS[1])
end
return 0
"""


class ThreadBusy(RuntimeError):
    """Another message of this conversation is being handled; this one is refused."""

    def __init__(self, thread_id: str) -> None:
        super().__init__("this conversation is busy with another message")
        self.thread_id = thread_id


class ThreadLock(ABC):
    @abstractmethod
    def hold(self, thread_id: str) -> AbstractAsyncContextManager[None]:
        """Hold the thread for the block; raise ThreadBusy at once if someone else holds it."""

    async def aclose(self) -> None:
        """Release what the lock keeps open (connections); call on shutdown."""
        return None


def thread_digest(thread_id: str) -> str:
    return hashlib.sha256(b"overturn-thread\x00" + thread_id.encode("utf-8")).hexdigest()


class LocalThreadLock(ThreadLock):
    def __init__(self) -> None:
        self._held: set[str] = set()
        self._guard = threading.Lock()

    @asynccontextmanager
    async def hold(self, thread_id: str) -> AsyncIterator[None]:
        with self._guard:
            if thread_id in self._held:
                raise ThreadBusy(thread_id)
            self._held.add(thread_id)
        try:
            yield
        finally:
            with self._guard:
                self._held.discard(thread_id)


class FileThreadLock(ThreadLock):
    """Lock files are kept after release: unlinking a flocked file lets two holders lock different inodes."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    @asynccontextmanager
    async def hold(self, thread_id: str) -> AsyncIterator[None]:
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(self.directory / f"{thread_digest(thread_id)}.lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as exc:
                raise ThreadBusy(thread_id) from exc
            yield
        finally:
            os.close(fd)  # releases the flock


class RedisThreadLock(ThreadLock):
    def __init__(self, client: aioredis.Redis, *, prefix: str, ttl_s: float = DEFAULT_REDIS_TTL_S) -> None:
        self.client = client
        self.prefix = prefix
        self.ttl_ms = int(ttl_s * 1000)
        self._release = client.register_script(_RELEASE_LUA)

    @classmethod
    def from_url(cls, url: str, *, prefix: str, ttl_s: float = DEFAULT_REDIS_TTL_S) -> RedisThreadLock:
        return cls(aioredis.from_url(url, socket_connect_timeout=_CONNECT_TIMEOUT_S), prefix=prefix, ttl_s=ttl_s)

    def key(self, thread_id: str) -> str:
        return f"{self.prefix}:lock:{thread_digest(thread_id)}"

    @asynccontextmanager
    async def hold(self, thread_id: str) -> AsyncIterator[None]:
        key, token = self.key(thread_id), secrets.token_hex(16)
        if not await self.client.set(key, token, nx=True, px=self.ttl_ms):
            raise ThreadBusy(thread_id)
        try:
            yield
        finally:
            await self._release_quietly(key, token)

    async def _release_quietly(self, key: str, token: str) -> None:
        # A failed release must not turn a handled message into an error; the TTL frees the thread.
        try:
            released = await self._release(keys=[key], args=[token])
        except (aioredis.RedisError, OSError):
            logger.warning("could not release a thread lock; it frees itself when its TTL ends", exc_info=True)
            return
        if not released:
            logger.warning("a thread lock outlived its %d ms TTL; raise the TTL", self.ttl_ms)

    async def aclose(self) -> None:
        await self.client.aclose()


def advisory_key(thread_id: str) -> int:
    """A signed 64-bit advisory lock key: hashtext is only 32 bits, so collisions would be likelier."""
    return int.from_bytes(bytes.fromhex(thread_digest(thread_id))[:8], "big", signed=True)


class PostgresThreadLock(ThreadLock):
    """Every hold of this process is a session advisory lock on one connection the process keeps open.

    A connection per hold would cost a connect per message and one server connection per member mid-turn (a web
    app with a few hundred members would run out of them). Advisory locks are re-entrant within a session, so
    holders in this process are first kept apart by a local lock; other processes are kept apart by the server.
    When the process dies, its connection ends and the server drops every lock it held.
    """

    def __init__(self, conninfo: str) -> None:
        self._conninfo = conninfo
        self._local = LocalThreadLock()
        self._conn: psycopg.AsyncConnection[tuple[object, ...]] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._connecting: asyncio.Lock | None = None

    def __repr__(self) -> str:  # the conninfo may hold a password
        return "PostgresThreadLock()"

    @asynccontextmanager
    async def hold(self, thread_id: str) -> AsyncIterator[None]:
        async with self._local.hold(thread_id):
            key = advisory_key(thread_id)
            conn = await self._locked(key, thread_id)
            try:
                yield
            finally:
                await _unlock_quietly(conn, key)

    async def _locked(self, key: int, thread_id: str) -> psycopg.AsyncConnection[tuple[object, ...]]:
        for attempt in (1, 2):
            conn = await self._connection()
            try:
                cursor = await conn.execute("SELECT pg_try_advisory_lock(%s)", (key,))
                row = await cursor.fetchone()
            except psycopg.OperationalError:
                await self._drop(conn)  # a broken connection held no lock any more: connect again, once
                if attempt == 2:
                    raise
                continue
            if row is None or row[0] is not True:
                raise ThreadBusy(thread_id)
            return conn
        raise AssertionError("unreachable")

    async def _connection(self) -> psycopg.AsyncConnection[tuple[object, ...]]:
        loop = asyncio.get_running_loop()
        if self._loop is not loop:  # a connection belongs to the event loop that opened it
            self._loop, self._conn, self._connecting = loop, None, asyncio.Lock()
        assert self._connecting is not None
        async with self._connecting:
            if self._conn is None or self._conn.closed:
                self._conn = await psycopg.AsyncConnection.connect(
                    self._conninfo, autocommit=True, connect_timeout=_CONNECT_TIMEOUT_S
                )
            return self._conn

    async def _drop(self, conn: psycopg.AsyncConnection[tuple[object, ...]]) -> None:
        if self._conn is conn:
            self._conn = None
        with contextlib.suppress(psycopg.Error, OSError):
            await conn.close()

    async def aclose(self) -> None:
        if self._conn is not None and self._loop is asyncio.get_running_loop():
            await self._drop(self._conn)


async def _unlock_quietly(conn: psycopg.AsyncConnection[tuple[object, ...]], key: int) -> None:
    try:
        await conn.execute("SELECT pg_advisory_unlock(%s)", (key,))
    except (psycopg.Error, OSError):
        # The connection is kept for other holders; closing it would free their locks too. A lock we could not
        # release ends with the connection (or the process).
        logger.warning("could not unlock a thread lock", exc_info=True)


def thread_lock_for(url: str) -> ThreadLock:
    """The thread lock that matches the checkpoint store at `url`."""
    location = parse_store_url(url)
    if location.backend == "postgres":
        return PostgresThreadLock(location.target)
    if location.backend == "redis":
        return RedisThreadLock.from_url(location.target, prefix=location.redis_prefix)
    if location.sqlite_path is not None:
        return FileThreadLock(location.sqlite_path.with_name(location.sqlite_path.name + ".locks"))
    return LocalThreadLock()
