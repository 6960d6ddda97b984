from __future__ import annotations

import re

import pytest

from graph.redaction.occurrences import starts, whole_occurrences

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Sunmesa has denied. Sunmesa Health Plans", "Sunmesa"),
        ("Ana, Anabel and Ana's", "Ana"),
        ("aaa aa a", "aa"),
        ("St. Jude and St. Jude Children's", "St. Jude"),
        ("Ozempic_x Ozempic", "Ozempic"),
        ("Émile Émile", "Émile"),
        ("nothing here", "Ruiz"),
        ("", "Ruiz"),
    ],
)
def test_the_same_as_the_word_bounded_regex(text: str, value: str) -> None:
    expected = [m.span() for m in re.finditer(rf"(?<![\w]){re.escape(value)}(?![\w])", text)]
    assert list(whole_occurrences(text, value)) == expected


def test_an_empty_value_occurs_nowhere() -> None:
    assert list(whole_occurrences("text", "")) == []


@pytest.mark.parametrize(
    ("text", "piece", "bounds", "expected"),
    [
        ("aaaa", "aa", (0, None), [0, 1, 2]),  # overlapping occurrences count
        ("said x said", "said", (0, None), [0, 7]),
        ("said x said", "said", (1, None), [7]),
        ("said x said", "said", (0, 10), [0]),  # an occurrence must end inside the bounds
        ("abc", "", (0, None), []),
    ],
)
def test_starts(text: str, piece: str, bounds: tuple[int, int | None], expected: list[int]) -> None:
    assert starts(text, piece, *bounds) == expected
