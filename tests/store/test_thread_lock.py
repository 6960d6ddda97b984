from __future__ import annotations

import asyncio
import contextlib
import sys
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import psycopg
import pytest

from store.thread_lock import (
    FileThreadLock,
    LocalThreadLock,
    PostgresThreadLock,
    RedisThreadLock,
    ThreadBusy,
    ThreadLock,
    advisory_key,
    thread_lock_for,
)
from tests.store.services import postgres_url, redis_url
from tests.store.stored_bytes import delete_redis_prefix

REPO_ROOT = Path(__file__).resolve().parents[2]


def _thread() -> str:
    return f"test-{uuid.uuid4()}"


async def _check_reject_policy(first: ThreadLock, second: ThreadLock) -> None:
    """`first` and `second` share one lock space (the same object, or two processes' views of it)."""
    thread, other = _thread(), _thread()
    async with first.hold(thread):
        with pytest.raises(ThreadBusy) as busy:
            async with second.hold(thread):
                pytest.fail("a second holder got a busy thread")
        assert busy.value.thread_id == thread
        async with second.hold(other):  # another conversation is not held up
            pass
    async with second.hold(thread):  # released on exit
        pass
    with pytest.raises(RuntimeError, match="boom"):
        async with first.hold(thread):
            raise RuntimeError("boom")
    async with second.hold(thread):  # released on error too
        pass


# --- in-process and file --------------------------------------------------------------------------------------------


@pytest.mark.unit
async def test_local_lock_rejects_a_second_holder() -> None:
    lock = LocalThreadLock()
    await _check_reject_policy(lock, lock)


@pytest.mark.unit
async def test_local_lock_rejects_concurrent_messages() -> None:
    lock, thread = LocalThreadLock(), _thread()
    started = asyncio.Event()

    async def slow() -> None:
        async with lock.hold(thread):
            started.set()
            await asyncio.sleep(0.2)

    task = asyncio.create_task(slow())
    await started.wait()
    with pytest.raises(ThreadBusy):
        async with lock.hold(thread):
            pass
    await task


@pytest.mark.unit
async def test_file_lock_rejects_a_second_holder(tmp_path: Path) -> None:
    directory = tmp_path / "checkpoints.db.locks"
    await _check_reject_policy(FileThreadLock(directory), FileThreadLock(directory))
    lock = FileThreadLock(directory)
    await _check_reject_policy(lock, lock)
    assert all(len(p.stem) == 64 for p in directory.iterdir())  # thread ids are not in file names


@pytest.mark.unit
async def test_file_lock_of_a_killed_process_is_free_at_once(tmp_path: Path) -> None:
    directory, thread = tmp_path / "locks", _thread()
    async with _holder_process("file", str(directory), thread) as kill:
        await _assert_busy(FileThreadLock(directory), thread)
        await kill()
        await _assert_free(FileThreadLock(directory), thread)


# --- Redis ----------------------------------------------------------------------------------------------------------


@asynccontextmanager
async def _redis_lock(prefix: str, ttl_s: float = 60.0) -> AsyncIterator[RedisThreadLock]:
    lock = RedisThreadLock.from_url(redis_url(), prefix=prefix, ttl_s=ttl_s)
    try:
        yield lock
    finally:
        await lock.aclose()
        delete_redis_prefix(redis_url(), prefix)


def _prefix() -> str:
    return f"overturn-test-{uuid.uuid4().hex[:12]}"


@pytest.mark.integration
async def test_redis_lock_rejects_a_second_holder() -> None:
    prefix = _prefix()
    async with _redis_lock(prefix) as first, _redis_lock(prefix) as second:
        await _check_reject_policy(first, second)
        assert await first.client.ttl(first.key(_thread())) == -2  # released locks leave no key


@pytest.mark.integration
async def test_redis_lock_release_never_frees_the_next_holder() -> None:
    """A hold that outlives its TTL must not, on release, delete the key the next holder now owns."""
    prefix, thread = _prefix(), _thread()
    async with _redis_lock(prefix, ttl_s=0.3) as short, _redis_lock(prefix) as long:
        late = short.hold(thread)
        await late.__aenter__()
        await asyncio.sleep(0.5)  # the short hold's key expires
        async with long.hold(thread):
            await late.__aexit__(None, None, None)  # the late release finds another token and leaves it
            await _assert_busy(short, thread)


@pytest.mark.integration
async def test_redis_lock_of_a_killed_process_frees_when_its_ttl_ends() -> None:
    prefix, thread, ttl_s = _prefix(), _thread(), 2.0
    async with _redis_lock(prefix) as lock, _holder_process("redis", redis_url(), thread, prefix, str(ttl_s)) as kill:
        await kill()
        await _assert_busy(lock, thread)  # a dead holder still blocks until the TTL ends
        await _assert_free(lock, thread, within_s=ttl_s + 3)


# --- PostgreSQL -----------------------------------------------------------------------------------------------------


@pytest.mark.integration
async def test_postgres_lock_rejects_a_second_holder() -> None:
    url = postgres_url()
    await _check_reject_policy(PostgresThreadLock(url), PostgresThreadLock(url))
    lock = PostgresThreadLock(url)
    await _check_reject_policy(lock, lock)  # one session for the process: the local lock keeps re-entry out
    await lock.aclose()


@pytest.mark.integration
async def test_postgres_lock_holds_more_threads_at_once_than_the_server_has_connections() -> None:
    url = postgres_url()
    conn = await psycopg.AsyncConnection.connect(url, autocommit=True)
    async with conn:
        row = await (await conn.execute("SHOW max_connections")).fetchone()
    assert row is not None
    holds = int(str(row[0])) + 20
    lock = PostgresThreadLock(url)
    threads = [_thread() for _ in range(holds)]
    async with contextlib.AsyncExitStack() as stack:
        for thread in threads:
            await stack.enter_async_context(lock.hold(thread))
        await _assert_busy(PostgresThreadLock(url), threads[-1])  # another process still sees each one held
    await _assert_free(PostgresThreadLock(url), threads[0], within_s=3)
    await lock.aclose()


@pytest.mark.integration
async def test_postgres_lock_of_a_killed_process_is_free_at_once() -> None:
    url, thread = postgres_url(), _thread()
    async with _holder_process("postgres", url, thread) as kill:
        await _assert_busy(PostgresThreadLock(url), thread)
        await kill()
        await _assert_free(PostgresThreadLock(url), thread, within_s=3)


@pytest.mark.unit
def test_advisory_keys_are_stable_signed_64_bit() -> None:
    key = advisory_key("thread-1")
    assert key == advisory_key("thread-1") != advisory_key("thread-2")
    assert -(2**63) <= key < 2**63


# --- factory --------------------------------------------------------------------------------------------------------


@pytest.mark.unit
def test_lock_matches_the_checkpoint_store(tmp_path: Path) -> None:
    assert isinstance(thread_lock_for(""), LocalThreadLock)
    assert isinstance(thread_lock_for("memory"), LocalThreadLock)
    assert isinstance(thread_lock_for("sqlite:///:memory:"), LocalThreadLock)
    file_lock = thread_lock_for(f"sqlite:///{tmp_path}/data/checkpoints.db")
    assert isinstance(file_lock, FileThreadLock)
    assert file_lock.directory == tmp_path / "data" / "checkpoints.db.locks"
    assert isinstance(thread_lock_for("postgresql://postgres@127.0.0.1:5432/test"), PostgresThreadLock)
    assert isinstance(thread_lock_for("postgres://postgres@127.0.0.1:5432/test"), PostgresThreadLock)
    redis_lock = thread_lock_for("redis://127.0.0.1:6379/0?prefix=abc")
    assert isinstance(redis_lock, RedisThreadLock) and redis_lock.key("t").startswith("abc:lock:")


# --- helpers --------------------------------------------------------------------------------------------------------


@asynccontextmanager
async def _holder_process(*args: str) -> AsyncIterator[Callable[[], Awaitable[None]]]:
    """A subprocess holding the lock; yields a function that SIGKILLs it."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.store.lock_holder", *args, cwd=REPO_ROOT, stdout=asyncio.subprocess.PIPE
    )
    assert process.stdout is not None

    async def kill() -> None:
        process.kill()  # SIGKILL: no cleanup runs in the holder
        await process.wait()

    try:
        line = await asyncio.wait_for(process.stdout.readline(), timeout=30)
        assert line == b"HELD\n", f"lock holder did not start (said {line!r}, exit {process.returncode})"
        yield kill
    finally:
        if process.returncode is None:
            await kill()


async def _assert_busy(lock: ThreadLock, thread: str) -> None:
    with pytest.raises(ThreadBusy):
        async with lock.hold(thread):
            pass


async def _assert_free(lock: ThreadLock, thread: str, within_s: float = 0.0) -> None:
    """Wait until `lock` can hold `thread`, failing after `within_s`."""
    started = time.monotonic()
    while True:
        try:
            async with lock.hold(thread):
                return
        except ThreadBusy:
            if time.monotonic() - started > within_s:
                pytest.fail(f"the thread was still busy after {within_s} s")
            await asyncio.sleep(0.05)
