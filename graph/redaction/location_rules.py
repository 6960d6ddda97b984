"""spaCy's places (GPE, LOC and FAC, reported as LOCATION): which are PHI, and as what.

Under HIPAA Safe Harbor every geographic subdivision smaller than a state is an identifier, so a city, town,
county or neighbourhood named anywhere ("lives in Framingham", "discharged home to Quincy") is redacted as
ADDRESS. Kept, each for a reason:
- US states, countries and large regions (places.py): not smaller than a state, and the appeal may need
  them (state law, "treated in Mexico").
- A place inside an organisation's name: "Health Plan of New York", "Boston Medical Center", "Inland Empire
  Health Plan", and a facility's short name where the text also gives it in full ("St. Jude" beside
  "St. Jude Children's Research Hospital"). Hospitals and plans are not the member's address.
- Place words that carry a facility, insurer, drug or clinical word ("Lakeview Medical Center"), and
  eponyms ("Lyme disease", "Glasgow Coma Scale").
- Everyday words and fragments ("Personalize", "P.S."), and a saint's name in the possessive ("St. Jude's"):
  a hospital, church or school.
A "place" holding a known given name or surname and no street word ("Nathan", "Ifeanyi Okafor") is reported
as PERSON: spaCy's small model tags unfamiliar names as places, and a city that is also a surname
("Jackson") is redacted either way. So is one listed beside such a name ("founders: Kónya, Becker and
Vasquez"): a list holds one kind of thing, and a town named among people is rarer than a name the model
does not know; a list after "in", "at", "from" or "near" is of places ("lives in Quincy and Marshall").
The insurer's own mailing address is kept by policy's department-line rule, which these spans go through
like any other address.
"""

from __future__ import annotations

import re

from graph.redaction.clinical_context import named_as_a_drug
from graph.redaction.common_words import PLACE_TYPE_WORDS
from graph.redaction.coordination import MAX_LIST_ITEMS, list_neighbours
from graph.redaction.entities import ADDRESS, PERSON, PhiSpan
from graph.redaction.name_words import (
    CLINICAL_WORDS,
    INSURER_WORDS,
    ORGANISATION_WORDS,
    is_everyday_word,
    is_known_name,
)
from graph.redaction.person_names import AMBIGUOUS_NAMES
from graph.redaction.person_rules import is_eponym_or_organisation, named_as_organisation
from graph.redaction.places import is_larger_than_a_state

# Organisation words that also name places: "Hampden County", "Salt Lake City" are places, not firms.
SUBDIVISION_WORDS = frozenset({"county", "state", "regional", "national", "american", "united", "general", "city"})
FACILITY_WORDS = ORGANISATION_WORDS - SUBDIVISION_WORDS
MIN_LETTERS = 3
_LINE_PART = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\s,]+")
_ORGANISATION_OF = re.compile(r"([A-Za-z][\w'’\-]*)\s+(?:of|for)\s+(?:the\s+)?$")
_POSSESSIVE = re.compile(r"['’]s?$")
# "St. Jude's", "Saint Mary's": a saint's name in the possessive is a hospital, church or school, not a city.
_SAINTS_INSTITUTION = re.compile(r"(?:St\.?|Saint)\s+[A-Z][\w\-]*['’]s$")
_PLACE_PREPOSITION = re.compile(r"\b(?:in|at|from|to|near|between|around|via|through)\s+$", re.IGNORECASE)


def _bare(word: str) -> str:
    return _POSSESSIVE.sub("", word.strip('.,;:()"')).casefold()


def _inside_organisation_name(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    before = _ORGANISATION_OF.search(text, line_start, start)
    if before is not None and before.group(1).casefold() in FACILITY_WORDS | INSURER_WORDS:
        return True
    return named_as_organisation(text, text[start:end])


def _not_a_place(words: list[str]) -> bool:
    bare = [_bare(w) for w in words]
    letters = sum(ch.isalpha() for w in bare for ch in w)
    if letters < MIN_LETTERS:
        return True
    if any(w in FACILITY_WORDS or w in INSURER_WORDS or w in CLINICAL_WORDS for w in bare):
        return True
    return all(is_everyday_word(w) for w in bare)


def _unambiguous_name(word: str) -> bool:
    return is_known_name(word) and word.casefold() not in AMBIGUOUS_NAMES


def _listed_with_a_name(text: str, start: int, end: int) -> bool:
    """Beside a known name in a list that does not follow a place's preposition ("Quincy and Marshall" after
    "lives in" are towns)."""
    neighbours = list_neighbours(text, start, end)
    if not any(_unambiguous_name(text[s:e]) for s, e in neighbours):
        return False
    head = start
    for _ in range(MAX_LIST_ITEMS):
        before = [s for s, _ in list_neighbours(text, head, head) if s < head]
        if not before:
            break
        head = before[0]
    return _PLACE_PREPOSITION.search(text, max(0, head - 12), head) is None


def location_span(text: str, start: int, end: int, score: float) -> PhiSpan | None:
    """What one line's part of a spaCy place is: an ADDRESS, a PERSON, or nothing to redact."""
    value = text[start:end]
    trimmed = _POSSESSIVE.sub("", value.rstrip(".,;: "))
    end = start + len(trimmed.rstrip())
    words = _WORD.findall(text[start:end])
    if not words or is_larger_than_a_state(text[start:end]) or _not_a_place(words):
        return None
    if _inside_organisation_name(text, start, end) or _SAINTS_INSTITUTION.match(value):
        return None
    if is_eponym_or_organisation(text, end) or named_as_a_drug(text, text[start:end]):
        return None  # "Lyme disease", "Janus kinase", "Humira, Cimzia, Enbrel"
    bare = [_bare(w) for w in words]
    place_words = any(w in PLACE_TYPE_WORDS for w in bare)  # "Franklin Avenue" is a street
    if not place_words and (any(_unambiguous_name(w) for w in bare) or _listed_with_a_name(text, start, end)):
        return PhiSpan(PERSON, start, end, score)
    return PhiSpan(ADDRESS, start, end, score)


def location_spans(text: str, start: int, end: int, score: float) -> list[PhiSpan]:
    """location_span for each line of a place finding (spaCy sometimes runs one across a line break)."""
    found = []
    for line in _LINE_PART.finditer(text, start, end):
        offset = line.start() + len(line.group()) - len(line.group().lstrip())
        if offset < line.end():
            span = location_span(text, offset, line.end(), score)
            if span is not None:
                found.append(span)
    return found
