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


def _pattern(values: Iterable[str], ignore_case: bool) -> re.Pattern[str] | None:
    unique = sorted({v for v in values if v}, key=len, reverse=True)
    if not unique:
        return None
    body = "|".join(r"\s+".join(re.escape(piece) for piece in v.split()) for v in unique)
    return re.compile(rf"(?<![A-Za-z0-9])(?:{body})(?![A-Za-z0-9])", re.IGNORECASE if ignore_case else 0)


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
    patterns = [(entity_type, _pattern(values, ignore_case=True)) for entity_type, values in exact.items()]
    patterns.append((PERSON, _pattern(name_parts, ignore_case=False)))
    return [
        PhiSpan(entity_type, match.start(), match.end(), PROPAGATED_SCORE)
        for entity_type, pattern in patterns
        if pattern is not None
        for match in pattern.finditer(text)
        if entity_type != PERSON or not is_eponym_or_organisation(text, match.end())
    ]
