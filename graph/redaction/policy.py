"""From presidio's raw results to Overturn's PHI spans: which findings count, under which type.

Decisions, each for a reason:
- spaCy PERSON counts only as a name of two or more capitalised words with no insurer, drug or organisation
  word in it (name_words); spaCy tags single brand words ("Truvada", "Humana") PERSON. Titles are left out
  of the span. A single surname is still caught by the layout recognizer ("Dr. Ruiz", "Dear Ms. Ruiz,").
- spaCy LOCATION is never PHI by itself (it tags states and the insurer's city); it only extends an address
  span it directly follows ("1234 Elm Street, Springfield").
- Toll-free numbers (800, 833, 844, 855, 866, 877, 888) are kept: they are the insurer's or an agency's
  lines, the appeal may need them, and no member or clinician is reached at one.
- An insurer's own address is kept: an address block (street line and the city line under it) that follows a
  department line or cue ("Appeals and Grievances", "Attn:", "Coverage Determinations,") is where the appeal
  must be sent, and it is an organisation's address, not the member's or a clinician's.
- A URL is PHI only when its path or query carries an identifier (six or more digits in one part):
  "https://members.plan.com/claims/E3337991258" goes, "www.plan.com/appeals" stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from presidio_analyzer import RecognizerResult

from graph.redaction.entities import ADDRESS, ENTITY_TYPES, PERSON, PHONE_NUMBER, URL, PhiSpan
from graph.redaction.name_words import name_bounds

MIN_SCORE = 0.4
SPACY_RECOGNIZER = "SpacyRecognizer"
LOCATION = "LOCATION"
TOLL_FREE_PREFIXES = frozenset({"800", "833", "844", "855", "866", "877", "888"})
_TITLE = re.compile(r"^(?:(?:Dr|Mr|Mrs|Ms|Mx|Miss|Prof|Doctor)\b\.?\s*)+")
_LINE_PART = re.compile(r"[^\n]+")
_PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
_ADDRESS_JOIN = re.compile(r",?[^\S\n]{1,2}")
MIN_URL_ID_DIGITS = 6
_URL_PART = re.compile(r"[/?&=;]")
# presidio's phonenumbers-based recognizer finds foreign numbers too. Without a phone word just before it, a
# short one is as likely a form number ("OMB 0938-0829") as a phone, so it must be long to count.
PRESIDIO_PHONE_RECOGNIZER = "PhoneRecognizer"
PRESIDIO_PHONE_MIN_DIGITS_ALONE = 9
_PHONE_WORD_BEFORE = re.compile(
    r"\b(?:phone|telephone|tel|mobile|cell|fax|call|desk|office|contact|number)\b\W{0,5}$", re.IGNORECASE
)
PHONE_WORD_CHARS = 30
# How far before an address, on its own line, a department cue counts ("Coverage Determinations, P.O. Box").
DEPARTMENT_LEAD_IN_CHARS = 40
_DEPARTMENT_CUE = re.compile(
    r"\b(?:appeals?|grievances?|department|dept|unit|attn|attention|coordinator|determinations?|"
    r"correspondence|mailroom|claims)\b",
    re.IGNORECASE,
)


def is_toll_free(number: str) -> bool:
    digits = re.sub(r"\D", "", number)
    if len(digits) >= 11 and digits.startswith("1"):
        digits = digits[1:]
    return digits[:3] in TOLL_FREE_PREFIXES


def _foreign_phone_stands(text: str, start: int, end: int) -> bool:
    digits = sum(ch.isdigit() for ch in text[start:end])
    lead_in = text[max(0, start - PHONE_WORD_CHARS) : start]
    return digits >= PRESIDIO_PHONE_MIN_DIGITS_ALONE or _PHONE_WORD_BEFORE.search(lead_in) is not None


def url_identifies(url: str) -> bool:
    """True when one part of the URL's path or query (not its #fragment, not %-escapes) holds
    MIN_URL_ID_DIGITS digits or more ("/claims/E3337991258", "?id=A845-63-6624"), or an email address."""
    without_scheme = re.sub(r"^[a-z][a-z0-9+.\-]*://", "", url, flags=re.IGNORECASE)
    parts = re.split(r"[/?]", without_scheme, maxsplit=1)
    rest = _PERCENT_ESCAPE.sub(" ", parts[1].partition("#")[0]) if len(parts) > 1 else ""
    return "@" in rest or any(sum(ch.isdigit() for ch in part) >= MIN_URL_ID_DIGITS for part in _URL_PART.split(rest))


def spacy_person_spans(text: str, start: int, end: int, score: float) -> list[PhiSpan]:
    """The name parts of a spaCy PERSON entity, line by line, without titles; none if it is not a name."""
    spans: list[PhiSpan] = []
    for line in _LINE_PART.finditer(text, start, end):
        title = _TITLE.match(line.group())
        offset = line.start() + (title.end() if title else 0)
        candidate = text[offset : line.end()]
        bounds = name_bounds(candidate)
        if bounds is None:
            continue
        name = candidate[bounds[0] : bounds[1]]
        words = [w for w in re.split(r"[\s,]+", name) if len(w.strip(".")) >= 2]
        if len(words) >= 2 and all(w[0].isupper() and not any(c.isdigit() for c in w) for w in words):
            spans.append(PhiSpan(PERSON, offset + bounds[0], offset + bounds[1], score))
    return spans


def addresses_extended(text: str, addresses: list[PhiSpan], locations: Iterable[tuple[int, int]]) -> list[PhiSpan]:
    """Address spans followed directly (", " on the same line) by a place name, widened to take it in."""
    by_end = {span.end: span for span in addresses}
    extended: list[PhiSpan] = []
    for loc_start, loc_end in locations:
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
    if result.entity_type == PHONE_NUMBER:
        foreign = recognizer == PRESIDIO_PHONE_RECOGNIZER
        dropped = foreign and not _foreign_phone_stands(text, result.start, result.end)
        return not (is_toll_free(value) or dropped)
    if result.entity_type == URL:
        return url_identifies(value)
    return result.entity_type in ENTITY_TYPES


def phi_spans(text: str, results: Iterable[RecognizerResult]) -> list[PhiSpan]:
    """Overturn's spans for presidio's results over `text`, before overlaps are resolved."""
    spans: list[PhiSpan] = []
    locations: list[tuple[int, int]] = []
    for result in results:
        if result.score < MIN_SCORE or result.end <= result.start:
            continue
        recognizer = (result.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_NAME_KEY)
        if result.entity_type == LOCATION:
            locations.append((result.start, result.end))
        elif result.entity_type == PERSON and recognizer == SPACY_RECOGNIZER:
            spans += spacy_person_spans(text, result.start, result.end, round(result.score, 3))
        elif _counts(text, result, recognizer):
            # a URL at the end of a sentence does not own the full stop after it
            value = text[result.start : result.end]
            end = result.start + len(value.rstrip(".,;:!?)'\"")) if result.entity_type == URL else result.end
            spans.append(PhiSpan(result.entity_type, result.start, end, round(min(result.score, 1.0), 3)))
    addresses = [s for s in spans if s.entity_type == ADDRESS]
    addresses += addresses_extended(text, addresses, locations)
    kept_addresses = organisation_addresses(text, addresses)
    return [s for s in spans if s.entity_type != ADDRESS] + [a for a in addresses if a not in kept_addresses]
