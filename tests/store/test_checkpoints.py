"""Each checkpoint store round-trips the interview and holds no plaintext: every stored byte is scanned for canaries.

Each scan has a positive control (the same scan finding the canary when it is stored in the clear), so a scan
that cannot see a leak cannot pass for one that found none.
"""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import psycopg
import pytest
import redis
from langgraph.checkpoint.postgres.aio import AsyncPostgresSaver
from langgraph.checkpoint.serde.jsonplus import JsonPlusSerializer
from langgraph.checkpoint.sqlite.aio import AsyncSqliteSaver

from store.checkpoint_cipher import CheckpointDecryptError, UnencryptedCheckpointError, encrypted_serializer
from store.checkpoint_savers import (
    MemoryCheckpointSaver,
    PostgresCheckpointSaver,
    RedisCheckpointSaver,
    SqliteCheckpointSaver,
)
from store.checkpoints import CheckpointConfigError, open_checkpointer
from store.vault import generate_vault_key, key_from_setting
from tests.store.canary_graph import expected_values, new_canary, read_values, run_interview
from tests.store.services import postgres_url, redis_url
from tests.store.stored_bytes import delete_redis_prefix, postgres_leaks, redis_leaks, sqlite_leaks

KEY = key_from_setting(generate_vault_key())


def _thread() -> str:
    return f"test-{uuid.uuid4()}"


def _prefix() -> str:
    return f"overturn-test-{uuid.uuid4().hex[:12]}"


# --- configuration ----------------------------------------------------------------------------------------------


@pytest.mark.unit
@pytest.mark.parametrize("url", ["mysql://db/x", "sqlite://", "sqlite:///", "file:///tmp/x.db", "checkpoints.db"])
def test_unsupported_urls_fail_at_once(url: str) -> None:
    with pytest.raises(CheckpointConfigError):
        open_checkpointer(url, encrypted_serializer(KEY))


# --- memory -------------------------------------------------------------------------------------------------------


@pytest.mark.unit
@pytest.mark.parametrize("url", ["", "memory"])
async def test_memory_round_trip(url: str) -> None:
    canary = new_canary()
    async with open_checkpointer(url, encrypted_serializer(KEY)) as saver:
        assert isinstance(saver, MemoryCheckpointSaver)
        assert await run_interview(saver, _thread(), canary) == expected_values(canary)


@pytest.mark.unit
async def test_metadata_keeps_nothing_from_the_run_config() -> None:
    canary, thread_id = new_canary(), _thread()
    async with open_checkpointer("memory", encrypted_serializer(KEY)) as saver:
        await run_interview(saver, thread_id, canary)
        metadata = [t.metadata async for t in saver.alist({"configurable": {"thread_id": thread_id}})]
    assert metadata
    assert all(canary not in repr(m) for m in metadata)
    assert {"source", "step"} <= set(metadata[0])


# --- SQLite -------------------------------------------------------------------------------------------------------


@pytest.mark.unit
async def test_sqlite_round_trips_and_stores_no_plaintext(tmp_path: Path) -> None:
    canary, thread_id = new_canary(), _thread()
    database = tmp_path / "nested" / "dirs" / "checkpoints.db"
    url = f"sqlite:///{database}"
    async with open_checkpointer(url, encrypted_serializer(KEY)) as saver:
        assert isinstance(saver, SqliteCheckpointSaver)
        assert await run_interview(saver, thread_id, canary) == expected_values(canary)
        assert sqlite_leaks(database, canary) == []  # the WAL too, while open
    assert sqlite_leaks(database, canary) == []

    async with open_checkpointer(url, encrypted_serializer(KEY)) as reopened:
        assert await read_values(reopened, thread_id) == expected_values(canary)
    async with open_checkpointer(url, encrypted_serializer(key_from_setting(generate_vault_key()))) as wrong_key:
        with pytest.raises(CheckpointDecryptError):
            await read_values(wrong_key, thread_id)


@pytest.mark.unit
async def test_sqlite_scan_sees_plaintext_and_upstream_saver_leaks_the_config(tmp_path: Path) -> None:
    canary = new_canary()
    plain_db = tmp_path / "plain.db"
    async with open_checkpointer(f"sqlite:///{plain_db}", JsonPlusSerializer()) as saver:
        await run_interview(saver, _thread(), canary)
    assert sqlite_leaks(plain_db, canary) == [str(plain_db)]

    # Why SqliteCheckpointSaver exists: upstream stores config-derived metadata as plain JSON.
    upstream_db = tmp_path / "upstream.db"
    async with AsyncSqliteSaver.from_conn_string(str(upstream_db)) as upstream:
        upstream.serde = encrypted_serializer(KEY)
        await run_interview(upstream, _thread(), canary)
    content = upstream_db.read_bytes()
    assert f"{canary}-CONFIGURABLE".encode() in content and f"{canary}-METADATA".encode() in content


@pytest.mark.unit
async def test_sqlite_in_memory_database(tmp_path: Path) -> None:
    canary = new_canary()
    async with open_checkpointer("sqlite:///:memory:", encrypted_serializer(KEY)) as saver:
        assert await run_interview(saver, _thread(), canary) == expected_values(canary)


@pytest.mark.unit
async def test_sqlite_refuses_tampered_and_plaintext_rows(tmp_path: Path) -> None:
    database, thread_id = tmp_path / "checkpoints.db", _thread()
    url = f"sqlite:///{database}"
    async with open_checkpointer(url, encrypted_serializer(KEY)) as saver:
        await run_interview(saver, thread_id, new_canary())

    with sqlite3.connect(database) as conn:
        for rowid, blob in conn.execute("SELECT rowid, checkpoint FROM checkpoints").fetchall():
            flipped = bytes([blob[0], blob[1] ^ 0x01]) + blob[2:]
            conn.execute("UPDATE checkpoints SET checkpoint = ? WHERE rowid = ?", (flipped, rowid))
    async with open_checkpointer(url, encrypted_serializer(KEY)) as saver:
        with pytest.raises(CheckpointDecryptError):
            await read_values(saver, thread_id)

    type_, forged = JsonPlusSerializer().dumps_typed({"v": 4, "id": "x", "channel_values": {"letter": "forged"}})
    with sqlite3.connect(database) as conn:
        conn.execute("UPDATE checkpoints SET type = ?, checkpoint = ?", (type_, forged))
    async with open_checkpointer(url, encrypted_serializer(KEY)) as saver:
        with pytest.raises(UnencryptedCheckpointError):
            await read_values(saver, thread_id)


# --- PostgreSQL ---------------------------------------------------------------------------------------------------


@pytest.mark.integration
async def test_postgres_round_trips_and_stores_no_plaintext() -> None:
    url, canary, thread_id = postgres_url(), new_canary(), _thread()
    async with open_checkpointer(url, encrypted_serializer(KEY)) as saver:
        assert isinstance(saver, PostgresCheckpointSaver)
        try:
            assert await run_interview(saver, thread_id, canary) == expected_values(canary)
            assert postgres_leaks(url, canary) == []
            async with open_checkpointer(
                url.replace("postgresql://", "postgres://"), encrypted_serializer(KEY)
            ) as again:
                assert await read_values(again, thread_id) == expected_values(canary)
        finally:
            await saver.adelete_thread(thread_id)


@pytest.mark.integration
async def test_postgres_scan_sees_what_upstream_saver_leaks() -> None:
    """Why PostgresCheckpointSaver exists: upstream inlines str channels and config metadata in plain JSONB."""
    url, canary, thread_id = postgres_url(), new_canary(), _thread()
    async with AsyncPostgresSaver.from_conn_string(url, serde=encrypted_serializer(KEY)) as upstream:
        await upstream.setup()
        try:
            await run_interview(upstream, thread_id, canary)
            leaks = postgres_leaks(url, canary)
        finally:
            await upstream.adelete_thread(thread_id)
    assert leaks and all(leak.startswith("checkpoints:") for leak in leaks)
    assert any(f"{canary} letter-INPUT" in leak for leak in leaks)
    assert any(f"{canary}-METADATA" in leak for leak in leaks)


@pytest.mark.integration
async def test_postgres_scan_sees_plaintext_blobs_and_writes() -> None:
    url, canary, thread_id = postgres_url(), new_canary(), _thread()
    async with open_checkpointer(url, JsonPlusSerializer()) as saver:
        try:
            await run_interview(saver, thread_id, canary)
            leaks = postgres_leaks(url, canary)
        finally:
            await saver.adelete_thread(thread_id)
    assert {leak.split(":")[0] for leak in leaks} == {"checkpoint_blobs", "checkpoint_writes"}


@pytest.mark.integration
async def test_postgres_refuses_tampered_and_plaintext_blobs() -> None:
    url, thread_id = postgres_url(), _thread()
    async with open_checkpointer(url, encrypted_serializer(KEY)) as saver:
        try:
            await run_interview(saver, thread_id, new_canary())
            where = "WHERE thread_id = %s AND channel = 'letter'"
            with psycopg.connect(url, autocommit=True) as conn:
                flipped = conn.execute(
                    f"UPDATE checkpoint_blobs SET blob = set_byte(blob, 20, get_byte(blob, 20) # 1) {where}",
                    (thread_id,),
                )
                assert flipped.rowcount > 0
            with pytest.raises(CheckpointDecryptError):
                await read_values(saver, thread_id)

            type_, plain = JsonPlusSerializer().dumps_typed("forged letter")
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute(f"UPDATE checkpoint_blobs SET type = %s, blob = %s {where}", (type_, plain, thread_id))
            with pytest.raises(UnencryptedCheckpointError):
                await read_values(saver, thread_id)
        finally:
            await saver.adelete_thread(thread_id)


# --- Redis --------------------------------------------------------------------------------------------------------


@pytest.mark.integration
async def test_redis_round_trips_and_stores_no_plaintext() -> None:
    base, prefix, canary, thread_id = redis_url(), _prefix(), new_canary(), _thread()
    url = f"{base}?prefix={prefix}&ttl=3600"
    try:
        async with open_checkpointer(url, encrypted_serializer(KEY)) as saver:
            assert isinstance(saver, RedisCheckpointSaver)
            assert saver.prefix == prefix and saver.ttl == 3600
            assert await run_interview(saver, thread_id, canary) == expected_values(canary)
        assert redis_leaks(base, prefix, canary) == []
        with redis.Redis.from_url(base) as client:
            assert 0 < client.ttl(next(client.scan_iter(match=f"{prefix}:cp:*"))) <= 3600
        async with open_checkpointer(url, encrypted_serializer(KEY)) as reopened:
            assert await read_values(reopened, thread_id) == expected_values(canary)
    finally:
        delete_redis_prefix(base, prefix)


@pytest.mark.integration
async def test_redis_scan_sees_plaintext() -> None:
    base, prefix, canary = redis_url(), _prefix(), new_canary()
    try:
        async with open_checkpointer(f"{base}?prefix={prefix}", JsonPlusSerializer()) as saver:
            await run_interview(saver, _thread(), canary)
        assert redis_leaks(base, prefix, canary)
    finally:
        delete_redis_prefix(base, prefix)
