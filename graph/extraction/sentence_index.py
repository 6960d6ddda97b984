"""Sentence edges in letter text: where the sentence around a position starts and ends.

Letters arrive OCR'd or pasted, with lines wrapped mid-sentence. A sentence ends at ``.``, ``!`` or ``?``
before white space, at a blank line, or at a line break followed by something that cannot continue a
sentence (anything but a lowercase word), so a heading line stands on its own while a wrapped line joins the
next.
"""

from __future__ import annotations

import bisect
import re

_BOUNDARY = re.compile(r"[.!?][\"”’')\]]*(?=\s)|\n[ \t]*\n|\n(?=[ \t]*[^a-z\s])")


class SentenceIndex:
    """The sentence boundaries of one text, computed once; lookups are a binary search."""

    def __init__(self, text: str) -> None:
        self._text = text
        starts = [_skip_space(text, 0)]
        for match in _BOUNDARY.finditer(text):
            start = _skip_space(text, match.end())
            if start > starts[-1]:
                starts.append(start)
        self._starts = tuple(starts)

    @property
    def starts(self) -> tuple[int, ...]:
        return self._starts

    def bounds(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding ``pos``; a position in white space before a sentence belongs to
        the sentence before it."""
        i = max(0, bisect.bisect_right(self._starts, pos) - 1)
        start = self._starts[i]
        end = self._starts[i + 1] if i + 1 < len(self._starts) else len(self._text)
        return start, end

    def start_of(self, pos: int) -> int:
        return self.bounds(pos)[0]

    def text_of(self, pos: int) -> str:
        start, end = self.bounds(pos)
        return self._text[start:end]


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos
