"""Chainlit's generated config.toml: parses, hides the machinery, lists exactly the configured origins."""

from __future__ import annotations

import tomllib
from importlib.metadata import version
from typing import Any

import pytest

from bot.web.chainlit_config import UPLOAD_TYPES, OriginsError, check_origins, config_toml

pytestmark = pytest.mark.unit

MIB = 1024 * 1024
PORTALS = ["https://portal.example", "http://localhost:8001"]


def _parsed(origins: list[str] = PORTALS, max_upload_bytes: int = 10 * MIB) -> dict[str, Any]:
    return tomllib.loads(config_toml(origins, max_upload_bytes))


def test_the_config_parses_and_hides_the_chain_of_thought() -> None:
    config = _parsed()
    assert config["UI"]["cot"] == "hidden"
    assert config["UI"]["name"] == "Overturn"
    assert config["features"]["unsafe_allow_html"] is False
    assert config["features"]["allow_thread_sharing"] is False
    assert config["project"]["cache"] is False


def test_allow_origins_is_exactly_the_configured_list() -> None:
    assert _parsed()["project"]["allow_origins"] == PORTALS
    assert _parsed([])["project"]["allow_origins"] == []


def test_origins_are_trimmed_and_blanks_dropped() -> None:
    assert check_origins(["  https://portal.example/ ", "", "   ", "http://localhost:8001"]) == PORTALS
    assert _parsed([" https://portal.example/"])["project"]["allow_origins"] == ["https://portal.example"]


@pytest.mark.parametrize("origin", ["*", "https://*.portal.example", "https://portal.example*", "http://*"])
def test_a_wildcard_anywhere_is_refused(origin: str) -> None:
    with pytest.raises(OriginsError, match="wildcard"):
        config_toml(["https://portal.example", origin], 10 * MIB)


@pytest.mark.parametrize("origin", ["portal.example", "ftp://portal.example", "javascript:alert(1)", "//x.example"])
def test_an_origin_that_is_not_http_is_refused(origin: str) -> None:
    with pytest.raises(OriginsError, match="origins like"):
        check_origins([origin])


def test_an_origin_cannot_inject_toml() -> None:
    sneaky = 'https://portal.example"]\n[UI]\ncot = "full'
    config = _parsed([sneaky])
    assert config["project"]["allow_origins"] == [sneaky]
    assert config["UI"]["cot"] == "hidden"


def test_uploads_take_one_file_of_the_kinds_we_read() -> None:
    upload = _parsed()["features"]["spontaneous_file_upload"]
    assert upload["enabled"] is True
    assert upload["accept"] == list(UPLOAD_TYPES)
    assert "application/pdf" in upload["accept"] and "image/jpeg" in upload["accept"]
    assert upload["max_files"] == 1


@pytest.mark.parametrize(
    ("max_upload_bytes", "max_size_mb"),
    [(10 * MIB, 10), (25 * MIB, 25), (10 * MIB + MIB // 2, 10), (MIB, 1), (100, 1), (0, 1)],
)
def test_the_upload_size_is_the_byte_limit_in_whole_megabytes(max_upload_bytes: int, max_size_mb: int) -> None:
    assert _parsed(max_upload_bytes=max_upload_bytes)["features"]["spontaneous_file_upload"]["max_size_mb"] == (
        max_size_mb
    )


def test_the_meta_section_names_the_chainlit_version() -> None:
    assert _parsed()["meta"]["generated_by"] == version("chainlit")
