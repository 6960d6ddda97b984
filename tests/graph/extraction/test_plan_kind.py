from __future__ import annotations

import pytest

from graph.denial import PlanKind
from graph.extraction.letter import Letter
from graph.extraction.plan_kind import find_plan_kind
from graph.extraction.sections import find_sections
from tests.graph.extraction.helpers import assert_spans_exact

K = PlanKind


def _kind(text: str) -> PlanKind | None:
    letter = Letter.of(text, find_sections(text))
    found = find_plan_kind(letter)
    assert_spans_exact(letter, found)
    assert len(found) <= 1
    if not found:
        return None
    assert isinstance(found[0].value, PlanKind)
    return found[0].value


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This plan is an employee benefit plan governed by ERISA.", K.employer_erisa),
        ("You may bring a civil action under Section 502(a) of the Act.", K.employer_erisa),
        ("We denied coverage of the drug under your Medicare Part D benefit.", K.medicare_part_d),
        ("Your Medicare prescription drug plan reviewed the coverage determination.", K.medicare_part_d),
        ("Thank you for choosing our Medicare Advantage plan.", K.medicare_advantage),
        ("Your Medicare Summary Notice lists the claim as denied.", K.original_medicare),
        ("Your MassHealth plan did not approve the request.", K.medicaid),
        ("Your Medicaid health plan reviewed the request.", K.medicaid),
        ("You bought this plan through Covered California.", K.marketplace),
        ("Visit HealthCare.gov to compare plans on the Health Insurance Marketplace.", K.marketplace),
        ("This is not medically necessary under New York State Law for the purpose of your appeal rights.",
         K.state_regulated),
        ("You may contact the Vermont Department of Financial Regulation.", K.state_regulated),
        ("OHIO DEPARTMENT OF INSURANCE\nMODEL NOTICE", K.state_regulated),
    ],
)  # fmt: skip
def test_plan_kind_cues(text: str, expected: PlanKind) -> None:
    assert _kind(text) is expected


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ERISA over the state regulator a fully insured employer plan also names
        ("This employee benefit plan is subject to ERISA. You may also call the Texas Department of Insurance.",
         K.employer_erisa),
        # Medicaid named only in passing in an MA letter's rights
        ("Your Medicare Advantage plan denied the scan.\nYou have the right to appeal. If you have Medicaid, call us.",
         K.medicare_advantage),
        # Part D over MA for an MA-PD drug denial; Original Medicare mentioned in passing
        ("Your Medicare Advantage plan denied this under your Medicare Part D benefit. Original Medicare does not "
         "cover it either.", K.medicare_part_d),
        # a program over its state regulator
        ("Your Medi-Cal plan denied the request. Contact the Department of Managed Health Care.", K.medicaid),
    ],
)  # fmt: skip
def test_precedence(text: str, expected: PlanKind) -> None:
    assert _kind(text) is expected


@pytest.mark.unit
@pytest.mark.parametrize(
    "text",
    [
        "Our reviewers follow Medicare guidelines for this service.",
        "CENTERS FOR MEDICARE & MEDICAID SERVICES\nNotice of Denial of Medical Coverage",
        "If your appeal is denied, you may be able to file a grievance with your state's insurance department.",
        "Your Medicare Advantage plan and your Medicaid plan both reviewed this request.",
        "We {Insert: Medicare Advantage or Medicaid} plan denied the {payment of} drug.",
        "Thank you for your request. We denied it.",
        "Part D. Your rights\nYou may ask for a second review.",
    ],
)
def test_ambiguous_or_absent_is_unknown(text: str) -> None:
    assert _kind(text) is None


@pytest.mark.unit
def test_confidence_is_lower_for_rights_only_cues() -> None:
    body = Letter.of("Your State Fair Hearing rights apply.", ())
    text = "We denied it.\nYou have the right to appeal. You may ask for a State Fair Hearing."
    rights = Letter.of(text, find_sections(text))
    assert find_plan_kind(rights)[0].confidence < find_plan_kind(body)[0].confidence
