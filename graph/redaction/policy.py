"""From presidio's raw results to Overturn's PHI spans: which findings count, under which type.

Decisions, each for a reason:
- spaCy PERSON counts when person_rules says the words are a name: one capitalised word is enough ("Maria
  said", "Dr. Ruiz"), unless it is an everyday, insurer, drug, condition or organisation word, or the words
  after it make it an eponym or a facility ("Graves disease", "Mayo Clinic"). Titles are left out of the span.
- spaCy LOCATION (GPE, LOC, FAC) is an ADDRESS when it is a place smaller than a state (location_rules):
  HIPAA Safe Harbor counts a city or county named alone as an identifier. States, countries and places
  inside an organisation's name are kept. A city right after an address on its line joins the address
  span ("1234 Elm Street, Springfield"); a state or country after it does not ("Guadalajara, Mexico").
- Toll-free numbers (800, 833, 844, 855, 866, 877, 888) are kept: they are the insurer's or an agency's
  lines, the appeal may need them, and no member or clinician is reached at one.
- An insurer's own address is kept: an address block (street line and the city line under it) that follows a
  department line or cue ("Appeals and Grievances", "Attn:", "Coverage Determinations,") is where the appeal
  must be sent, and it is an organisation's address, not the member's or a clinician's. A place spaCy finds
  inside such a block is kept with it.
- A URL is PHI only when its path or query carries an identifier (six or more digits in one part):
  "https://members.plan.com/claims/E3337991258" goes, "www.plan.com/appeals" stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from presidio_analyzer import RecognizerResult

from graph.redaction.entities import ADDRESS, ENTITY_TYPES, PERSON, PHONE_NUMBER, URL, US_SSN, PhiSpan
from graph.redaction.location_rules import location_spans
from graph.redaction.person_rules import person_spans
from graph.redaction.phone_words import foreign_phone_stands
from graph.redaction.phone_words import is_toll_free as is_toll_free  # tests and callers read it here
from graph.redaction.places import is_larger_than_a_state

MIN_SCORE = 0.4
SPACY_RECOGNIZER = "SpacyRecognizer"
# Name finders that guess from the model or the word lists, not from a label or a cue.
GUESSING_NAME_RECOGNIZERS = frozenset({"ListedNamesRecognizer", "OrgTaggedNamesRecognizer"})
LOCATION = "LOCATION"
_PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
_ADDRESS_JOIN = re.compile(r",?[^\S\n]{1,2}")
MIN_URL_ID_DIGITS = 6
_URL_PART = re.compile(r"[/?&=;]")
# presidio's phonenumbers-based recognizer: its findings count as phone_words.py says.
PRESIDIO_PHONE_RECOGNIZER = "PhoneRecognizer"
# presidio's SSN recognizer takes any 3-2-4 number; after a code word it is a rule's number ("WAC 284-43-3170").
PRESIDIO_SSN_RECOGNIZER = "UsSsnRecognizer"
CITATION_CHARS = 12
_CITATION_BEFORE = re.compile(r"(?:\b(?:WAC|RCW|CFR|ORS|U\.?S\.?C|sections?|sec|chapter|ch)\.?|§+)\s*$", re.IGNORECASE)
# How far before an address, on its own line, a department cue counts ("Coverage Determinations, P.O. Box").
DEPARTMENT_LEAD_IN_CHARS = 40
_DEPARTMENT_CUE = re.compile(
    r"\b(?:appeals?|grievances?|department|dept|unit|attn|attention|coordinator|determinations?|"
    r"correspondence|mailroom|claims|drop\s+off|in\s+person|hand\s+deliver)\b",
    re.IGNORECASE,
)


def url_identifies(url: str) -> bool:
    """True when one part of the URL's path or query (not its #fragment, not %-escapes) holds
    MIN_URL_ID_DIGITS digits or more ("/claims/E3337991258", "?id=A845-63-6624"), or an email address."""
    without_scheme = re.sub(r"^[a-z][a-z0-9+.\-]*://", "", url, flags=re.IGNORECASE)
    parts = re.split(r"[/?]", without_scheme, maxsplit=1)
    rest = _PERCENT_ESCAPE.sub(" ", parts[1].partition("#")[0]) if len(parts) > 1 else ""
    return "@" in rest or any(sum(ch.isdigit() for ch in part) >= MIN_URL_ID_DIGITS for part in _URL_PART.split(rest))


def addresses_extended(text: str, addresses: list[PhiSpan], locations: Iterable[tuple[int, int]]) -> list[PhiSpan]:
    """Address spans followed directly (", " on the same line) by a place name smaller than a state, widened to
    take it in ("12 Oak Court, Springfield"; not "Guadalajara, Mexico" nor "Springfield, Illinois")."""
    by_end = {span.end: span for span in addresses}
    extended: list[PhiSpan] = []
    for loc_start, loc_end in locations:
        if is_larger_than_a_state(text[loc_start:loc_end]):
            continue
        for end, span in by_end.items():
            if end <= loc_start and _ADDRESS_JOIN.fullmatch(text, end, loc_start):
                extended.append(PhiSpan(ADDRESS, span.start, loc_end, span.score))
    return extended


def organisation_addresses(text: str, addresses: list[PhiSpan]) -> set[PhiSpan]:
    """The address spans that belong to an insurer department's mailing address (see the module notes)."""
    found: set[PhiSpan] = set()
    previous: PhiSpan | None = None
    for span in sorted(addresses, key=lambda s: s.start):
        line_start = text.rfind("\n", 0, span.start) + 1
        same_line = text[max(line_start, span.start - DEPARTMENT_LEAD_IN_CHARS) : span.start]
        line_above = text[text.rfind("\n", 0, max(line_start - 1, 0)) + 1 : line_start]
        under_address = previous is not None and not text[previous.end : span.start].strip()
        if under_address:  # the city line under a street line shares its fate
            if previous in found:
                found.add(span)
        elif _DEPARTMENT_CUE.search(same_line) or (not same_line.strip() and _DEPARTMENT_CUE.search(line_above)):
            found.add(span)
        previous = span
    return found


def _counts(text: str, result: RecognizerResult, recognizer: object) -> bool:
    value = text[result.start : result.end]
    if result.entity_type == US_SSN and recognizer == PRESIDIO_SSN_RECOGNIZER:
        return _CITATION_BEFORE.search(text, max(0, result.start - CITATION_CHARS), result.start) is None
    if result.entity_type == PHONE_NUMBER:
        foreign = recognizer == PRESIDIO_PHONE_RECOGNIZER
        dropped = foreign and not foreign_phone_stands(text, result.start, result.end)
        return not (is_toll_free(value) or dropped)
    if result.entity_type == URL:
        return url_identifies(value)
    return result.entity_type in ENTITY_TYPES


def phi_spans(text: str, results: Iterable[RecognizerResult]) -> list[PhiSpan]:
    """Overturn's spans for presidio's results over `text`, before overlaps are resolved."""
    spans: list[PhiSpan] = []
    guessed_people: list[PhiSpan] = []
    locations: list[tuple[int, int]] = []
    for result in results:
        if result.score < MIN_SCORE or result.end <= result.start:
            continue
        recognizer = (result.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_NAME_KEY)
        score = round(min(result.score, 1.0), 3)
        if result.entity_type == LOCATION:
            locations.append((result.start, result.end))
            for span in location_spans(text, result.start, result.end, score):
                (guessed_people if span.entity_type == PERSON else spans).append(span)
        elif result.entity_type == PERSON and recognizer == SPACY_RECOGNIZER:
            guessed_people += person_spans(text, result.start, result.end, score)
        elif result.entity_type == PERSON and recognizer in GUESSING_NAME_RECOGNIZERS:
            guessed_people.append(PhiSpan(PERSON, result.start, result.end, score))
        elif _counts(text, result, recognizer):
            # a URL at the end of a sentence does not own the full stop after it
            value = text[result.start : result.end]
            end = result.start + len(value.rstrip(".,;:!?)'\"")) if result.entity_type == URL else result.end
            spans.append(PhiSpan(result.entity_type, result.start, end, score))
    addresses = [s for s in spans if s.entity_type == ADDRESS]
    addresses += addresses_extended(text, addresses, locations)
    kept = organisation_addresses(text, addresses)
    redacted = [a for a in addresses if a not in kept and not any(a.overlaps(k) for k in kept)]
    # a word taken for a name by the model or the word lists inside an address is the address's
    # ("Philadelphia, PA 19103", "501 Franklin Avenue")
    people = [s for s in guessed_people if not any(s.overlaps(a) for a in addresses)]
    return [s for s in spans if s.entity_type != ADDRESS] + people + redacted
