from __future__ import annotations

import pytest

from graph.redaction.recognizers.cued_phone import CUED_SCORE, INTERNATIONAL_SCORE, CuedPhoneRecognizer
from tests.graph.redaction.recognizers.helpers import found


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Phone:\n60-56-85-91\n\nE-mail:", [("60-56-85-91", CUED_SCORE)]),
        ("Phone: 0490 75 40 81", [("0490 75 40 81", CUED_SCORE)]),
        ("call me at 0494 92 82 32 I'd like", [("0494 92 82 32", CUED_SCORE)]),
        ("call me on 9472 7916? I have", [("9472 7916", CUED_SCORE)]),
        ("stop receiving messages to 699 956 915", [("699 956 915", CUED_SCORE)]),
        ("(37) 788-063-Office", [("(37) 788-063", CUED_SCORE)]),
        ("Desk: +41 (0)96 471 07 95", [("+41 (0)96 471 07 95", CUED_SCORE)]),
        ("reach her on +447700 921 916 today", [("+447700 921 916", CUED_SCORE)]),
        ("+46 (0)8 928 571 38", [("+46 (0)8 928 571 38", INTERNATIONAL_SCORE)]),
        ("pager (617-555-0188)", [("617-555-0188", CUED_SCORE)]),
        ("His PCP is Dr. Abernathy (pager 38821).", [("38821", CUED_SCORE)]),  # a hospital's short pager
        ("beeper #4471", [("4471", CUED_SCORE)]),
        ("pgr: 5512", [("5512", CUED_SCORE)]),
    ],
)
def test_phone_numbers_the_words_point_at(text: str, expected: list[tuple[str, float]]) -> None:
    assert found(CuedPhoneRecognizer(), text) == expected


@pytest.mark.unit
@pytest.mark.parametrize(
    "text",
    [
        "Home visit on 01/02/2023",  # a date
        "work 2019-2021 as a teacher",  # years
        "Phone: call 12:30",  # a time
        "MRN 00482913",  # no phone word
        "BP 142/88, HR 76",
        "Office 3 times a week",  # too few digits
        "call ext. 5512",  # an extension is short, but no pager's
        "pager 123",  # too few even for a pager
        "Office 4471",
    ],
)
def test_not_phone_numbers(text: str) -> None:
    assert found(CuedPhoneRecognizer(), text) == []
