"""Requests and answers in the shape the rest of Overturn uses, independent of any one server's wire format."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Role = Literal["system", "user", "assistant"]


class ChatMessage(BaseModel):
    model_config = ConfigDict(frozen=True)

    role: Role
    content: str


class ChatRequest(BaseModel):
    """One chat completion. `model` is the served name: a base model id or a LoRA adapter name, chosen per task."""

    model_config = ConfigDict(frozen=True)

    messages: list[ChatMessage] = Field(min_length=1)
    model: str = Field(min_length=1)
    n: int = Field(default=1, ge=1, le=16)
    temperature: float | None = Field(default=None, ge=0.0, le=2.0)
    max_tokens: int | None = Field(default=None, ge=1)
    json_schema: dict[str, Any] | None = None
    schema_name: str = Field(default="answer", pattern=r"^[A-Za-z0-9_-]{1,64}$")
    stream: bool = False


class Usage(BaseModel):
    model_config = ConfigDict(frozen=True)

    prompt_tokens: int = 0
    completion_tokens: int = 0


class Completion(BaseModel):
    """What came back, and from where: every output records the backend and the model the server said it used."""

    model_config = ConfigDict(frozen=True)

    candidates: list[str]
    model: str
    usage: Usage = Usage()
    request_id: str
    latency_s: float
    backend: str
    finish_reasons: list[str | None] = []
    fallback_used: bool = False


class StreamDelta(BaseModel):
    """One piece of a streamed answer; `index` says which of the `n` candidates it belongs to."""

    model_config = ConfigDict(frozen=True)

    index: int = 0
    text: str = ""
    finish_reason: str | None = None
    usage: Usage | None = None
    model: str | None = None
