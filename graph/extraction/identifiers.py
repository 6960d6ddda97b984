"""The claim number and the insurer's reference number for the request, read from labelled fields only.

``claim_id``: "Claim #:", "Claim No.", "Claim Number", "Claim ID", "Claim:".
``reference_id``: "Reference #", "Ref. No.", "Case number", "Authorization #", "Auth #", "Request ID",
"Tracking number", "Appeal/Grievance number". A line "Service: 172598614" (a bare request number, as
utilization management vendors print it) is a reference id too, with low confidence.
The value is the id alone: one token of letters, digits and dashes, 5 to 40 characters, holding a digit, and
not a date or a phone number. An empty field ("Claim #: / Date of Service:") or a redaction mark gives
nothing.
"""

from __future__ import annotations

import re

from graph.extraction.dates import DATE_PATTERN
from graph.extraction.letter import Finding, Letter, SectionKind
from graph.extraction.placeholders import is_placeholder, placeholder_spans

_VALUE = r"(?P<value>[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){4,39})(?![\w/@]|[.,]\w|-\w|:\S)"
_NUMBERED = r"(?:#|no\.?|nbr\.?|number|num\.?|id(?:entifier)?(?:[ \t]+(?:#|no\.?|number))?)(?:[ \t]+(?:is|was))?"
_CLAIM = re.compile(
    rf"(?i)\bclaim[ \t]*(?:{_NUMBERED}[ \t]*[:#.-]?|:)[ \t]*(?:#[ \t]*)?{_VALUE}",
)
_REFERENCE = re.compile(
    r"(?i)\b(?:reference|ref\.?|case|(?:prior[ \t]+|pre-?)?authori[sz]ation|auth\.?|"
    r"request|tracking|appeal|grievance|review|certification|confirmation)"
    rf"[ \t]*(?:{_NUMBERED}[ \t]*[:#.-]?|:)[ \t]*(?:#[ \t]*)?{_VALUE}",
)
_SERVICE_REQUEST = re.compile(r"(?m)^[ \t]*Service[ \t]*:[ \t]*(?P<value>\d{6,15})[ \t]*$")
_PHONE_LIKE = re.compile(r"^(?:1-)?\d{3}-\d{3}-\d{4}$")


def find_identifiers(letter: Letter) -> list[Finding]:
    blanks = placeholder_spans(letter.text)
    findings: list[Finding] = []
    for field, pattern, labelled, colon_only in (
        ("claim_id", _CLAIM, 0.9, 0.85),
        ("reference_id", _REFERENCE, 0.9, 0.8),
        ("reference_id", _SERVICE_REQUEST, 0.6, 0.6),
    ):
        for match in pattern.finditer(letter.text):
            value = match["value"]
            if not _looks_like_id(value) or letter.section_at(match.start()) is SectionKind.instructions:
                continue
            if any(start < match.end() and match.start() < end for start, end in blanks):
                continue
            label = letter.text[match.start() : match.start("value")]
            confidence = colon_only if re.fullmatch(r"(?i)\w+[ \t]*:[ \t]*", label) else labelled
            findings.append(Finding(field, value, (letter.match_span(match),), confidence))
    return findings


def _looks_like_id(value: str) -> bool:
    if len(value) < 5 or not any(ch.isdigit() for ch in value) or is_placeholder(value):
        return False
    date = DATE_PATTERN.fullmatch(value)
    return date is None and _PHONE_LIKE.match(value) is None
