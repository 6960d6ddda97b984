from __future__ import annotations

import json

import pytest

from serving.errors import PermanentError, TransientError
from serving.wire import error_for_status, model_ids, parse_completion, parse_stream_event, request_body
from tests.serving.fakes import chat_request, chunk, completion_body

SCHEMA = {"type": "object", "properties": {"reason": {"type": "string"}}, "required": ["reason"]}


@pytest.mark.unit
def test_vllm_structured_output_uses_structured_outputs() -> None:
    body = request_body(chat_request(json_schema=SCHEMA), "vllm", stream=False)
    assert body["structured_outputs"] == {"json": SCHEMA}
    assert "response_format" not in body


@pytest.mark.unit
def test_openai_structured_output_uses_response_format() -> None:
    body = request_body(chat_request(json_schema=SCHEMA, schema_name="denial"), "openai", stream=False)
    assert body["response_format"] == {
        "type": "json_schema",
        "json_schema": {"name": "denial", "schema": SCHEMA, "strict": True},
    }
    assert "structured_outputs" not in body


@pytest.mark.unit
def test_plain_request_carries_only_what_was_asked() -> None:
    body = request_body(chat_request(n=2, temperature=0.3, max_tokens=64), "vllm", stream=False)
    assert body == {
        "model": "appeal-writer",
        "messages": [{"role": "user", "content": "Please draft an appeal for an invented claim."}],
        "n": 2,
        "stream": False,
        "temperature": 0.3,
        "max_tokens": 64,
    }


@pytest.mark.unit
def test_streaming_request_asks_for_usage() -> None:
    body = request_body(chat_request(), "openai", stream=True)
    assert body["stream"] is True
    assert body["stream_options"] == {"include_usage": True}


@pytest.mark.unit
@pytest.mark.parametrize(
    ("status", "kind"),
    [(500, TransientError), (502, TransientError), (503, TransientError), (429, TransientError),
     (408, TransientError), (400, PermanentError), (401, PermanentError), (404, PermanentError),
     (422, PermanentError)],
)  # fmt: skip
def test_status_kinds(status: int, kind: type[Exception]) -> None:
    error = error_for_status(status, "{}", backend="gpu", model="appeal-writer")
    assert type(error) is kind
    assert "'appeal-writer'" in str(error)
    assert str(status) in str(error)


@pytest.mark.unit
def test_server_text_is_kept_out_of_the_message() -> None:
    body = json.dumps({"error": {"message": "prompt mentions Wren Talbot-Oduya"}})
    error = error_for_status(400, body, backend="gpu", model="m")
    assert "Wren" not in str(error)
    assert error.detail == "prompt mentions Wren Talbot-Oduya"


@pytest.mark.unit
def test_completion_choices_are_read_in_index_order() -> None:
    body = completion_body(["first", "second"])
    body["choices"].reverse()
    candidates, finish, model, usage = parse_completion(body, backend="gpu")
    assert candidates == ["first", "second"]
    assert finish == ["stop", "stop"]
    assert model == "appeal-writer"
    assert (usage.prompt_tokens, usage.completion_tokens) == (21, 9)


@pytest.mark.unit
@pytest.mark.parametrize("body", [None, [], {"object": "error"}, {"choices": "nope"}])
def test_a_reply_that_is_not_a_completion_is_transient(body: object) -> None:
    with pytest.raises(TransientError):
        parse_completion(body, backend="gpu")


@pytest.mark.unit
def test_stream_event_deltas() -> None:
    data = chunk("Dear", index=1, finish="length").removeprefix("data: ").strip()
    [delta] = parse_stream_event(data, backend="gpu")
    assert (delta.index, delta.text, delta.finish_reason, delta.model) == (1, "Dear", "length", "appeal-writer")


@pytest.mark.unit
@pytest.mark.parametrize("data", ["not json", "[1, 2]", '{"error": {"message": "engine died"}}'])
def test_bad_stream_events_are_transient(data: str) -> None:
    with pytest.raises(TransientError):
        parse_stream_event(data, backend="gpu")


@pytest.mark.unit
def test_model_ids() -> None:
    assert model_ids({"object": "list", "data": [{"id": "base"}, {"id": "lora-a"}, {"x": 1}]}) == ["base", "lora-a"]
    assert model_ids({"error": "x"}) == []
