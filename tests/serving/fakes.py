"""OpenAI-shaped replies for driving the serving client through httpx.MockTransport. Our own invented content."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

import httpx

from serving.backend import Backend, BreakerSettings, Retries, Timeouts
from serving.types import ChatMessage, ChatRequest

Handler = Callable[[httpx.Request], httpx.Response]


def backend(name: str = "primary", **overrides: Any) -> Backend:
    """A backend with no backoff, short timeouts and a small breaker, so tests run in milliseconds."""
    settings: dict[str, Any] = {
        "name": name,
        "base_url": f"http://{name}.test:8000",
        "timeouts": Timeouts(connect=0.5, read=0.5, write=0.5, total=2.0),
        "retries": Retries(attempts=3, backoff_s=0.0, max_backoff_s=0.0),
        "breaker": BreakerSettings(threshold=2, cooldown_s=30.0),
    }
    settings.update(overrides)
    return Backend(**settings)


def chat_request(**overrides: Any) -> ChatRequest:
    settings: dict[str, Any] = {
        "messages": [ChatMessage(role="user", content="Please draft an appeal for an invented claim.")],
        "model": "appeal-writer",
    }
    settings.update(overrides)
    return ChatRequest(**settings)


def completion_body(
    texts: Iterable[str], *, model: str = "appeal-writer", prompt_tokens: int = 21, completion_tokens: int = 9
) -> dict[str, Any]:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "model": model,
        "choices": [
            {"index": i, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
            for i, text in enumerate(texts)
        ],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens, "total_tokens": 30},
    }


def chunk(text: str | None = None, *, index: int = 0, finish: str | None = None, model: str = "appeal-writer") -> str:
    delta = {} if text is None else {"content": text}
    body = {
        "id": "chatcmpl-test",
        "object": "chat.completion.chunk",
        "model": model,
        "choices": [{"index": index, "delta": delta, "finish_reason": finish}],
    }
    return f"data: {json.dumps(body)}\n\n"


def usage_chunk(prompt_tokens: int, completion_tokens: int) -> str:
    body = {
        "object": "chat.completion.chunk",
        "model": "appeal-writer",
        "choices": [],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens},
    }
    return f"data: {json.dumps(body)}\n\n"


DONE_EVENT = "data: [DONE]\n\n"


def sse_response(events: Iterable[str], request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        200, headers={"content-type": "text/event-stream"}, content="".join(events).encode(), request=request
    )


def error_response(status: int, message: str) -> httpx.Response:
    return httpx.Response(status, json={"error": {"message": message, "type": "BadRequestError", "code": status}})


class Script:
    """A MockTransport handler that plays back queued replies in order and keeps every request it saw."""

    def __init__(self, *replies: Handler | httpx.Response | Exception) -> None:
        self.replies = list(replies)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if not self.replies:
            raise AssertionError(f"no reply queued for request {len(self.requests)}")
        reply = self.replies.pop(0)
        if isinstance(reply, Exception):
            raise reply
        if isinstance(reply, httpx.Response):
            return reply
        return reply(request)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)

    def bodies(self) -> list[dict[str, Any]]:
        return [json.loads(request.content) for request in self.requests]


def ok(*texts: str, **kwargs: Any) -> Handler:
    """A handler answering with these candidates and echoing the request id back, as vLLM does."""

    def reply(request: httpx.Request) -> httpx.Response:
        headers = {"X-Request-Id": request.headers.get("X-Request-Id", "")}
        return httpx.Response(200, json=completion_body(texts or ("Dear reviewer,",), **kwargs), headers=headers)

    return reply


def stream(*events: str) -> Handler:
    return lambda request: sse_response(events, request)
