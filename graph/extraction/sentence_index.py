"""Sentence edges in letter text: where the sentence around a position or a match starts and ends.

Letters arrive OCR'd or pasted, with lines wrapped mid-sentence and full of abbreviations. A sentence ends at
``.``, ``!`` or ``?`` (and closing quotes or brackets) before white space and a capital, digit or opening quote;
at a blank line; or at a line break followed by something that cannot continue a sentence (anything but a
lowercase word), so a heading line stands on its own while a wrapped line joins the next. "St. Jude",
"P.O. Box", "Dr. Smith", "No. 5" and initials ("J. Smith") do not end a sentence. Boundaries are found once
per text; lookups bisect.
"""

from __future__ import annotations

import bisect
import re

_BOUNDARY = re.compile(
    r"(?<!\b[A-Z])(?<!\b(?:St|Dr|Mr|Ms|No|Jr|Sr|vs))(?<!\bMrs)[.!?][\"”’')\]]*(?=\s+[A-Z0-9\"“(\[]|\s*$)"
    r"|\n[ \t]*\n|\n(?=[ \t]*[^a-z\s])"
)
# A "sentence" never reaches further than this either side of a match (a letter without full stops).
MAX_REACH = 600


class SentenceIndex:
    """The sentence boundaries of one text, computed once; lookups are a binary search."""

    def __init__(self, text: str) -> None:
        self._text = text
        starts = [_skip_space(text, 0)]
        for match in _BOUNDARY.finditer(text):
            start = _skip_space(text, match.end())
            if starts[-1] < start < len(text):
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

    def around(self, start: int, end: int) -> tuple[int, int]:
        """(start, end) of the sentence or sentences holding ``text[start:end]``, at most MAX_REACH beyond it."""
        first, _ = self.bounds(start)
        _, last = self.bounds(max(start, end - 1))
        first = max(first, start - MAX_REACH)
        last = min(last, end + MAX_REACH)
        while first < start and self._text[first].isspace():
            first += 1
        while last > end and self._text[last - 1].isspace():
            last -= 1
        return first, last

    def start_of(self, pos: int) -> int:
        return self.bounds(pos)[0]

    def text_of(self, pos: int) -> str:
        start, end = self.bounds(pos)
        return self._text[start:end]


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos
