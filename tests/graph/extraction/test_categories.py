from __future__ import annotations

import pytest

from graph.denial import Category
from graph.extraction.categories import find_categories
from graph.extraction.letter import Letter
from graph.extraction.sections import find_sections
from tests.graph.extraction.helpers import assert_spans_exact, body_letter, letter_with_rights

C = Category


def _categories(letter: Letter) -> set[Category]:
    found = find_categories(letter)
    assert_spans_exact(letter, found)
    assert all(f.field == "categories" and 0.0 < f.confidence <= 1.0 for f in found)
    return {c for f in found if isinstance(c := f.value, Category)}


def _sectioned(text: str) -> Letter:
    return Letter.of(text, find_sections(text))


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We cannot approve the knee brace as it is not medically necessary.", {C.medical_necessity}),
        ("The request does not meet our medical necessity criteria for spinal fusion.", {C.medical_necessity}),
        ("This infusion is not appropriate for your condition at this time.", {C.medical_necessity}),
        ("Proton therapy is considered investigational for prostate cancer.", {C.experimental_investigational}),
        ("The device is unproven and is not the standard of care.", {C.experimental_investigational}),
        ("The test is experimental and therefore not medically necessary.",
         {C.experimental_investigational, C.medical_necessity}),
        ("We denied the claim because prior authorization was not obtained.", {C.prior_authorization}),
        ("The surgery was performed without precertification.", {C.prior_authorization}),
        ("Dr. Ilse Varga is an out-of-network provider and your plan has no out-of-network benefits.",
         {C.out_of_network}),
        ("The clinic is not a participating provider in your plan.", {C.out_of_network}),
        ("Hearing aids are excluded from the member's benefit plan.", {C.not_covered_benefit}),
        ("Massage therapy is not a covered benefit.", {C.not_covered_benefit}),
        ("This is a benefit exclusion under your certificate.", {C.not_covered_benefit}),
        ("Your plan requires step therapy for this drug.", {C.step_therapy}),
        ("You must try two preferred inhalers first.", {C.step_therapy}),
        ("You have not tried the formulary alternatives metformin or glipizide.", {C.step_therapy}),
        ("Brandexa is not on the formulary.", {C.formulary}),
        ("Brandexa is a non-formulary drug; ask for a formulary exception.", {C.formulary}),
        ("The allowed amount was applied to your deductible.", {C.cost_sharing}),
        ("The colonoscopy was coded as diagnostic rather than preventive.", {C.preventive_care}),
        ("The inpatient stay was denied because care could be safely provided in an outpatient setting.",
         {C.level_of_care}),
        ("A lower level of care, such as home health, meets your needs.", {C.level_of_care}),
        ("We did not receive the medical records we asked your doctor for.", {C.insufficient_documentation}),
        ("This is a duplicate claim for the same service.", {C.duplicate}),
        ("The claim was billed with an incorrect procedure code.", {C.coding_billing}),
        ("Code 97140 is unbundled from the office visit.", {C.coding_billing}),
        ("The claim was denied for timely filing.", {C.timely_filing}),
        ("The claim was received more than 180 days after the visit.", {C.timely_filing}),
    ],
)  # fmt: skip
def test_cue_phrases_name_their_category(text: str, expected: set[Category]) -> None:
    assert _categories(body_letter(text)) == expected


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This treatment is not experimental. We approved it.", set()),
        ("The pump is not considered investigational; it is not medically necessary.", {C.medical_necessity}),
        ("This is not a prior authorization issue. The drug is not on the formulary.", {C.formulary}),
        ("Since March this drug no longer requires prior authorization.", set()),
        ("You do not need to try other drugs first.", set()),
        ("Your doctor submitted a prior authorization request for an MRI.", set()),
        ("Your plan does not cover services that are not medically necessary.", {C.medical_necessity}),
        ("The notes do not show six weeks of physical therapy.", set()),
        ("Your doctor has not documented why this drug is best for you.", set()),
        ("The doctor noted the condition is medically necessary to treat.", set()),
    ],
)
def test_negation_and_non_reasons(text: str, expected: set[Category]) -> None:
    assert _categories(body_letter(text)) == expected


@pytest.mark.unit
@pytest.mark.parametrize(
    "text",
    [
        "An Adverse Coverage Decision is a decision we make not to pay because a service is not medically "
        "necessary, you are not eligible, or the benefit is not covered under your plan.",
        "Claims may be denied for reasons such as lack of medical necessity or being out-of-network.",
        "If the denial was based on a finding that the service is experimental, you may ask for a review.",
        "A service can be unproven, not medically necessary, or out-of-network, or the claim may be late.",
        "For example, a drug that is not on the formulary needs an exception.",
    ],
)
def test_definitions_and_generic_lists_are_not_reasons(text: str) -> None:
    assert _categories(body_letter(text)) == set()


@pytest.mark.unit
def test_cues_in_appeal_rights_do_not_count() -> None:
    text = (
        "We cannot approve the scooter because it is not medically necessary.\n"
        "Your rights\nYou may ask for an external review if we said a service was experimental or out-of-network."
    )
    assert _categories(letter_with_rights(text, "Your rights")) == {C.medical_necessity}
    assert _categories(_sectioned(text)) == {C.medical_necessity}


@pytest.mark.unit
def test_form_instructions_never_count() -> None:
    text = "We denied the item because {Provide rationale, e.g. not medically necessary or experimental}:\n"
    assert _categories(_sectioned(text)) == set()


@pytest.mark.unit
def test_spans_are_the_cue_phrases() -> None:
    text = "We denied the request. The drug is considered experimental/investigational and is not on the formulary."
    letter = body_letter(text)
    found = {f.value: [s.text for s in f.spans] for f in find_categories(letter)}
    assert found == {
        C.experimental_investigational: ["considered experimental", "investigational"],
        C.formulary: ["not on the formulary"],
    }


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("We denied the MRI because it is not medically necessary.", 0.9, 0.95),
        ("The MRI is not medically necessary.", 0.8, 0.9),
        ("The brace is not appropriate for your condition.", 0.7, 0.8),
    ],
)
def test_confidence_follows_cue_strength(text: str, low: float, high: float) -> None:
    (finding,) = find_categories(body_letter(text))
    assert low <= finding.confidence <= high


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We are denying your request because the member was not enrolled on the date of service.", {C.other}),
        ("We denied the wheelchair because it is not medically necessary.", {C.medical_necessity}),
        ("Thank you for your request. We will call you soon.", set()),
        ("We {Insert term: denied} the item because the member was not enrolled in the plan.", set()),
    ],
)
def test_other_only_for_a_clear_denial_with_no_category(text: str, expected: set[Category]) -> None:
    assert _categories(_sectioned(text)) == expected
