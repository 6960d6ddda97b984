from __future__ import annotations

import pytest

from graph.redaction.recognizers.cued_names import (
    ACTION_SCORE,
    BY_SCORE,
    NAMING_SCORE,
    RELATIVE_SCORE,
    CuedNamesRecognizer,
)
from tests.graph.redaction.recognizers.helpers import found


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pt Desmond Okafor 45M seen by Dr. A. Patel",
            [("Desmond Okafor", RELATIVE_SCORE), ("A. Patel", ACTION_SCORE)],
        ),
        ("Wife Carmen is HCP", [("Carmen", RELATIVE_SCORE)]),
        ("Her husband Chidi drives her", [("Chidi", RELATIVE_SCORE)]),
        ("returns with her daughter-in-law Priti. She", [("Priti", RELATIVE_SCORE)]),
        ("Officer Bryce Tolliver accompanied.", [("Bryce Tolliver", RELATIVE_SCORE)]),
        ("Spoke with Dana at CVS", [("Dana", ACTION_SCORE)]),
        ("Hi Freddy, how are you", [("Freddy", ACTION_SCORE)]),
        ("a mandolin coda (not by Elínborg Guðmundsdóttir).", [("Elínborg Guðmundsdóttir", BY_SCORE)]),
        ("accompanied by his daughter jennifer for f/u", [("jennifer", RELATIVE_SCORE)]),  # lower case
        ("pcp is dr mehta.", [("mehta", RELATIVE_SCORE)]),
        ("This song by ex-Zombie Kastner is a perfect example", [("Kastner", BY_SCORE)]),  # a former role
        ("her maiden name is nyberg", [("nyberg", NAMING_SCORE)]),  # named outright, in lower case
        ("my name is ana ruiz and i", [("ana ruiz", NAMING_SCORE)]),
    ],
)
def test_names_after_cues(text: str, expected: list[tuple[str, float]]) -> None:
    assert found(CuedNamesRecognizer(), text) == expected


@pytest.mark.unit
@pytest.mark.parametrize(
    "text",
    [
        "son drove him home",  # lower case and not a listed name
        "Pt ambulates with a walker",
        "Patient Name: (blank)",
        "Patient Services can help",
        "Referred to Cardiology",
        "discussed with family",
        "covered by Medicare",
        "due by Friday",
        "Wife reports pain",
        "required by Washington law",
        "signed by ex-wife",
        "the file name is pending",
        "drug name is ozempic",
        "her name was not given",
    ],
)
def test_cues_followed_by_no_name(text: str) -> None:
    assert found(CuedNamesRecognizer(), text) == []
