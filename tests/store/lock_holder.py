"""A process that takes a thread lock, says HELD, and sleeps until it is killed.

python -m tests.store.lock_holder file|redis|postgres TARGET THREAD_ID [REDIS_PREFIX REDIS_TTL_S]
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from store.thread_lock import FileThreadLock, PostgresThreadLock, RedisThreadLock, ThreadLock


def _lock(kind: str, target: str, extra: list[str]) -> ThreadLock:
    if kind == "file":
        return FileThreadLock(Path(target))
    if kind == "redis":
        prefix, ttl_s = extra
        return RedisThreadLock.from_url(target, prefix=prefix, ttl_s=float(ttl_s))
    if kind == "postgres":
        return PostgresThreadLock(target)
    raise SystemExit(f"unknown lock kind {kind!r}")


async def _hold(kind: str, target: str, thread_id: str, extra: list[str]) -> None:
    async with _lock(kind, target, extra).hold(thread_id):
        print("HELD", flush=True)
        await asyncio.sleep(600)


if __name__ == "__main__":
    asyncio.run(_hold(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]))
