from __future__ import annotations

import pytest

from graph.redaction.entities import PhiSpan
from graph.redaction.propagation import PROPAGATED_SCORE, propagate


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
