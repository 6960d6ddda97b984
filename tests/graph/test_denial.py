from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from graph.denial import (
    AppealDeadline,
    Category,
    Codes,
    DenialDetails,
    FieldEvidence,
    PlanKind,
    ServiceKind,
    Span,
)


def _full_details() -> DenialDetails:
    span = Span(start=10, end=15, text="70336")
    return DenialDetails(
        insurer="Acme Health",
        plan_name="Acme Gold",
        plan_kind=PlanKind.employer_erisa,
        service="MRI of the knee",
        service_kind=ServiceKind.imaging,
        diagnosis="torn meniscus",
        codes=Codes(cpt=["73721"], icd10=["S83.241A"]),
        categories=[Category.medical_necessity, Category.prior_authorization],
        reason="Not medically necessary.",
        claim_id="C123456",
        letter_date=dt.date(2026, 1, 5),
        appeal_deadline=AppealDeadline(days=180, counted_from="receipt of this notice"),
        expedited_available=True,
        evidence={"codes.cpt.73721": FieldEvidence(spans=[span], confidence=0.9)},
    )


@pytest.mark.unit
def test_round_trips_through_json() -> None:
    details = _full_details()
    assert DenialDetails.model_validate_json(details.model_dump_json()) == details


@pytest.mark.unit
def test_json_has_the_top_level_keys_the_issue_names() -> None:
    dumped = _full_details().model_dump(mode="json")
    for key in ("insurer", "service", "diagnosis", "categories", "codes", "reason", "claim_id", "evidence"):
        assert key in dumped
    assert set(dumped["codes"]) == {"cpt", "hcpcs", "icd10", "carc"}
    assert dumped["letter_date"] == "2026-01-05"


@pytest.mark.unit
def test_category_names_are_exactly_the_taxonomy() -> None:
    assert {c.value for c in Category} == {
        "medical_necessity", "experimental_investigational", "prior_authorization", "out_of_network",
        "not_covered_benefit", "step_therapy", "formulary", "cost_sharing", "preventive_care", "level_of_care",
        "insufficient_documentation", "duplicate", "coding_billing", "timely_filing", "other",
    }  # fmt: skip


@pytest.mark.unit
@pytest.mark.parametrize(
    "build",
    [
        lambda: Span(start=5, end=3, text=""),
        lambda: Span(start=0, end=3, text="ab"),
        lambda: AppealDeadline(),
        lambda: AppealDeadline(days=0),
        lambda: FieldEvidence(spans=[], confidence=1.5),
        lambda: DenialDetails(categories=["not_a_category"]),
    ],
)
def test_invalid_values_are_refused(build: object) -> None:
    with pytest.raises(ValidationError):
        build()  # type: ignore[operator]
