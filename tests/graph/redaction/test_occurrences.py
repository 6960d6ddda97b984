from __future__ import annotations

import re

import pytest

from graph.redaction.occurrences import whole_occurrences

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
