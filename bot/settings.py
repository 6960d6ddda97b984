"""The one settings class. Environment variables with prefix OVERTURN_; defaults run on a laptop."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="OVERTURN_", env_file=".env", extra="ignore")

    # Where the shared development corpus lives (tests and measurement only).
    corpus: Path = Path("../shared/corpus")
    # Largest file a member may hand us.
    max_upload_bytes: int = 5 * 1024 * 1024
    # Key for PHI encrypted at rest (vault). Empty means: generate a per-process key (laptop default).
    vault_key: SecretStr = SecretStr("")
    database_url: str = "sqlite:///overturn.db"
    # The model server (OpenAI-compatible, e.g. `make model` -> http://127.0.0.1:8011). Empty: rules and
    # template letters only, which is the laptop default.
    model_url: str = ""
    model_api_key: SecretStr | None = None
    # How long a member waits for the model before the rules' reading or the template letter stands.
    model_timeout_s: float = 60.0


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
