from __future__ import annotations

import pytest

from graph.redaction.recognizers.npi import NpiRecognizer
from tests.graph.redaction.recognizers.helpers import found

SCORE = NpiRecognizer.SCORE


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rendering clinician: Nakashima, Darnell    NPI 1916937380", [("1916937380", SCORE)]),
        ("NPI: 2926398712", [("2926398712", SCORE)]),
        ("National Provider Identifier 1730254169", [("1730254169", SCORE)]),
        ("NPI: 12345", []),  # not ten digits
        ("NPI 12345678901", []),  # eleven digits: not an NPI
        ("1916937380 alone", []),  # no label
    ],
)
def test_npis(text: str, expected: list[tuple[str, float]]) -> None:
    assert found(NpiRecognizer(), text) == expected
