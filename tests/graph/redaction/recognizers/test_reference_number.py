from __future__ import annotations

import pytest

from graph.redaction.recognizers.reference_number import ReferenceNumberRecognizer
from tests.graph.redaction.recognizers.helpers import found

SCORE = ReferenceNumberRecognizer.SCORE


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reference #: REF06184220", [("REF06184220", SCORE)]),
        ("T: 11/09/2088 16:40   Job #: 558213", [("558213", SCORE)]),
        ("Dictation ID: D-7741902", [("D-7741902", SCORE)]),
        ("Appeal reference: DN-3865374", [("DN-3865374", SCORE)]),
        ("Case number: 22-0113-77", [("22-0113-77", SCORE)]),
        ("Coverage determination case: YW-1653690", [("YW-1653690", SCORE)]),
        ("Request ID 5582190", [("5582190", SCORE)]),
        ("Rx number: 0683486", [("0683486", SCORE)]),
        ("Ref. No. 44-1902", [("44-1902", SCORE)]),
        ("for reference, see 45 CFR 147.136", []),
        ("in reference to your appeal", []),
    ],
)
def test_reference_numbers(text: str, expected: list[tuple[str, float]]) -> None:
    assert found(ReferenceNumberRecognizer(), text) == expected
