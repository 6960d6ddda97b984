"""The production settings we ship: the widget may be embedded only by named HTTPS portals, never by any site."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from bot.settings import Settings
from bot.web.chainlit_config import OriginsError, check_origins, config_toml

pytestmark = pytest.mark.unit

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


def production_env() -> dict[str, str]:
    pairs = {}
    for line in (DEPLOY / "production.env.example").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, value = line.partition("=")
            pairs[name.strip()] = value.strip()
    return pairs


def test_production_origins_are_named_https_portals() -> None:
    origins = json.loads(production_env()["OVERTURN_WEB_ALLOW_ORIGINS"])
    assert origins and check_origins(origins) == origins
    assert all(origin.startswith("https://") and "*" not in origin for origin in origins)


def test_production_settings_load_and_generate_a_chainlit_config_without_a_wildcard(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, value in production_env().items():
        monkeypatch.setenv(name, value)
    settings = Settings()
    assert settings.web_public_url.startswith("https://")
    toml = config_toml(settings.web_allow_origins, settings.max_upload_bytes)
    assert '"*"' not in toml and 'cot = "hidden"' in toml
    assert settings.portal_token_max_ttl_s <= 600


def test_the_compose_file_takes_its_settings_from_the_production_env() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    assert compose["services"]["web"]["env_file"] == "production.env"
    assert "*" not in json.dumps(compose)


def test_a_wildcard_origin_is_refused() -> None:
    with pytest.raises(OriginsError):
        check_origins(["https://portal.example-health.org", "*"])
