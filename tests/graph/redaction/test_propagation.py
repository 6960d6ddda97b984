from __future__ import annotations

import re

import pytest

from graph.redaction.entities import PhiSpan
from graph.redaction.propagation import PROPAGATED_SCORE, propagate, value_occurrences


def _spans_of(text: str, *found: tuple[str, str, float]) -> list[PhiSpan]:
    return [PhiSpan(kind, text.index(value), text.index(value) + len(value), score) for kind, value, score in found]


@pytest.mark.unit
def test_a_confident_name_is_found_again_in_parts() -> None:
    text = "Member: Wendell Dunleavy\nYou appeal for Wendell. DUNLEAVY signed. Will wendell come?"
    spans = _spans_of(text, ("PERSON", "Wendell Dunleavy", 0.85))
    found = sorted((text[s.start : s.end], s.score) for s in propagate(text, spans))
    assert ("Wendell", PROPAGATED_SCORE) in found and ("DUNLEAVY", PROPAGATED_SCORE) in found
    assert ("wendell", PROPAGATED_SCORE) not in found  # lower case prose is left alone


@pytest.mark.unit
def test_a_confident_id_is_found_again_anywhere() -> None:
    text = "Claim number: E3337991258\nhttps://x.example.com/claims/e3337991258"
    spans = _spans_of(text, ("CLAIM_NUMBER", "E3337991258", 0.85))
    assert [(s.entity_type, text[s.start : s.end]) for s in propagate(text, spans)] == [
        ("CLAIM_NUMBER", "E3337991258"),
        ("CLAIM_NUMBER", "e3337991258"),
    ]


@pytest.mark.unit
@pytest.mark.parametrize(
    "found",
    [
        ("PERSON", "Ruiz", 0.6),  # one word, not confident enough
        ("PERSON", "Ana Ruiz", 0.4),  # a full name, below what any recognizer reports
        ("ADDRESS", "12 Oak Court", 0.9),  # addresses are not propagated
        ("GROUP_NUMBER", "4471", 0.85),  # too short to search for safely
    ],
)
def test_unsafe_values_are_not_propagated(found: tuple[str, str, float]) -> None:
    text = f"{found[1]} and again {found[1]}"
    assert propagate(text, _spans_of(text, found)) == []


@pytest.mark.unit
def test_a_full_name_from_any_recognizer_is_found_again_but_not_as_an_eponym() -> None:
    text = "Mr. Hollis Graves was seen. Graves reports Graves disease is stable."
    spans = _spans_of(text, ("PERSON", "Hollis Graves", 0.6))
    found = [(text[s.start : s.end], s.start) for s in propagate(text, spans)]
    assert ("Graves", text.index("Graves reports")) in found
    assert ("Graves", text.index("Graves disease")) not in found


def _as_the_alternation_finds_them(text: str, values: list[str], ignore_case: bool) -> list[tuple[int, int]]:
    unique = sorted({v for v in values if v}, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(piece) for piece in v.split()) for v in unique)
    pattern = re.compile(rf"(?<![A-Za-z0-9])(?:{body})(?![A-Za-z0-9])", re.IGNORECASE if ignore_case else 0)
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "values", "ignore_case"),
    [
        ("Ana Ruiz called; ANA  RUIZ\nagain, and ana\truiz. AnaRuiz no.", ["Ana Ruiz", "Ana"], True),
        ("Ruiz RUIZ ruiz Ruizes xRuiz Ruiz2 Ruiz-Lopez é Ruiz", ["Ruiz", "RUIZ"], False),
        ("Claim W1234-56 and w1234-56, W1234-567, 9W1234-56", ["W1234-56"], True),
        ("Jeknić and JEKNIĆ and jeknić", ["Jeknić"], True),
        ("İzmir: JEKNIĆ and jeknić", ["Jeknić"], True),  # a letter whose lower case is longer, elsewhere
        ("Van Der Berg, van der berg", ["van der Berg", "Berg"], True),
        ("", ["Ana"], True),
        ("Ana", [], False),
    ],
)
def test_occurrences_are_what_the_alternation_finds(text: str, values: list[str], ignore_case: bool) -> None:
    assert value_occurrences(text, values, ignore_case) == _as_the_alternation_finds_them(text, values, ignore_case)
