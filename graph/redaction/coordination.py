"""A name's neighbours in a list are names too: "founders: Kónya, Becker and Vasquez", "children Ana, Ben and
Carl", "Gladys and Logan".

When a found name stands in a list (words joined by ", ", " and ", " or ", " & "), each capitalised word or
name-shaped pair next to it in that list is a name as well, unless it is an everyday, clinical, insurer or
organisation word or reads as an eponym or a firm (person_rules.is_name_at). The list is walked outwards
from every found name, so one name the recognizers knew brings in the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from graph.redaction.entities import PERSON, PhiSpan
from graph.redaction.name_words import name_bounds
from graph.redaction.person_rules import is_name_at

LISTED_SCORE = 0.55
MAX_LIST_ITEMS = 12
# One or two capitalised words ("Becker", "Ana Ruiz", "GARCIA-LOPEZ", "O'Neil"), each whole: never the end of a
# hyphenated word, and an apostrophe only before a capital ("I'm" is no name). (?=[^\W\d_a-z]) asks for a letter
# that is not a-z.
_CAPITAL = r"(?=[^\W\d_a-z])"
_WORD = rf"(?<![\w'’\-]){_CAPITAL}[^\W\d_]+(?:-[^\W\d_]+|['’]{_CAPITAL}[^\W\d_]+)*"
_ITEM = rf"{_WORD}(?:[^\S\n]+{_WORD})?"
_JOIN = r"(?:,[^\S\n]*(?:and[^\S\n]+|or[^\S\n]+|&[^\S\n]+)?|[^\S\n]+(?:and|or|&)[^\S\n]+)"
_NEXT = re.compile(rf"{_JOIN}(?P<item>{_ITEM})")
_PREVIOUS = re.compile(rf"(?P<item>{_ITEM}){_JOIN}$")


def _is_listed_name(text: str, start: int, end: int) -> bool:
    item = text[start:end]
    if not all(word[0].isupper() for word in item.split()) or name_bounds(item) != (0, len(item)):
        return False  # "UM Coordinator", "But Secretly Love"
    return is_name_at(text, start, end)


def list_neighbours(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The list items right before and right after the words at start:end, on their line ("Kónya, Becker")."""
    found = []
    following = _NEXT.match(text, end)
    if following is not None:
        found.append((following.start("item"), following.end("item")))
    line_start = text.rfind("\n", 0, start) + 1
    previous = _PREVIOUS.search(text, max(line_start, start - 60), start)
    if previous is not None:
        found.append((previous.start("item"), previous.end("item")))
    return found


def _walk(text: str, span: PhiSpan, taken: set[tuple[int, int]]) -> list[PhiSpan]:
    found: list[PhiSpan] = []
    end = span.end
    for _ in range(MAX_LIST_ITEMS):
        match = _NEXT.match(text, end)
        if match is None or not _is_listed_name(text, match.start("item"), match.end("item")):
            break
        end = match.end("item")
        found.append(PhiSpan(PERSON, match.start("item"), end, LISTED_SCORE))
    start = span.start
    for _ in range(MAX_LIST_ITEMS):
        line_start = text.rfind("\n", 0, start) + 1
        match = _PREVIOUS.search(text, max(line_start, start - 60), start)
        if match is None or not _is_listed_name(text, match.start("item"), match.end("item")):
            break
        start = match.start("item")
        found.append(PhiSpan(PERSON, start, match.end("item"), LISTED_SCORE))
    return [s for s in found if (s.start, s.end) not in taken]


def listed_with_names(text: str, spans: Iterable[PhiSpan]) -> list[PhiSpan]:
    """New PERSON spans for the list neighbours of found names (the caller resolves overlaps)."""
    people = [s for s in spans if s.entity_type == PERSON]
    taken = {(s.start, s.end) for s in people}
    found: list[PhiSpan] = []
    for span in people:
        found += _walk(text, span, taken)
    return found
