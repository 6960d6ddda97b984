"""Long texts are analysed in overlapping windows, so no single spaCy call sees more than a window.

A span that touches an inner window edge may be cut short there; it is dropped, and the neighbouring window,
which holds the same stretch whole thanks to the overlap, reports it instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from graph.redaction.entities import PhiSpan

WINDOW_CHARS = 20_000
OVERLAP_CHARS = 1_000
# How far back from a window's end to look for a line break or space to cut at.
CUT_SEARCH_CHARS = 200


@dataclass(frozen=True)
class Window:
    start: int
    end: int


def windows(text: str, size: int = WINDOW_CHARS, overlap: int = OVERLAP_CHARS) -> list[Window]:
    if size <= overlap * 2:
        raise ValueError("a window must be more than twice the overlap")
    found: list[Window] = []
    start = 0
    while True:
        end = min(start + size, len(text))
        if end < len(text):
            end = _cut_point(text, start + size - CUT_SEARCH_CHARS, end)
        found.append(Window(start, end))
        if end >= len(text):
            return found
        start = end - overlap


def _cut_point(text: str, earliest: int, latest: int) -> int:
    for separator in ("\n", " "):
        at = text.rfind(separator, earliest, latest)
        if at > 0:
            return at + 1
    return latest


def whole_spans(spans: Iterable[PhiSpan], window: Window, text_length: int) -> list[PhiSpan]:
    """The spans of one window (already in text offsets) that do not touch an inner edge of it."""
    return [
        span
        for span in spans
        if (span.start > window.start or window.start == 0) and (span.end < window.end or window.end == text_length)
    ]
