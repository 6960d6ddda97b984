from __future__ import annotations

import pytest

from graph.redaction.recognizers.street_corner import StreetCornerRecognizer
from tests.graph.redaction.recognizers.helpers import found


def _values(text: str) -> list[str]:
    return [value for value, _ in found(StreetCornerRecognizer(), text)]


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "addresses"),
    [
        ("He lives at the corner of Elm St and 5th Avenue.", ["the corner of Elm St and 5th Avenue"]),
        (
            "found at the corner of Kastanjevej 12 & Orchid Lane, unharmed",
            ["the corner of Kastanjevej 12 & Orchid Lane"],
        ),
        ("we met on the Corner of Birch Road and Pellham Way where", ["the Corner of Birch Road and Pellham Way"]),
        ("corner of Larkin and Ostrava Court", ["corner of Larkin and Ostrava Court"]),
        # a line written in lower case: the second street runs to its street word
        ("the corner of rosenholm 14 and tarvik courts", ["the corner of rosenholm 14 and tarvik courts"]),
        ("the corner of rosenholm 14 and tarvik for years", ["the corner of rosenholm 14 and tarvik"]),
    ],
)
def test_corners(text: str, addresses: list[str]) -> None:
    assert _values(text) == addresses


@pytest.mark.unit
@pytest.mark.parametrize(
    "text",
    [
        "lesion at the corner of the mouth and the lips",  # a determiner: the body, not a street
        "erythema at the corner of her eye and nose",
        "redness at corner of mouth and chin",  # everyday words only
        "in the corner of the room and the hallway",
        "No address on file.",
    ],
)
def test_not_corners(text: str) -> None:
    assert _values(text) == []
