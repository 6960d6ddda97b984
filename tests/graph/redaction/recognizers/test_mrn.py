from __future__ import annotations

import pytest

from graph.redaction.recognizers.mrn import MrnRecognizer
from tests.graph.redaction.recognizers.helpers import found

SCORE = MrnRecognizer.SCORE


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Facility MRN:        JCN-791974", [("JCN-791974", SCORE)]),
        ("Medical record number: 01976912", [("01976912", SCORE)]),
        ("MRN 535178080", [("535178080", SCORE)]),
        ("Patient account number: 7730019921", [("7730019921", SCORE)]),
        ("Acct #: 44019-22", [("44019-22", SCORE)]),
        ("Encounter number: ENC-20931", [("ENC-20931", SCORE)]),
        ("Accession #: RAD5521983", [("RAD5521983", SCORE)]),
        ("Please keep your medical records for 7 years", []),
        ("Acct #: 7781-22-19", [("7781-22-19", SCORE)]),  # three numbers that cannot be a date
        ("Patient: HOLLOWAY, MARGARET J        Unit No: 448-21-07", [("448-21-07", SCORE)]),
        ("Apt 4, Unit #12", []),
        ("NAME: OKONKWO-BELL, ADAEZE R             UNIT#: 2207741", [("2207741", SCORE)]),
        ("12 Oak St, Unit #1204, Boston", []),  # an address's unit, not a record number
        ("Keller, Hannelore\nMR# 9912043", [("9912043", SCORE)]),
        ("MR No: 44-10-2291", [("44-10-2291", SCORE)]),  # an address's unit is too short to be a record number
        ("Account number 2024-03-15", []),  # a date is not an account number
        ("Account #: 03/15/24", []),
    ],
)
def test_record_numbers(text: str, expected: list[tuple[str, float]]) -> None:
    assert found(MrnRecognizer(), text) == expected
