from __future__ import annotations

import pytest

from graph.extraction.placeholders import is_placeholder, placeholder_spans


@pytest.mark.unit
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("[CUSTOMER]", True),
        ("Dear [Patient Name],", True),
        ("{health plan name}", True),
        ("Member XXXX", True),
        ("ID ****1234", True),
        ("Name: ________", True),
        ("<MEMBER NAME>", True),
        ("Humana", False),
        ("LIDOCAINE 5% PATCH 30/30", False),
        ("Maxillofacial", False),  # 'x' inside a word is not a mark
        ("", False),
    ],
)
def test_is_placeholder(value: str, expected: bool) -> None:
    assert is_placeholder(value) is expected


@pytest.mark.unit
def test_placeholder_spans_index_the_text() -> None:
    text = "Dear [Customer]; your plan {plan name} denied XXXX."
    assert [text[s:e] for s, e in placeholder_spans(text)] == ["[Customer]", "{plan name}", "XXXX"]
