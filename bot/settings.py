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
    # Key for PHI encrypted at rest (the vault and interview checkpoints): 32 bytes, URL-safe base64. Empty
    # means a key file (key_file), made on first use with owner-only permissions (laptop default).
    vault_key: SecretStr = SecretStr("")
    key_file: Path = Path(".overturn/key")
    database_url: str = "sqlite:///.overturn/overturn.db"
    # Where interviews are checkpointed: sqlite:///FILE (default), postgresql://..., redis://..., or memory.
    checkpoint_url: str = "sqlite:///.overturn/checkpoints.db"
    # Letters the model writes per attempt (the one passing most checks is kept) and how freely.
    compose_candidates: int = 2
    compose_temperature: float = 0.7
    # Shadow mode: a candidate tried beside the live prompt or model at compose, recorded, never shown.
    # "compose/appeal.user.j2@3f2a9c1d" (a registered prompt version) and "compose=MODEL[:ADAPTER]".
    shadow_prompt: str = ""
    shadow_model: str = ""
    # The model server (OpenAI-compatible, e.g. `make model` -> http://127.0.0.1:8011). Empty: rules and
    # template letters only, which is the laptop default.
    model_url: str = ""
    model_api_key: SecretStr | None = None
    # How long a member waits for the model before the rules' reading or the template letter stands.
    model_timeout_s: float = 60.0

    # The web app (`overturn web`, `make run`). The secret signs sessions and the tokens a patient portal mints
    # for its members (HS256, shared with the portal); empty means a file made on first use (laptop default).
    web_host: str = "127.0.0.1"
    web_port: int = 8000
    # The address members reach the app at (download links in the portal widget); empty: http://HOST:PORT.
    web_public_url: str = ""
    web_secret: SecretStr = SecretStr("")
    web_secret_file: Path = Path(".overturn/web_secret")
    # Pages allowed to embed the widget. Never "*": the app refuses to start with it.
    web_allow_origins: list[str] = ["http://127.0.0.1:8001", "http://localhost:8001"]
    # Where the app keeps Chainlit's generated config and its short-lived upload folder.
    web_root: Path = Path(".overturn/web")
    # The longest life a portal token may claim (its exp minus its iat).
    portal_token_max_ttl_s: int = 600


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
