from __future__ import annotations

import pytest

from graph.redaction.recognizers.member_id import MemberIdRecognizer
from tests.graph.redaction.recognizers.helpers import found

SCORE = MemberIdRecognizer.SCORE


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Member ID: W520569162-03", [("W520569162-03", SCORE)]),
        ("Subscriber ID XQP4471902 Group: 11", [("XQP4471902", SCORE)]),
        ("ID Number: 88213307", [("88213307", SCORE)]),
        ("Member #:            8027 1531 152", [("8027 1531 152", SCORE)]),
        ("Member ID: BX3522468A    Group number: 4498918", [("BX3522468A", SCORE)]),
        ("Medicare Beneficiary Identifier: 3G56TK1JV93", [("3G56TK1JV93", SCORE)]),
        ("Medicaid client ID (CIN): WG0085862V", [("WG0085862V", SCORE)]),
        ("Policy holder ID: JD8687270N", [("JD8687270N", SCORE)]),
        ("Your member ID is QHX77120.", [("QHX77120", SCORE)]),
        ("Member ID\nZK44190023", [("ZK44190023", SCORE)]),
        ("my insurance ID is XQH402281913, can you", [("XQH402281913", SCORE)]),
        ("insurance BCBS ID XHP881022741.", [("XHP881022741", SCORE)]),  # the plan's initials
        ("UHC ID: 91822730", [("91822730", SCORE)]),
        ("Your son's date of birth is 11/14/2012 and his ID is BRX-4410-2291-07.", [("BRX-4410-2291-07", SCORE)]),
        ("Your ID: QZ44190023", [("QZ44190023", SCORE)]),
        ("Member ID on file: 88710-334-02 (MassHealth)", [("88710-334-02", SCORE)]),
    ],
)
def test_finds_the_value_after_the_label(text: str, expected: list[tuple[str, float]]) -> None:
    assert found(MemberIdRecognizer(), text) == expected


@pytest.mark.unit
@pytest.mark.parametrize(
    "text",
    [
        "Members may call us for help.",  # no label
        "Member ID: see your card",  # no digit in the value
        "Member ID: 12",  # too short to be an id
        "Member ID: 04/17/2024",  # a date is not an id
        "Participant ID (SSN): 483421814",  # the letter says it is an SSN
        "CLAIM ID: 99887766",  # initials naming another kind of number
        "TAX ID 12-3456789",
        "show the ID 12345678",  # "the" is no plan's initials
        "BCBS ID 3/4/2024",
        "Member ID: 483-42-1814",  # SSN-shaped: the SSN recognizers own it
        "Member ID:\n\nW5205691",  # the value is two lines away: not this label's
    ],
)
def test_leaves_text_that_is_not_a_member_id(text: str) -> None:
    assert found(MemberIdRecognizer(), text) == []
