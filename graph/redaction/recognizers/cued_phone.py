"""Phone numbers in any national format, where the words say it is a phone: "Phone: 0490 75 40 81", "call me on
9472 7916", "pager 4-5678", "(37) 788-063-Office", "+41 (0)96 471 07 95".

The US-format recognizer (phone_fax) needs three-three-four digit groups, and presidio's phone recognizer drops
numbers python-phonenumbers cannot place. A number written after a phone word (within a few characters, on the
same or the next line), or right before one ("-Office", " fax", " mobile"), or starting with "+" and a country
code, is a phone number whatever its grouping, when it holds 7 to 15 digits (4 after "pager" or "beeper": a
hospital's internal pager numbers are short). Dates and times are never phones; toll-free numbers are dropped
later, by policy, as for every phone.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from graph.redaction.cue_search import cue_finditer
from graph.redaction.entities import PHONE_NUMBER
from graph.redaction.recognizers.own_recognizer import OwnRecognizer
from graph.redaction.recognizers.results import recognizer_result

MIN_DIGITS = 7
# A hospital pager or beeper number is often an internal one of four or five digits ("pager 38821").
MIN_PAGER_DIGITS = 4
_PAGER_WORD = re.compile(r"(?i:pager|beeper|pgr|bpr)\b")
MAX_DIGITS = 15
CUED_SCORE = 0.6
INTERNATIONAL_SCORE = 0.55
# Digit groups joined by spaces, dots, hyphens or brackets; no slashes (dates, blood pressure) or colons.
_GROUPS = r"(?:(?:[^\S\n]?[.\-–][^\S\n]?|[^\S\n])?\(?\d+\)?)*"
_NUMBER = rf"\+?\(?\d+\)?{_GROUPS}"
_PHONE_WORD = (
    r"phone|telephone|tel|ph|mobile|cell|cellphone|fax|pager|beeper|pgr|bpr|desk|landline|whatsapp|callback|"
    r"call\s*back|home|work|office|direct"
)
_BEFORE = re.compile(
    rf"(?<![\w])(?i:(?:{_PHONE_WORD})(?:\s+(?:no|number|#))?\.?\s*[:#]?|"
    r"(?:call|text|reach|ring|contact)(?:\s+(?:me|us|him|her|them))?\s+(?:at|on)|"
    r"(?:messages|texts)\s+to|answering\s+at|phone\s+number\s+(?:is|of))"
    rf"[^\S\n]*\n?[^\S\n]*(?P<number>{_NUMBER})"
)
# A phone word after the number ("(37) 788-063-Office"): found first, then the number just before it is read
# (trying the number pattern at every digit of a letter would cost more than all the other patterns).
_WORD_AFTER = re.compile(r"(?i:office|fax|mobile|cell|home|work)\b")
_NUMBER_BEFORE = re.compile(rf"(?<![\w+])(?P<number>{_NUMBER})[^\S\n]*[-–]?[^\S\n]*$")
LOOK_BACK_CHARS = 30
_INTERNATIONAL = re.compile(rf"(?<![\w+])(?P<number>\+\d{{1,3}}{_GROUPS})")
_DATE_OR_TIME = re.compile(r"\d{1,4}[./\-]\d{1,2}[./\-]\d{1,4}|\d{1,2}:\d{2}|(?:19|20)\d\d ?[\-–] ?(?:19|20)\d\d")


def _digits(value: str) -> int:
    return sum(ch.isdigit() for ch in value)


def _is_phone(value: str, least_digits: int = MIN_DIGITS) -> bool:
    return least_digits <= _digits(value) <= MAX_DIGITS and _DATE_OR_TIME.fullmatch(value.strip("()")) is None


class CuedPhoneRecognizer(OwnRecognizer):
    ENTITY = PHONE_NUMBER

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        found: dict[tuple[int, int], float] = {}
        numbers = [(m, CUED_SCORE) for m in cue_finditer(_BEFORE, text)]
        numbers += [(m, INTERNATIONAL_SCORE) for m in _INTERNATIONAL.finditer(text)]
        for word in cue_finditer(_WORD_AFTER, text):
            before = _NUMBER_BEFORE.search(text, max(0, word.start() - LOOK_BACK_CHARS), word.start())
            if before is not None:
                numbers.append((before, CUED_SCORE))
        for match, score in numbers:
            value = match.group("number").rstrip(" .-–")
            start = match.start("number")
            if value.startswith("(") and (")" not in value or (value.endswith(")") and value.count("(") == 1)):
                value, start = value[1:], start + 1  # "(617-555-0188)": brackets around the whole number
            if value.endswith(")") and value.count(")") > value.count("("):
                value = value[:-1]  # "(call 253-555-7890)"
            pager = score == CUED_SCORE and _PAGER_WORD.match(text, match.start()) is not None
            if _is_phone(value, MIN_PAGER_DIGITS if pager else MIN_DIGITS):
                key = (start, start + len(value))
                found[key] = max(score, found.get(key, 0.0))
        return [recognizer_result(self, PHONE_NUMBER, s, e, score) for (s, e), score in sorted(found.items())]
