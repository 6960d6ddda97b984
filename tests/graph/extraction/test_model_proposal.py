from __future__ import annotations

import pytest

from graph.extraction.extractor import extract, extract_with_proposal
from graph.extraction.model_proposal import MODEL_CONFIDENCE, PROPOSAL_FIELDS, ground_proposal, proposal_schema

pytestmark = pytest.mark.unit

LETTER = (
    "Northfield Health Plan\n"
    "Member: Jordan Example\n"
    "Claim Number: NF-2026-00417\n\n"
    "Dear Jordan Example,\n"
    "We reviewed the request for a   continuous glucose\nmonitor. It is denied because the records do not "
    "show insulin use.\nFax your appeal to (555) 010-0199.\n"
)


@pytest.mark.parametrize(
    ("field", "proposed", "kept"),
    [
        ("service", "continuous glucose monitor", "continuous glucose\nmonitor"),  # white space and line breaks
        ("service", "CONTINUOUS GLUCOSE MONITOR", "continuous glucose\nmonitor"),  # case
        ("service", "a new insulin pump", None),  # not in the letter
        ("plan_name", "Jordan Example", None),  # in the letter, but a person is not a plan
        ("plan_name", "Northfield Health Plan", "Northfield Health Plan"),
        ("insurer", "Jordan Example", None),
        ("claim_id", "NF-2026-00417", "NF-2026-00417"),
        ("claim_id", "2026", None),  # too short to be an id
        ("reference_id", "Jordan", None),
        ("appeal_fax", "(555) 010-0199", "(555) 010-0199"),
        ("appeal_fax", "010-0199", None),
        (
            "reason",
            "It is denied because the records do not\n show insulin use.",  # white space folded
            "It is denied because the records do not show insulin use.",
        ),
        ("reason", "The records do not show it.", None),  # not in the letter
        ("service", "[SERVICE]", None),
    ],
)
def test_a_proposal_is_kept_only_where_the_letter_says_it(field: str, proposed: str, kept: str | None) -> None:
    found = ground_proposal(LETTER, {field: proposed})
    assert [f.value for f in found] == ([kept] if kept else [])
    for finding in found:
        span = finding.spans[0]
        assert LETTER[span.start : span.end] == span.text == finding.value
        assert finding.confidence == MODEL_CONFIDENCE


def test_rules_win_over_the_model_and_the_model_fills_gaps() -> None:
    rules = extract(LETTER)
    assert rules.claim_id == "NF-2026-00417"
    merged = extract_with_proposal(LETTER, {"claim_id": "NF-2026-00417", "plan_name": "Northfield Health Plan"})
    assert merged.claim_id == rules.claim_id
    assert merged.evidence["claim_id"].confidence == rules.evidence["claim_id"].confidence
    assert merged.plan_name == "Northfield Health Plan"
    assert merged.evidence["plan_name"].confidence == MODEL_CONFIDENCE


def test_schema_names_every_proposal_field_as_bounded_text_or_null() -> None:
    schema = proposal_schema()
    assert set(schema["properties"]) == set(PROPOSAL_FIELDS) == set(schema["required"])
    assert schema["additionalProperties"] is False
