from __future__ import annotations

import pytest

from graph.redaction.recognizers.claim_number import ClaimNumberRecognizer
from tests.graph.redaction.recognizers.helpers import found

SCORE = ClaimNumberRecognizer.SCORE


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Claim number: E3337991258", [("E3337991258", SCORE)]),
        ("Original claim: CLM-9675-6592017", [("CLM-9675-6592017", SCORE)]),
        ("Claim #: 2024883113082", [("2024883113082", SCORE)]),
        ("ICN 2024297183449", [("2024297183449", SCORE)]),
        ("Your claim number is 03U12926751800.", [("03U12926751800", SCORE)]),
        ("Diagnosis on claim: M54.16", []),  # an ICD-10 code, not a claim number
        ("Claim received: 01/14/2024", []),  # a date
        ("your claim was denied on 2024 rules", []),  # prose
    ],
)
def test_claim_numbers(text: str, expected: list[tuple[str, float]]) -> None:
    assert found(ClaimNumberRecognizer(), text) == expected
