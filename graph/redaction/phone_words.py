"""When a number found by presidio's phone recognizer (python-phonenumbers, several regions) may count.

It finds foreign numbers too. Without a phone word just before it, a short one is as likely a form number
("OMB 0938-0829") as a phone, so it must then hold MIN_DIGITS_ALONE digits to count. policy.py applies the
rule to each finding; recognizers/digit_focused_phone.py uses it to skip digits that could never count.
"""

from __future__ import annotations

import re

MIN_DIGITS_ALONE = 9
# Toll-free numbers are kept: they are the insurer's or an agency's lines, and no member or clinician is
# reached at one.
TOLL_FREE_PREFIXES = frozenset({"800", "833", "844", "855", "866", "877", "888"})
PHONE_WORD_CHARS = 30
_PHONE_WORD_BEFORE = re.compile(
    r"\b(?:phone|telephone|tel|mobile|cell|fax|call|desk|office|contact|number)\b\W{0,5}$", re.IGNORECASE
)


def is_toll_free(number: str) -> bool:
    digits = re.sub(r"\D", "", number)
    if len(digits) >= 11 and digits.startswith("1"):
        digits = digits[1:]
    return digits[:3] in TOLL_FREE_PREFIXES


def phone_word_before(text: str, start: int) -> bool:
    """True when a phone word ends just before `start` ("Tel: ", "call ", "mobile - ")."""
    return _PHONE_WORD_BEFORE.search(text[max(0, start - PHONE_WORD_CHARS) : start]) is not None


def foreign_phone_stands(text: str, start: int, end: int) -> bool:
    """True when presidio's phone finding text[start:end] counts: long enough alone, or a phone word before."""
    digits = sum(ch.isdigit() for ch in text[start:end])
    return digits >= MIN_DIGITS_ALONE or phone_word_before(text, start)
