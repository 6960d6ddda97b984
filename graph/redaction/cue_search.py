"""Finding a cue-led pattern's matches by looking only where one of its cue words stands.

Most of our recognizers' patterns begin with a cue: a label, a salutation, a title ("Member ID", "Dear",
"daughter"). Python's regex engine cannot skip ahead to a case-insensitive alternation, so `finditer` tries
the whole pattern at every character of the letter, and on a two-page letter each such pattern cost about half
a millisecond whether or not its cue occurs. Here the literal words every match must begin with (its heads)
are read off the pattern itself once (`heads`), found with `str.find` in a lower-cased copy of the text, and
the pattern is tried only there. A pattern whose heads cannot be listed (it may begin with a character class,
a line start followed by spaces, an optional run of spaces) is searched the ordinary way, so the answer never
depends on how a pattern is written: `cue_finditer` yields exactly what `finditer` does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from re import _constants as sre  # type: ignore[attr-defined]  # the parser's opcodes (CPython 3.11+)
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from graph.redaction.occurrences import starts

# A-Z, and the four other letters a case-insensitive pattern's ASCII letter matches: dotted capital I and
# dotless i (i), long s (s), the Kelvin sign (k). Each maps to one character, so offsets do not move.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ\u0130\u0131\u017f\u212a", "abcdefghijklmnopqrstuvwxyziisk")
_ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}
# A head must be this long to be worth finding; a shorter one (a single letter) would be tried everywhere.
MIN_HEAD_CHARS = 2


@lru_cache(maxsize=4)
def lowered(text: str) -> str:
    """`text` lower-cased letter for letter, so offsets stay those of `text`, with the letters in _ASCII_LOWER
    mapped to ASCII. The recognizers of one analysis share it (the cache keeps the last few texts)."""
    fast = text.lower()  # C speed; it leaves long s and dotless i as they are, and may change the length
    if len(fast) == len(text) and "\u017f" not in fast and "\u0131" not in fast:
        return fast
    # Letter by letter: a letter whose lower case is longer ("İ") stays as it is, then _ASCII_LOWER applies.
    return "".join(low if len(low := letter.lower()) == 1 else letter for letter in text).translate(_ASCII_LOWER)


@lru_cache(maxsize=512)
def heads(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case ASCII words one of which begins every match of `pattern`, or None when they cannot be
    listed (or some are too short to be worth it)."""
    found = _heads(_items(sre_parse.parse(pattern.pattern, pattern.flags)))
    if not found or any(len(head) < MIN_HEAD_CHARS for head in found):
        return None
    return frozenset(found)


def _heads(items: Sequence[tuple[Any, Any]]) -> set[str] | None:
    """The literal beginnings of a parsed sequence (lower case), or None when they cannot be listed.

    Literals are gathered until the first item that is not one; a group or alternation there adds each of its
    own beginnings (the parser pulls a shared first letter out of "dob|do.b", leaving "d" then a branch)."""
    prefix = ""
    for index, (op, argument) in enumerate(items):
        if op in _ZERO_WIDTH:
            continue
        if op is sre.LITERAL and chr(argument).isascii():
            prefix += chr(argument).lower()
            continue
        inner = _item_heads(op, argument, items[index + 1 :], prefix == "")
        if inner is None:
            break
        return {prefix + head for head in inner}
    return {prefix} if prefix else None


def _item_heads(op: Any, argument: Any, rest: Sequence[tuple[Any, Any]], at_start: bool) -> set[str] | None:
    if op is sre.BRANCH:
        return _union(_heads(list(alternative)) for alternative in argument[1])
    if op is sre.SUBPATTERN:
        return _heads(_items(argument[3]))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, _high, body = argument
        if low >= 1:
            return _heads(_items(body))
        if at_start:  # optional at the start: the match begins with it, or with what follows it
            return _union([_heads(_items(body)), _heads(rest)])
    return None


def _items(body: Any) -> list[tuple[Any, Any]]:
    return list(body.data if hasattr(body, "data") else body)


def _union(parts: Any) -> set[str] | None:
    merged: set[str] = set()
    for part in parts:
        if part is None:
            return None
        merged |= part
    return merged


def cue_finditer(
    pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """The matches `pattern.finditer(text, pos, endpos)` yields, in order, tried only where one of the pattern's
    heads stands."""
    end = len(text) if endpos is None else min(endpos, len(text))
    words = heads(pattern)
    if words is None:
        yield from pattern.finditer(text, pos, end)
        return
    lower = lowered(text)
    searched_to = pos
    for start in sorted({at for word in words for at in starts(lower, word, pos, end)}):
        if start < searched_to:
            continue
        match = pattern.match(text, start, end)
        if match is not None:
            yield match
            searched_to = max(match.end(), start + 1)
