"""A local instant OpenAI-compatible replay server: a benchmark tool, not a model.

Run: .venv/bin/python -m benchmarks.replay_model [--port 8019] [--host 127.0.0.1]
Serves GET /v1/models (the names serving/models.yaml pins) and POST /v1/chat/completions with canned replies
at once, so a load test measures Overturn rather than a model:
- a request under a JSON schema (vLLM `structured_outputs` / `guided_json`, or OpenAI `response_format`)
  gets the smallest instance of that schema, except follow-up questions, which get one plain question;
- a compose request gets a short appeal letter built from the prompt's own facts and placeholders;
- anything else gets "OK.".
`n` choices and `stream` are honoured. Nothing is logged, nothing is kept.
"""

from __future__ import annotations

import argparse
import json
import re
import time
import uuid
from collections.abc import AsyncIterator, Iterable
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from serving.registry import load_registry

DEFAULT_PORT = 8019
FOLLOWUP = {
    "text": "Has your doctor told the plan in writing why you need this care now?",
    "why": "A note from your doctor is often what turns a denial around.",
}
_RIGHTS_HEADING = "Appeal rights sentence, to include word for word:"
_REASON_HEADING = "The insurer's stated reason, in its own words:"
_DEADLINE_ASK = "Say that this appeal is sent before the appeal deadline of "
_EXPEDITED_ASK = "ask for an expedited review"
_DATA_BLOCK = re.compile(r"<data>\n(.*?)</data>", re.DOTALL)
_RE_IDS = (("Claim number", "claim number"), ("Reference number", "reference number"))
_DETAIL_LINES = ("Member name", "Member ID", "Plan name", "Date of service", "Codes")


# ---- what to answer ----


def request_schema(body: dict[str, Any]) -> dict[str, Any] | None:
    """The JSON schema a request asks its answer to follow, in any of the spellings servers accept."""
    response_format = _mapping(body.get("response_format"))
    if response_format.get("type") == "json_object":
        return {"type": "object"}
    spellings = (
        _mapping(body.get("structured_outputs")).get("json"),  # vLLM >= 0.10
        body.get("guided_json"),  # older vLLM
        _mapping(response_format.get("json_schema")).get("schema"),  # OpenAI
    )
    return next((schema for schema in map(_mapping, spellings) if schema), None)


def _mapping(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def minimal_instance(schema: dict[str, Any]) -> Any:
    """The smallest value a schema accepts: null where allowed, required properties only, empty collections."""
    if "const" in schema:
        return schema["const"]
    if schema.get("enum"):
        return schema["enum"][0]
    branches = schema.get("anyOf") or schema.get("oneOf")
    if isinstance(branches, list) and branches:
        nullable = [branch for branch in branches if branch.get("type") == "null"]
        return None if nullable else minimal_instance(branches[0])
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = "null" if "null" in kind else (kind[0] if kind else None)
    if kind == "object":
        properties = schema.get("properties") or {}
        return {name: minimal_instance(properties.get(name) or {}) for name in schema.get("required") or []}
    if kind == "array":
        item = schema.get("items") or {}
        return [minimal_instance(item) for _ in range(int(schema.get("minItems") or 0))]
    if kind == "string":
        return "x" * int(schema.get("minLength") or 0)
    if kind in ("integer", "number"):
        return schema.get("minimum", 0)
    if kind == "boolean":
        return False
    return None


def json_reply(schema: dict[str, Any]) -> str:
    if "questions" in (schema.get("properties") or {}):  # graph/questions/followups.py: FOLLOWUP_SCHEMA
        return json.dumps({"questions": [FOLLOWUP]})
    return json.dumps(minimal_instance(schema))


def text_reply(messages: list[dict[str, Any]]) -> str:
    prompt = "\n".join(str(message.get("content") or "") for message in messages if message.get("role") == "user")
    if _RIGHTS_HEADING in prompt:  # prompts/compose/appeal.user.j2
        return appeal_letter(prompt)
    return "OK."


def appeal_letter(prompt: str) -> str:
    """A plain letter from the compose prompt: its dates, placeholders, reason, deadline and rights sentence, as
    the prompt gives them."""
    blocks = _DATA_BLOCK.findall(prompt)
    facts = _labelled_lines(blocks[0] if blocks else "")
    service = facts.get("Service denied", "the denied service")
    heading = [f"RE: Appeal of the denial of {service}"]
    heading += [f"{label} {facts[key]}" for key, label in _RE_IDS if key in facts]
    details = [f"{key}: {facts[key]}" for key in _DETAIL_LINES if key in facts]
    reason = _block_after(prompt, _REASON_HEADING)
    statements = [
        line.split(":", 1)[1].strip() for line in prompt.splitlines() if line.strip().startswith("Statement:")
    ]
    insurer = f"{facts['Insurer']} " if "Insurer" in facts else ""
    deadline = _line_after(prompt, _DEADLINE_ASK).rstrip(".")
    paragraphs = [
        facts.get("Letter date (today)", ""),
        "\n".join([", ".join(heading), *details]),
        f"Dear {insurer}Appeals Department,",
        f"I am writing to appeal your decision to deny {service}."
        + (" Because of the urgency, I ask for an expedited review." if _EXPEDITED_ASK in prompt else "")
        + (f" I am sending this appeal before the appeal deadline of {deadline}." if deadline else "")
        + (f" Your letter gives this reason: {reason}" if reason else ""),
        " ".join(statements) or "My doctor and I believe this care is needed for my condition.",
        f"I ask you to reverse the denial and to approve, cover and pay for {service}.",
        _line_after(prompt, _RIGHTS_HEADING),
        "Sincerely," + (f"\n{facts['Member name']}" if "Member name" in facts else ""),
    ]
    return "\n\n".join(paragraph.strip() for paragraph in paragraphs if paragraph.strip()) + "\n"


def _labelled_lines(block: str) -> dict[str, str]:
    pairs = (line.split(": ", 1) for line in block.splitlines() if ": " in line)
    return {label.strip(): value.strip() for label, value in pairs}


def _block_after(prompt: str, heading: str) -> str:
    _, found, rest = prompt.partition(heading)
    match = _DATA_BLOCK.search(rest) if found else None
    return " ".join(match.group(1).split()) if match else ""


def _line_after(prompt: str, heading: str) -> str:
    """The rest of the line `heading` ends, or the next line when it ends the line; "" without the heading."""
    _, found, rest = prompt.partition(heading)
    return rest.strip().splitlines()[0] if found and rest.strip() else ""


# ---- the wire ----


def completion_body(model: str, contents: list[str], prompt_chars: int) -> dict[str, Any]:
    return {
        "id": f"chatcmpl-{uuid.uuid4().hex}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {"index": index, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
            for index, text in enumerate(contents)
        ],
        "usage": _usage(prompt_chars, contents),
    }


def stream_events(model: str, contents: list[str], prompt_chars: int) -> Iterable[str]:
    """The whole answer as server-sent events: each choice in one chunk, then its end, then usage, then [DONE]."""
    base = {"id": f"chatcmpl-{uuid.uuid4().hex}", "object": "chat.completion.chunk", "model": model}
    for index, text in enumerate(contents):
        for delta, finish in (({"role": "assistant", "content": text}, None), ({}, "stop")):
            chunk = {**base, "choices": [{"index": index, "delta": delta, "finish_reason": finish}]}
            yield f"data: {json.dumps(chunk)}\n\n"
    yield f"data: {json.dumps({**base, 'choices': [], 'usage': _usage(prompt_chars, contents)})}\n\n"
    yield "data: [DONE]\n\n"


def _usage(prompt_chars: int, contents: list[str]) -> dict[str, int]:
    # About four characters a token: enough for anything that sums usage.
    completion = sum(len(text) for text in contents) // 4
    return {
        "prompt_tokens": prompt_chars // 4,
        "completion_tokens": completion,
        "total_tokens": prompt_chars // 4 + completion,
    }


def served_names() -> list[str]:
    registry = load_registry()
    return [name for model in registry.models for name in (model.id, *(a.name for a in model.adapters))]


async def list_models(request: Request) -> Response:
    created = int(time.time())
    data = [{"id": name, "object": "model", "created": created, "owned_by": "replay"} for name in served_names()]
    return JSONResponse({"object": "list", "data": data})


async def chat_completions(request: Request) -> Response:
    try:
        body = await request.json()
    except json.JSONDecodeError:
        return JSONResponse({"error": {"message": "the body is not JSON"}}, status_code=400)
    messages = body.get("messages") if isinstance(body, dict) else None
    if not isinstance(messages, list) or not messages:
        return JSONResponse({"error": {"message": "messages must be a non-empty list"}}, status_code=400)
    schema = request_schema(body)
    reply = json_reply(schema) if schema is not None else text_reply(messages)
    contents = [reply] * max(1, int(body.get("n") or 1))
    model = str(body.get("model") or "replay")
    prompt_chars = sum(len(str(message.get("content") or "")) for message in messages)
    if body.get("stream"):
        return StreamingResponse(_aiter(stream_events(model, contents, prompt_chars)), media_type="text/event-stream")
    return JSONResponse(completion_body(model, contents, prompt_chars))


async def _aiter(items: Iterable[str]) -> AsyncIterator[str]:
    for item in items:
        yield item


def create_app() -> Starlette:
    return Starlette(
        routes=[
            Route("/v1/models", list_models, methods=["GET"]),
            Route("/v1/chat/completions", chat_completions, methods=["POST"]),
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    args = parser.parse_args()
    uvicorn.run(create_app(), host=args.host, port=args.port, log_level="warning", access_log=False)


if __name__ == "__main__":
    main()
