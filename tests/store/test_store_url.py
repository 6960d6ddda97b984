from __future__ import annotations

from pathlib import Path

import pytest

from store.store_url import CheckpointConfigError, StoreLocation, parse_store_url

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("url", ["", "  ", "memory", "memory://"])
def test_memory(url: str) -> None:
    assert parse_store_url(url) == StoreLocation("memory")


def test_sqlite_paths() -> None:
    relative = parse_store_url("sqlite:///data/checkpoints.db")
    assert (relative.backend, relative.sqlite_path) == ("sqlite", Path("data/checkpoints.db"))
    assert parse_store_url("sqlite:////var/lib/overturn/c.db").sqlite_path == Path("/var/lib/overturn/c.db")
    assert parse_store_url("sqlite:///~/c.db").sqlite_path == Path.home() / "c.db"
    in_memory = parse_store_url("sqlite:///:memory:")
    assert (in_memory.backend, in_memory.target, in_memory.sqlite_path) == ("sqlite", ":memory:", None)


@pytest.mark.parametrize("url", ["postgresql://u:secret@db:5432/overturn?sslmode=require", "postgres://db/overturn"])
def test_postgres_urls_pass_through(url: str) -> None:
    location = parse_store_url(url)
    assert (location.backend, location.target) == ("postgres", url)
    assert "secret" not in repr(location)


def test_redis_options_are_ours_and_stripped() -> None:
    location = parse_store_url("redis://:pw@cache:6379/2?prefix=ovt:&ttl=86400&health_check_interval=5")
    assert location.backend == "redis"
    assert location.target == "redis://:pw@cache:6379/2?health_check_interval=5"
    assert (location.redis_prefix, location.redis_ttl_s) == ("ovt", 86400)
    defaults = parse_store_url("rediss://cache:6379/0")
    assert (defaults.target, defaults.redis_prefix, defaults.redis_ttl_s) == ("rediss://cache:6379/0", "overturn", None)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://db/x", "unsupported checkpoint store 'mysql'"),
        ("checkpoints.db", "unsupported"),
        ("sqlite://", "sqlite:///relative.db"),
        ("sqlite:///", "sqlite:///relative.db"),
        ("redis://cache?ttl=soon", "whole seconds"),
        ("redis://cache?ttl=0", "positive"),
        ("redis://cache?prefix=", "must not be empty"),
    ],
)
def test_bad_urls(url: str, message: str) -> None:
    with pytest.raises(CheckpointConfigError, match=message):
        parse_store_url(url)
