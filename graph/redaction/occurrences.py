r"""Where a word or run of words stands whole in a text: no word character touching it on either side.

The same as re.finditer(rf"(?<![\w]){re.escape(value)}(?![\w])", text), without compiling a pattern per
value: str.find does the scanning, which name and drug checks run for every candidate of every letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_WORD_CHAR = re.compile(r"\w")


def starts(text: str, piece: str, start: int = 0, end: int | None = None) -> list[int]:
    """Where `piece` begins in text[start:end], overlapping occurrences included (str.find: over a long letter
    far cheaper than a regular expression)."""
    stop = len(text) if end is None else end
    found: list[int] = []
    at = text.find(piece, start, stop) if piece else -1
    while at >= 0:
        found.append(at)
        at = text.find(piece, at + 1, stop)
    return found


def whole_occurrences(text: str, value: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-overlapping occurrence of `value` with no word character just outside it."""
    if not value:
        return
    at = text.find(value)
    while at >= 0:
        end = at + len(value)
        free_before = at == 0 or _WORD_CHAR.match(text, at - 1) is None
        free_after = end == len(text) or _WORD_CHAR.match(text, end) is None
        if free_before and free_after:
            yield at, end
            at = text.find(value, end)
        else:
            at = text.find(value, at + 1)
