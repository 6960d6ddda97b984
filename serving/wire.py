"""The OpenAI chat-completions wire format: request bodies out, answers and errors in. Pure functions, no I/O."""

from __future__ import annotations

import json
from typing import Any

from serving.backend import BackendKind
from serving.errors import PermanentError, TransientError
from serving.types import ChatRequest, StreamDelta, Usage

CHAT_PATH = "/v1/chat/completions"
MODELS_PATH = "/v1/models"
_RETRYABLE_STATUS = frozenset({408, 409, 425, 429})


def request_body(request: ChatRequest, kind: BackendKind, *, stream: bool) -> dict[str, Any]:
    body: dict[str, Any] = {
        "model": request.model,
        "messages": [message.model_dump() for message in request.messages],
        "n": request.n,
        "stream": stream,
    }
    if request.temperature is not None:
        body["temperature"] = request.temperature
    if request.max_tokens is not None:
        body["max_tokens"] = request.max_tokens
    if stream:
        body["stream_options"] = {"include_usage": True}
    if request.json_schema is not None:
        if kind == "vllm":
            body["structured_outputs"] = {"json": request.json_schema}
        else:
            body["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": request.schema_name, "schema": request.json_schema, "strict": True},
            }
    return body


def parse_usage(raw: Any) -> Usage | None:
    if not isinstance(raw, dict):
        return None
    return Usage(
        prompt_tokens=int(raw.get("prompt_tokens") or 0), completion_tokens=int(raw.get("completion_tokens") or 0)
    )


def parse_completion(body: Any, *, backend: str) -> tuple[list[str], list[str | None], str | None, Usage]:
    """Candidates in choice order, their finish reasons, the model the server named, and token usage."""
    if not isinstance(body, dict) or not isinstance(body.get("choices"), list):
        raise TransientError(f"backend {backend!r} sent a reply that is not a chat completion", backend=backend)
    choices = sorted(body["choices"], key=lambda choice: int(choice.get("index", 0)))
    candidates = [str((choice.get("message") or {}).get("content") or "") for choice in choices]
    finish_reasons = [choice.get("finish_reason") for choice in choices]
    model = body.get("model") if isinstance(body.get("model"), str) else None
    return candidates, finish_reasons, model, parse_usage(body.get("usage")) or Usage()


def parse_stream_event(data: str, *, backend: str) -> list[StreamDelta]:
    """The deltas in one streamed chunk; the last chunk may carry only usage (with `include_usage`)."""
    try:
        chunk = json.loads(data)
    except json.JSONDecodeError as exc:
        raise TransientError(f"backend {backend!r} sent a stream event that is not JSON", backend=backend) from exc
    if not isinstance(chunk, dict):
        raise TransientError(f"backend {backend!r} sent a stream event that is not an object", backend=backend)
    if "error" in chunk:
        raise TransientError(
            f"backend {backend!r} reported an error mid-stream", backend=backend, detail=_error_text(chunk)
        )
    model = chunk.get("model") if isinstance(chunk.get("model"), str) else None
    deltas = [
        StreamDelta(
            index=int(choice.get("index", 0)),
            text=str((choice.get("delta") or {}).get("content") or ""),
            finish_reason=choice.get("finish_reason"),
            model=model,
        )
        for choice in chunk.get("choices") or []
    ]
    usage = parse_usage(chunk.get("usage"))
    if usage is not None:
        deltas.append(StreamDelta(usage=usage, model=model))
    return deltas


def error_for_status(status: int, body_text: str, *, backend: str, model: str) -> TransientError | PermanentError:
    """Which kind of failure an HTTP status is; the message names backend, model and status, never the body."""
    detail = _error_text(_json_or_none(body_text)) or body_text[:500]
    if status >= 500 or status in _RETRYABLE_STATUS:
        return TransientError(
            f"backend {backend!r} answered HTTP {status} for model {model!r}", backend=backend, detail=detail
        )
    if status == 404:
        message = f"backend {backend!r} does not serve model {model!r} (HTTP 404): check the model or adapter name"
    elif status in (401, 403):
        message = f"backend {backend!r} refused the API key (HTTP {status}) for model {model!r}"
    else:
        message = f"backend {backend!r} rejected the request for model {model!r} (HTTP {status})"
    return PermanentError(message, backend=backend, status=status, model=model, detail=detail)


def model_ids(body: Any) -> list[str]:
    """The ids in a /v1/models answer."""
    if not isinstance(body, dict) or not isinstance(body.get("data"), list):
        return []
    return [str(item["id"]) for item in body["data"] if isinstance(item, dict) and "id" in item]


def _json_or_none(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return None


def _error_text(body: Any) -> str | None:
    if not isinstance(body, dict):
        return None
    error = body.get("error")
    if isinstance(error, dict):
        return str(error.get("message") or "")[:500] or None
    if isinstance(error, str):
        return error[:500]
    message = body.get("message")
    return str(message)[:500] if message else None
