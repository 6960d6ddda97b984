from __future__ import annotations

import pytest

from graph.redaction.recognizers.known_values import (
    FULL_VALUE_SCORE,
    NAME_PART_SCORE,
    KnownValue,
    KnownValuesRecognizer,
    name_parts,
)
from tests.graph.redaction.recognizers.helpers import found, found_types

MARIA = KnownValue("PERSON", "Maria Lopez")


@pytest.mark.unit
@pytest.mark.parametrize(
    ("known", "text", "expected"),
    [
        ([MARIA], "Dear Maria Lopez,", [("Maria Lopez", FULL_VALUE_SCORE)]),
        ([MARIA], "LOPEZ, MARIA", [("LOPEZ", NAME_PART_SCORE), ("MARIA", NAME_PART_SCORE)]),
        ([MARIA], "Dear Maria,", [("Maria", NAME_PART_SCORE)]),
        ([MARIA], "maria  lopez called", [("maria  lopez", FULL_VALUE_SCORE)]),
        ([MARIA], "Mariana Lopezzi", []),  # whole words only
        ([KnownValue("MEMBER_ID", "W123456789")], "id w123456789.", [("w123456789", FULL_VALUE_SCORE)]),
        (
            [KnownValue("ADDRESS", "12 Oak Court")],
            "lives at 12 Oak  Court now",
            [("12 Oak  Court", FULL_VALUE_SCORE)],
        ),
        ([KnownValue("PERSON", "June Park")], "you may appeal in june", []),  # "June" keeps its capital
        ([KnownValue("PERSON", "June Park")], "Dear June,", [("June", NAME_PART_SCORE)]),
        ([KnownValue("PERSON", "Dr. Al Li Jr.")], "Dr. Al Li Jr. and Al", [("Dr. Al Li Jr.", 1.0), ("Al", 0.9)]),
    ],
)
def test_known_values(known: list[KnownValue], text: str, expected: list[tuple[str, float]]) -> None:
    assert found(KnownValuesRecognizer(known), text) == expected


@pytest.mark.unit
def test_each_value_keeps_its_type() -> None:
    recognizer = KnownValuesRecognizer([MARIA, KnownValue("CLAIM_NUMBER", "E-4471190")])
    assert found_types(recognizer, "Maria: claim E-4471190") == [("PERSON", "Maria"), ("CLAIM_NUMBER", "E-4471190")]


@pytest.mark.unit
def test_name_parts_skip_titles_suffixes_and_initials() -> None:
    assert name_parts("Dr. Maria T. Lopez Jr.") == ["Maria", "Lopez"]


@pytest.mark.unit
def test_an_unknown_type_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown entity type"):
        KnownValue("NAME", "Maria")
