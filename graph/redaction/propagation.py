"""A value found once with confidence is found everywhere: "Member: Ana Ruiz" makes "Dear Ana," and "ANA" PHI.

Letters repeat the member's name and ids in places no layout rule covers (a first name in prose, a claim
number inside a URL). Values found by a confident recognizer are searched for again across the whole text:
ids and full names exactly (ignoring case), name parts of three letters or more as written with a capital
("Ruiz", "RUIZ"), so that a name that is also a word ("Will", "Hope") is not taken from ordinary lower-case
prose. A full name of two or more words counts as confident from any recognizer ("Faina D. Yefremova" from
spaCy makes "early Yefremova" a name); a single word only from a confident one. A name part followed by an
eponym noun or an organisation word stays ("Graves disease", "Wilson Medical Center").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from graph.redaction.cue_search import lowered
from graph.redaction.entities import (
    AUTH_NUMBER,
    CLAIM_NUMBER,
    EMAIL_ADDRESS,
    GROUP_NUMBER,
    MEMBER_ID,
    MRN,
    NPI,
    PERSON,
    REFERENCE_NUMBER,
    US_SSN,
    PhiSpan,
)
from graph.redaction.name_words import ORGANISATION_WORDS, PLAIN_WORDS, is_everyday_word
from graph.redaction.occurrences import starts
from graph.redaction.person_rules import is_eponym_or_organisation

CONFIDENT_SCORE = 0.8
# A full name (two words or more) from any recognizer that passed the person rules.
FULL_NAME_SCORE = 0.5
PROPAGATED_SCORE = 0.75
MIN_NAME_PART = 3
MIN_ID_CHARS = 5
PROPAGATED_TYPES = frozenset(
    {
        PERSON,
        MEMBER_ID,
        GROUP_NUMBER,
        CLAIM_NUMBER,
        REFERENCE_NUMBER,
        AUTH_NUMBER,
        MRN,
        NPI,
        US_SSN,
        EMAIL_ADDRESS,
    }
)
_PARTICLES = frozenset({"van", "von", "der", "den", "del", "della", "bin", "ibn"})


# What may not touch a found value: an ASCII letter or digit (with ignore-case, also the letters that match
# one: dotless i, long s, dotted capital I, the Kelvin sign).
_ASCII_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
_ASCII_ALNUM_ANY_CASE = _ASCII_ALNUM | frozenset("\u0131\u017f\u0130\u212a")
_SPACES = re.compile(r"\s+")


def value_occurrences(text: str, values: Iterable[str], ignore_case: bool) -> list[tuple[int, int]]:
    """Where the values stand whole in `text`, as re.finditer would find the alternation of them, longest
    first, each value's words joined by any whitespace: `(?<![A-Za-z0-9])(?:v1|v2...)(?![A-Za-z0-9])`.
    str.find does the scanning: a pattern compiled per letter cost more than the search."""
    ordered = sorted({v for v in values if v}, key=len, reverse=True)
    haystack = lowered(text) if ignore_case else text
    touching = _ASCII_ALNUM_ANY_CASE if ignore_case else _ASCII_ALNUM
    best: dict[int, tuple[int, int]] = {}  # start -> (rank of the first value matching there, end)
    for rank, value in enumerate(ordered):
        pieces = (value.lower() if ignore_case else value).split()
        if not pieces:
            continue
        for at in starts(haystack, pieces[0]):
            end = _words_end(haystack, at, pieces)
            if end is not None and at not in best and _stands_alone(text, at, end, touching):
                best[at] = (rank, end)
    found: list[tuple[int, int]] = []
    searched_to = 0
    for start in sorted(best):
        if start >= searched_to:
            found.append((start, best[start][1]))
            searched_to = best[start][1]
    return found


def _words_end(haystack: str, start: int, pieces: list[str]) -> int | None:
    """The end of pieces[0] at `start` followed by the other pieces, each after a run of whitespace."""
    end = start + len(pieces[0])
    for piece in pieces[1:]:
        gap = _SPACES.match(haystack, end)
        if gap is None or not haystack.startswith(piece, gap.end()):
            return None
        end = gap.end() + len(piece)
    return end


def _stands_alone(text: str, start: int, end: int, touching: frozenset[str]) -> bool:
    return (start == 0 or text[start - 1] not in touching) and (end == len(text) or text[end] not in touching)


def _name_parts(name: str) -> set[str]:
    parts = set()
    for word in re.split(r"[\s,]+", name):
        bare = word.strip(".").removesuffix("'s").removesuffix("’s")
        folded = bare.casefold()
        excluded = folded in PLAIN_WORDS | ORGANISATION_WORDS | _PARTICLES or is_everyday_word(folded)
        if len(bare) >= MIN_NAME_PART and not excluded:
            parts |= {bare[0].upper() + bare[1:].lower(), bare.upper(), bare}
    return parts


def propagate(text: str, spans: Iterable[PhiSpan]) -> list[PhiSpan]:
    """New spans for further occurrences of confidently found values (the caller resolves overlaps)."""
    exact: dict[str, set[str]] = {}
    name_parts: set[str] = set()
    for span in spans:
        value = text[span.start : span.end]
        words = [w for w in value.split() if len(w.strip(".,")) >= 2]
        full_name = span.entity_type == PERSON and span.score >= FULL_NAME_SCORE and len(words) >= 2
        if (span.score < CONFIDENT_SCORE and not full_name) or span.entity_type not in PROPAGATED_TYPES:
            continue
        if span.entity_type == PERSON:
            name_parts |= _name_parts(value)
            exact.setdefault(PERSON, set()).add(value)
        elif sum(ch.isalnum() for ch in value) >= MIN_ID_CHARS:
            exact.setdefault(span.entity_type, set()).add(value)
    searches = [(kind, value_occurrences(text, values, ignore_case=True)) for kind, values in exact.items()]
    searches.append((PERSON, value_occurrences(text, name_parts, ignore_case=False)))
    return [
        PhiSpan(entity_type, start, end, PROPAGATED_SCORE)
        for entity_type, occurrences in searches
        for start, end in occurrences
        if entity_type != PERSON or not is_eponym_or_organisation(text, end)
    ]
