"""Per-page text: cleaning what a PDF or the recognizer hands back, and joining pages into one letter."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

# Pages are joined by a blank line rather than a form feed: a form feed shows up oddly in browsers, JSON and
# terminals, and Document.page_starts already records where each page begins.
PAGE_SEPARATOR = "\n\n"

# Fewer printable non-space characters than this on a PDF page means the page has no usable text layer (a
# scan, perhaps with a stray page number); across a whole picture it means no text was found.
MIN_USABLE_CHARS = 20

_LINE_BREAKS = re.compile(r"\r\n|\r")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)
# Controls, lone surrogates, private-use and unassigned characters: marks a text layer carries, not text.
_DROPPED_CATEGORIES = frozenset({"Cc", "Cs", "Co", "Cn"})


def clean_page_text(raw: str) -> str:
    """Unix line ends, no trailing spaces, none of the dropped characters."""
    text = _LINE_BREAKS.sub("\n", raw)
    text = "".join(char for char in text if char in "\n\t" or not _dropped(char))
    return _TRAILING_SPACE.sub("", text).strip("\n")


def usable_char_count(text: str) -> int:
    return sum(1 for char in text if not char.isspace() and not _dropped(char))


def _dropped(char: str) -> bool:
    return unicodedata.category(char) in _DROPPED_CATEGORIES


def join_pages(page_texts: Sequence[str]) -> tuple[str, tuple[int, ...]]:
    """The letter's text and the offset where each page begins; an empty page still gets its own start."""
    starts: list[int] = []
    length = 0
    for index, page_text in enumerate(page_texts):
        if index:
            length += len(PAGE_SEPARATOR)
        starts.append(length)
        length += len(page_text)
    return PAGE_SEPARATOR.join(page_texts), tuple(starts)
