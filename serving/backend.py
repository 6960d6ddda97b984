"""One model server the router may call, as configuration: where it is, how long to wait, when to give up on it."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, model_validator

# How a server wants structured output asked for: vLLM reads `structured_outputs`, other OpenAI-compatible
# servers read `response_format`.
BackendKind = Literal["vllm", "openai"]


class Timeouts(BaseModel):
    """Seconds. `total` bounds one whole call, retries and backoff included, so a member never waits longer."""

    model_config = ConfigDict(frozen=True)

    connect: float = Field(default=3.0, gt=0)
    read: float = Field(default=30.0, gt=0)
    write: float = Field(default=10.0, gt=0)
    total: float = Field(default=90.0, gt=0)

    @model_validator(mode="after")
    def _total_covers_connect(self) -> Timeouts:
        if self.total < self.connect:
            raise ValueError("the total timeout must be at least the connect timeout")
        return self


class Retries(BaseModel):
    """Retries on transient errors only; the wait doubles from `backoff_s` up to `max_backoff_s`, with jitter."""

    model_config = ConfigDict(frozen=True)

    attempts: int = Field(default=3, ge=1, le=10)
    backoff_s: float = Field(default=0.5, ge=0)
    max_backoff_s: float = Field(default=8.0, ge=0)


class BreakerSettings(BaseModel):
    """Open after `threshold` failures in a row; after `cooldown_s`, let one call through to see if it is back."""

    model_config = ConfigDict(frozen=True)

    threshold: int = Field(default=5, ge=1)
    cooldown_s: float = Field(default=30.0, gt=0)


class Backend(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str = Field(min_length=1, pattern=r"^[A-Za-z0-9_.-]+$")
    base_url: str = Field(min_length=1, description="the server root, e.g. http://127.0.0.1:8000 (no /v1)")
    api_key: SecretStr | None = None
    kind: BackendKind = "vllm"
    # An external backend is someone else's server: it only ever sees redacted text, and only when enabled.
    external: bool = False
    timeouts: Timeouts = Timeouts()
    retries: Retries = Retries()
    breaker: BreakerSettings = BreakerSettings()

    @property
    def root(self) -> str:
        root = self.base_url.rstrip("/")
        return root.removesuffix("/v1")
