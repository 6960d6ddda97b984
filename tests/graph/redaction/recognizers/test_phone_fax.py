from __future__ import annotations

import pytest

from graph.redaction.recognizers.phone_fax import SCORE, PhoneFaxRecognizer
from tests.graph.redaction.recognizers.helpers import found


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Call 1-800-877-7587 today", [("1-800-877-7587", SCORE)]),
        ("Phone: (216) 448-3021", [("(216) 448-3021", SCORE)]),
        ("Fax: 570.223.0993", [("570.223.0993", SCORE)]),
        ("PHONE: 806 852 5619", [("806 852 5619", SCORE)]),
        ("Fax: +1 219-416-4436", [("+1 219-416-4436", SCORE)]),
        ("call 1-833-742-0090 ext. 5268.", [("1-833-742-0090 ext. 5268", SCORE)]),
        ("(888) 555-0143", [("(888) 555-0143", SCORE)]),
    ],
)
def test_us_letter_formats(text: str, expected: list[tuple[str, float]]) -> None:
    assert found(PhoneFaxRecognizer(), text) == expected


@pytest.mark.unit
@pytest.mark.parametrize(
    "text",
    [
        "NPI 1916937380",  # ten bare digits: an id, not a phone
        "SSN 483-42-1814",
        "Member ID: 8027 1531 152",
        "Claim 2024-883-113082",
        "Group 687734-1524",
    ],
)
def test_numbers_that_are_not_phones(text: str) -> None:
    assert found(PhoneFaxRecognizer(), text) == []
