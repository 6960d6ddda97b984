from __future__ import annotations

import pytest

from serving.sse import DONE, SseParser, parse_sse_text


@pytest.mark.unit
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('data: {"a": 1}\n\ndata: [DONE]\n\n', ['{"a": 1}', DONE]),
        ("data:no-space\n\n", ["no-space"]),
        (": keep-alive\n\ndata: x\n\n", ["x"]),
        ("event: message\nid: 7\ndata: y\n\n", ["y"]),
        ("data: line one\ndata: line two\n\n", ["line one\nline two"]),
        ("data: a\r\n\r\ndata: b\r\n\r\n", ["a", "b"]),
        ("data: cut-off-without-blank-line", ["cut-off-without-blank-line"]),
        ("\n\n\n", []),
    ],
)
def test_events_are_read_from_a_body(body: str, expected: list[str]) -> None:
    assert parse_sse_text(body) == expected


@pytest.mark.unit
def test_feed_returns_data_only_when_the_event_ends() -> None:
    parser = SseParser()
    assert parser.feed("data: first") is None
    assert parser.feed("") == "first"
    assert parser.feed("") is None
    assert parser.finish() is None
