from __future__ import annotations

import pytest

from graph.redaction.recognizers.listed_names import FULL_NAME_SCORE, SINGLE_NAME_SCORE, ListedNamesRecognizer
from tests.graph.redaction.recognizers.helpers import found

FULL, SINGLE = FULL_NAME_SCORE, SINGLE_NAME_SCORE


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pt Desmond Okafor 45M", [("Desmond Okafor", FULL)]),
        ("founders: Kónya, Becker and Vasquez.", [("Becker", SINGLE), ("Vasquez", SINGLE)]),
        ("Spoke with Dana at CVS", [("Dana", SINGLE)]),
        ("Maria E. Lopez called", [("Maria E. Lopez", FULL)]),
        ("Have you been to a Maria Lopez concert", [("Maria Lopez", FULL)]),  # "a" is no initial
        ("Zoe Young employs", [("Zoe Young", FULL)]),  # an ambiguous word beside a name
        ("Mark Johnson said", [("Mark Johnson", FULL)]),
        ("by Szabina J Gelencsér go figure", [("Szabina J Gelencsér", FULL)]),  # the Given M Surname shape
        ("Name:    Iva D. Grusová\n", [("Iva D. Grusová", FULL)]),
        ("eva kleist lives at 255 hersnapvej 18", [("eva kleist", SINGLE)]),  # a line in lower case
        ("pt with his daughter jennifer for copd", [("jennifer", SINGLE)]),
        ("verses from eric g. samoylova's cautionary tales", [("eric g. samoylova", SINGLE)]),  # an initial between
        ("Name: ESTEBAN   Sex: M", [("ESTEBAN", SINGLE)]),  # a form's column gap ends the name
    ],
)
def test_listed_names(text: str, expected: list[tuple[str, float]]) -> None:
    assert found(ListedNamesRecognizer(), text) == expected


@pytest.mark.unit
@pytest.mark.parametrize(
    "text",
    [
        "Mark said the box",  # an everyday word alone
        "1200 Washington Street",
        "Jackson, MS 39201",
        "Fort Collins",
        "the Johnson Medical Center",
        "history of Graves disease",
        "Charlotte, NC",
        "Vitamin D Deficiency",
        "Medicare Part D Plan",
        "more tim\ne",  # a lower-case fragment too short to stand alone
        "patient has graves disease",
    ],
)
def test_not_names(text: str) -> None:
    assert found(ListedNamesRecognizer(), text) == []
