from __future__ import annotations

import pytest

from graph.redaction.recognizers.dob import DobRecognizer
from tests.graph.redaction.recognizers.helpers import found

SCORE = DobRecognizer.SCORE


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DOB: 10/4/51", [("10/4/51", SCORE)]),
        ("Patient DOB:         03/01/1946", [("03/01/1946", SCORE)]),
        ("Date of Birth: October 31, 1983", [("October 31, 1983", SCORE)]),
        ("Birth date: Aug. 1, 1998", [("Aug. 1, 1998", SCORE)]),
        ("Birthdate 1938-09-25", [("1938-09-25", SCORE)]),
        ("She was born on 2/8/1935. Her", [("2/8/1935", SCORE)]),
        ("date of birth. It's 6/24/1991", [("6/24/1991", SCORE)]),
        ("D.O.B. 31 October 1983", [("31 October 1983", SCORE)]),
        ("DOB: 01-Jan-1950. Born", [("01-Jan-1950", SCORE)]),  # a chart's day-month-year
        ("DOB 12 Mar 51", [("12 Mar 51", SCORE)]),
        ("DOB: Jan-01-1950", [("Jan-01-1950", SCORE)]),
    ],
)
def test_dates_with_birth_context(text: str, expected: list[tuple[str, float]]) -> None:
    assert found(DobRecognizer(), text) == expected


@pytest.mark.unit
@pytest.mark.parametrize(
    "text",
    [
        "Date of service: 05/20/2025",  # service dates stay
        "June 3, 2025",  # the letter's own date stays
        "Date of decision: 2025-06-03",
        "born in 1980",  # a year alone is not PHI under Safe Harbor
    ],
)
def test_other_dates_stay(text: str) -> None:
    assert found(DobRecognizer(), text) == []
