from __future__ import annotations

import pytest

from graph.redaction.recognizers.age_over_89 import SCORE, AgeOver89Recognizer
from tests.graph.redaction.recognizers.helpers import found

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("HPI: 93 yo F w/ hx of AF", ["93"]),
        ("Pt is 96 years old, frail.", ["96"]),
        ("a 94-year-old man from", ["94"]),
        ("Age: 101", ["101"]),
        ("aged 92, widowed", ["92"]),
        ("91F with sepsis", ["91"]),
        ("92 y.o. female", ["92"]),
        ("Her husband Ansel, 97, lives with her", ["97"]),
    ],
)
def test_ages_over_89(text: str, ages: list[str]) -> None:
    assert found(AgeOver89Recognizer(), text) == [(age, SCORE) for age in ages]


@pytest.mark.parametrize(
    "text",
    [
        "89 yo M",  # 89 and younger stay
        "45M seen by Dr. Ruiz",
        "metoprolol 95 mg daily",  # a dose
        "BP 95/60",
        "Room 95 F wing",
        "2.95 years of follow-up",
        "age 95.5 percentile",
        "born 1993 F",
        "Age: 130",  # no one is that old: a typo or a code
        "doses of 5, 95, 100 mg",  # commas, but no name before them
    ],
)
def test_not_an_age_over_89(text: str) -> None:
    assert found(AgeOver89Recognizer(), text) == []
