"""The sentence around a match, tolerant of abbreviations: enough to judge the words near a fact.

Unlike a plain splitter, "St. Jude", "P.O. Box", "Dr. Smith" and "No. 5" do not end a sentence here, so a cue
a few words before such an abbreviation still counts. Boundaries are found once per text; lookups bisect.
"""

from __future__ import annotations

import bisect
import re

# A sentence ends at . ! ? (and closing quotes or brackets) before white space and a capital or digit, or at a
# blank line.
_END = re.compile(
    r"(?<!\b[A-Z])(?<!\b(?:St|Dr|Mr|Ms|No|Jr|Sr|vs))(?<!\bMrs)[.!?][\"”’)\]]*(?=\s+[A-Z0-9\"“(\[])|\n[ \t]*\n"
)
_MAX = 600  # a "sentence" never reaches further than this from the match


class SentenceWindows:
    def __init__(self, text: str) -> None:
        self._text = text
        found = list(_END.finditer(text))
        self._starts = [m.start() for m in found]
        self._ends = [m.end() for m in found]

    def around(self, start: int, end: int) -> tuple[int, int]:
        """Start and end of the sentence holding text[start:end], leading white space skipped."""
        i = bisect.bisect_right(self._ends, start) - 1
        sentence_start = max(self._ends[i] if i >= 0 else 0, start - _MAX)
        j = bisect.bisect_left(self._starts, end)
        sentence_end = min(self._ends[j] if j < len(self._ends) else len(self._text), end + _MAX)
        while sentence_start < start and self._text[sentence_start].isspace():
            sentence_start += 1
        return sentence_start, sentence_end
