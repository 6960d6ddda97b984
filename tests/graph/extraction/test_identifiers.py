from __future__ import annotations

import pytest

from graph.extraction.identifiers import find_identifiers
from tests.graph.extraction.helpers import assert_spans_exact, body_letter, values

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("Claim #: 2023-0412-7781\nDate of Service: 03/02/2023", "claim_id", "2023-0412-7781"),
        ("Claim Number: E99120347", "claim_id", "E99120347"),
        ("Claim ID 771200458 was processed.", "claim_id", "771200458"),
        ("Claim No. 55-10293", "claim_id", "55-10293"),
        ("Your claim number is 4400219983, and it", "claim_id", "4400219983"),
        ("Reference #: UM4471902", "reference_id", "UM4471902"),
        ("Ref. No. 99887766", "reference_id", "99887766"),
        ("Case Number: GRV-2023-5512", "reference_id", "GRV-2023-5512"),
        ("Authorization #: PA120045.", "reference_id", "PA120045"),
        ("Prior Authorization Number: 30051827", "reference_id", "30051827"),
        ("Request ID: 88-1123-45", "reference_id", "88-1123-45"),
        ("Service: 340087121\nService/Item: 72148 MRI Lumbar Spine", "reference_id", "340087121"),
    ],
)
def test_reads_labelled_ids(text: str, field: str, expected: str) -> None:
    letter = body_letter(text)
    found = find_identifiers(letter)
    assert values(found, field) == [expected]
    assert_spans_exact(letter, found)


@pytest.mark.parametrize(
    "text",
    [
        "Claim #: / Date of Service:",
        "Claim Number:Date of Service:",
        "Claim #:\n\nProvider:",
        "Claim ID: [CLAIM NUMBER]",
        "Claim No. XXXXXXX",
        "Reference #: {insert reference number}",
        "Claim: 1234",
        "Claim Number: Pending",
        "Date of Request: 07/10/2017",
        "Request Date: 2023-04-05",
        "To file an appeal: 1-800-555-0199",
        "OMB Control Number 1210-0144 (expires 01/31/2011)",
        "Member ID: W7712004 Group: 88100",
        "Service: MRI of the knee",
        "Your case is important to us; call 555-0100.",
    ],
)
def test_blank_placeholder_and_unlabelled_values_give_nothing(text: str) -> None:
    found = find_identifiers(body_letter(text))
    assert values(found, "claim_id") == []
    assert values(found, "reference_id") == []


def test_labelled_ids_are_more_confident_than_a_bare_service_line() -> None:
    found = find_identifiers(body_letter("Claim #: 12345678\nService: 340087121"))
    confidence = {f.field: f.confidence for f in found}
    assert confidence["claim_id"] >= 0.9
    assert 0.5 <= confidence["reference_id"] < 0.7
