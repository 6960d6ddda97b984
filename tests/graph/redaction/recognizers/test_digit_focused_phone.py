"""presidio's phone recognizer, run only on the stretches where a phone number that counts can stand."""

from __future__ import annotations

from typing import Any, cast

import pytest
from presidio_analyzer.predefined_recognizers import PhoneRecognizer

from graph.redaction.engine import PHONE_REGIONS
from graph.redaction.phone_words import foreign_phone_stands, is_toll_free
from graph.redaction.recognizers.digit_focused_phone import DigitFocusedPhoneRecognizer, digit_stretches
from tests.graph.redaction.recognizers.helpers import found

pytestmark = pytest.mark.unit

TEXTS = [
    "Call me on +44 20 7946 0958 after six.",
    "Tel: 030 1234567 (Berlin office)",
    "Her mobile is +91 98765 43210, ext. 12.",
    "Service date 05/12/2023, claim 3337991258, ZIP 84130-0417.",
    "Member Services 1-800-930-2218 (TTY 711)",
    "OMB 0938-0829 and form CMS-10003",
    "Fax: +33 1 42 68 53 00\nPhone: +91 98765 43210",
    "no digits here at all",
]


def _counted(text: str, spans: list[tuple[str, float]]) -> list[str]:
    """The values policy.py would keep of presidio's phone findings."""
    values = []
    for value, _ in spans:
        start = text.index(value)
        if not is_toll_free(value) and foreign_phone_stands(text, start, start + len(value)):
            values.append(value)
    return values


@pytest.mark.parametrize("text", TEXTS)
def test_counts_what_presidio_counts_beyond_us_shaped_numbers(text: str) -> None:
    focused = found(DigitFocusedPhoneRecognizer(PHONE_REGIONS), text)
    whole = found(cast(Any, PhoneRecognizer(supported_regions=PHONE_REGIONS)), text)  # presidio's own, untyped
    assert _counted(text, focused) == _counted(text, whole)


@pytest.mark.parametrize(
    ("text", "stretched"),
    [
        ("Call me on +44 20 7946 0958 after six.", True),  # a phone word before
        ("claim 3337991258", True),  # nine digits or more
        ("Group 4498918", False),  # seven digits, no phone word
        ("Service date 05/12/2023", False),  # a slash date
        ("Member Services 1-800-930-2218", False),  # toll-free: policy keeps it
        ("ICD E11.65", False),
        ("Phone (216) 448-3021", False),  # US-shaped: phone_fax.py reads it whole
        ("Phone +1 216 448 3021 ext. 7", False),
        ("Salt Lake City, UT 84130-0417", False),  # a ZIP+4 code after its state code
        ("Fresno, CA, 93783-3082", False),
        ("Tel: 84130-0417", True),  # the same digits after a phone word
        ("ZIP 841300417 UT", True),  # no state code before it
        ("see https://plan.com/claims/03U12926751800 now", False),  # the URL rule reads a web address's digits
        ("plan.com/claims/0312926751800 Tel: 030 1234567", True),  # the phone after the address still counts
    ],
)
def test_which_digits_are_read(text: str, stretched: bool) -> None:
    assert bool(digit_stretches(text)) is stretched


def test_a_stretch_stays_on_its_line_and_keeps_some_context() -> None:
    text = "Name: Ana\nPhone: +44 20 7946 0958 ext. 12\nNext line"
    [stretch] = digit_stretches(text)
    assert text[stretch.start : stretch.end] == "Phone: +44 20 7946 0958 ext. 12"
    assert not stretch.cut_start and not stretch.cut_end


def test_offsets_index_the_whole_text() -> None:
    text = "x" * 500 + " Tel: +44 20 7946 0958"
    [(value, _)] = found(DigitFocusedPhoneRecognizer(PHONE_REGIONS), text)
    assert value == "+44 20 7946 0958"
