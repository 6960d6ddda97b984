"""The real PostgreSQL and Redis the integration tests use. They always run in CI, so absence fails, loudly."""

from __future__ import annotations

import functools

import psycopg
import pytest
import redis

POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/test"
REDIS_URL = "redis://127.0.0.1:6379/0"


@functools.cache
def _postgres_error() -> str | None:
    try:
        with psycopg.connect(POSTGRES_URL, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as exc:
        return str(exc)
    return None


@functools.cache
def _redis_error() -> str | None:
    try:
        with redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3) as client:
            client.ping()
    except redis.RedisError as exc:
        return str(exc)
    return None


def postgres_url() -> str:
    """The test database's URL; fails the test if PostgreSQL is down."""
    if (error := _postgres_error()) is not None:
        pytest.fail(
            f"PostgreSQL is not reachable at {POSTGRES_URL} ({error}). It must run for these tests; start it with "
            "`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`.",
            pytrace=False,
        )
    return POSTGRES_URL


def redis_url() -> str:
    """The test Redis's URL; fails the test if Redis is down."""
    if (error := _redis_error()) is not None:
        pytest.fail(
            f"Redis is not reachable at {REDIS_URL} ({error}). It must run for these tests; start it with "
            '`redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no`.',
            pytrace=False,
        )
    return REDIS_URL
