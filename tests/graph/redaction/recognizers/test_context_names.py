from __future__ import annotations

import pytest

from graph.redaction.recognizers.context_names import SCORE, ContextNamesRecognizer
from tests.graph.redaction.recognizers.helpers import found


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tomomi is from Xignite", ["Tomomi"]),
        ("He works nights. Quionia Batt comes from Areavibes Inc", ["Quionia Batt"]),
        ('Enrico shouted at Gary: "What are you doing here?"', ["Enrico", "Gary"]),
        ("I'm so jealous! said Gladys to Logan", ["Gladys", "Logan"]),
        ("whispered to Oksana before the visit", ["Oksana"]),
        ("between him and Franciska's kid; and everybody", ["Franciska"]),
        ("her sister is Asya's younger daughter", ["Asya"]),
        ("the verses from Emmie Ström's Cautionary Tales. Is", ["Emmie Ström"]),
        ("Warrane, can I please speak to your boss?", ["Warrane"]),
        (">Leif, please call me back", ["Leif"]),
        ("Willemine ten Pas will be talking", ["Willemine ten Pas"]),
        ("signed by Pieter van der Berg today", ["Pieter van der Berg"]),
    ],
)
def test_names_the_sentence_marks_as_people(text: str, expected: list[str]) -> None:
    assert found(ContextNamesRecognizer(), text) == [(name, SCORE) for name in expected]


@pytest.mark.unit
@pytest.mark.parametrize(
    "text",
    [
        "This is from the plan",
        "Coverage is from January",
        "Pt is from Haiti",  # shorthand, not a name
        "Medicare said no",  # an insurer
        "The Patient said",
        "Then Ana said",  # not opening the sentence: spaCy's to judge
        "The request came from Dr. Ruiz",
        "the clubs of Boston's north end",
        "Boston's Children's Hospital",  # a relative word in capitals is an organisation's name
        "Patient's daughter called",
        "Member's son Kevin",
        "Yes, can I",
        "We reviewed it, can you send",  # not one word opening the line
        "Chiclana de la Frontera",  # a Romance particle joins place names too
        "the top ten Tips",
    ],
)
def test_no_person_in_the_sentence(text: str) -> None:
    assert found(ContextNamesRecognizer(), text) == []


@pytest.mark.unit
@pytest.mark.parametrize(
    "text", ["Finally, please send", "Honey, can you", "Honestly, can I ask", "Everybody said so."]
)
def test_words_that_stand_where_a_name_would(text: str) -> None:
    assert found(ContextNamesRecognizer(), text) == []
