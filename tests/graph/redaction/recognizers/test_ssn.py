from __future__ import annotations

import pytest

from graph.redaction.recognizers.ssn import SsnRecognizer
from tests.graph.redaction.recognizers.helpers import found

SCORE = SsnRecognizer.SCORE


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SSN: 483 42 1814", [("483 42 1814", SCORE)]),
        ("SSN: 483421814", [("483421814", SCORE)]),
        ("Social Security No. 483-42-1814", [("483-42-1814", SCORE)]),
        ("Participant ID (SSN): 329188687", [("329188687", SCORE)]),
        ("Social Security number on file for the patient: 439343415.", [("439343415", SCORE)]),
        ("SSN: 483-42 1814", []),  # mixed separators
        ("SSN: 48342181", []),  # eight digits
        ("Social Security benefits began in 2019", []),
        ("SSN: not on file. Claim 483421814", []),  # too far from its label
    ],
)
def test_labelled_ssns(text: str, expected: list[tuple[str, float]]) -> None:
    assert found(SsnRecognizer(), text) == expected
