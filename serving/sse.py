"""Server-sent events, just enough for OpenAI-style streams: `data:` lines, blank-line event ends, `[DONE]`.

The parser is a small state machine fed one line at a time, so the client can put a deadline on each read.
"""

from __future__ import annotations

DONE = "[DONE]"


class SseParser:
    """Collects `data:` lines into events; `feed` returns an event's data when a blank line completes it."""

    def __init__(self) -> None:
        self._data: list[str] = []

    def feed(self, line: str) -> str | None:
        line = line.rstrip("\r\n")
        if not line:
            return self._take()
        if line.startswith(":"):  # a comment, used by some servers as a keep-alive
            return None
        field, _, value = line.partition(":")
        if field == "data":
            self._data.append(value.removeprefix(" "))
        # `event`, `id` and `retry` fields carry nothing OpenAI-style streams need.
        return None

    def finish(self) -> str | None:
        """Whatever an unterminated last event held; a stream cut mid-event still gives up what it sent."""
        return self._take()

    def _take(self) -> str | None:
        if not self._data:
            return None
        data = "\n".join(self._data)
        self._data = []
        return data


def parse_sse_text(text: str) -> list[str]:
    """Every event's data in a whole SSE body, in order; handy for tests and for recorded streams."""
    parser = SseParser()
    events = [data for line in text.splitlines() if (data := parser.feed(line)) is not None]
    if (last := parser.finish()) is not None:
        events.append(last)
    return events
