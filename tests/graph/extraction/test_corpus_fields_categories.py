"""Sections, categories, plan kind, insurer and plan name over the shared corpus of denial letters and notices.

Expectations are what a careful reader takes from each letter, decided once and written here:

- 01 HIP: the St. Jude stay is "not medically necessary" and the drug combination "considered experimental and
  investigational": both categories. The insurer and the named plan are HIP Health Plan of New York; the
  [InsuranceCompany] vendor is a redaction mark. Nothing says which kind of plan it is.
- 03 AIM: medical necessity only. "The notes do not show that this is the case" is a criterion unmet in the
  records, not missing records, so not insufficient_documentation. AIM acts for an unnamed plan, so AIM is the
  insurer.
- 05 Humana: "considered experimental/investigational and is excluded from the member's benefit": both.
  "Legal Entity" is a redaction, not an insurer.
- 07 Anthem: "not medically necessary" plus a policy that calls the surgery investigational: both.
- 09 NY plan: the plan's criteria not met, deemed "not medically necessary under New York State Law": medical
  necessity, and a state-regulated plan (the letter invokes New York's appeal law). No insurer is named.
- 11 PERTZYE: step therapy only ("has not documented why" is the step-therapy exception, not missing records).
  "your state's insurance department" is a generic pointer, not a plan-kind cue.
- 16-19 model notices: blank forms, so no categories and no insurer. 16 (CMS-10003) serves Medicare Advantage
  and Medicaid plans alike and its text names neither outside form instructions: unknown. 17 is the Part D
  notice. 18, the DOL model notice, names no plan kind in its text (the model was used by group health plans
  and issuers alike): unknown. 19 is the Ohio Department of Insurance's notice for the plans it regulates.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from graph.denial import Category, PlanKind
from graph.extraction.categories import find_categories
from graph.extraction.insurers import find_insurer
from graph.extraction.letter import Finding, Letter, SectionKind
from graph.extraction.plan_kind import find_plan_kind
from graph.extraction.sections import find_sections

pytestmark = pytest.mark.corpus

ROOT = Path(__file__).resolve().parents[3]
CORPUS = Path(os.environ.get("OVERTURN_CORPUS", ROOT.parent / "shared" / "corpus"))
MIN_CONFIDENCE = 0.5  # the combiner's floor
C, K = Category, PlanKind

EXPECTED: dict[str, dict[str, object]] = {
    "01_fhi_hip_ny_clinical_trial_infant_brain_tumor.txt": {
        "categories": {C.medical_necessity, C.experimental_investigational},
        "insurer": "HIP Health Plan of New York",
        "plan_name": "HIP Health Plan of New York",
    },
    "03_fhi_aim_tmj_mri_conservative_tx.txt": {
        "categories": {C.medical_necessity},
        "insurer": "AIM Specialty Health",
    },
    "05_fhi_humana_lidocaine_patch_experimental.txt": {
        "categories": {C.experimental_investigational, C.not_covered_benefit},
        "insurer": "Humana",
    },
    "07_fhi_anthem_nerve_decompression_migraine_investigational.txt": {
        "categories": {C.medical_necessity, C.experimental_investigational},
        "insurer": "Anthem",
    },
    "09_fhi_ny_plan_truvada_prep_criteria.txt": {
        "categories": {C.medical_necessity},
        "plan_kind": K.state_regulated,
    },
    "11_fhi_pertzye_step_therapy_LIKELY_LLM_GENERATED.txt": {"categories": {C.step_therapy}},
    "16_cms10003_integrated_denial_notice_2020_TEMPLATE.txt": {},
    "17_cms10146_partd_denial_notice_2027exp_TEMPLATE.txt": {"plan_kind": K.medicare_part_d},
    "18_dol_model_notice_final_internal_adverse_benefit_determination_TEMPLATE.txt": {},
    "19_ohio_doi_model_notice_adverse_benefit_determination_TEMPLATE.txt": {"plan_kind": K.state_regulated},
}

# Words of each letter and the kind of section they must fall in.
SECTION_EXPECTATIONS: dict[str, list[tuple[str, SectionKind]]] = {
    "01_fhi_hip_ny_clinical_trial_infant_brain_tumor.txt": [
        ("is considered experimental and investigational", SectionKind.body),
        ("If you do not agree with our decision", SectionKind.appeal_rights),
        ("For more information about our appeal rights", SectionKind.appeal_rights),
    ],
    "05_fhi_humana_lidocaine_patch_experimental.txt": [
        ("is excluded from the member", SectionKind.body),
        ("within 180 days", SectionKind.appeal_rights),
    ],
    "09_fhi_ny_plan_truvada_prep_criteria.txt": [("not medically necessary under", SectionKind.body)],
    "16_cms10003_integrated_denial_notice_2020_TEMPLATE.txt": [
        ("Important: This notice explains", SectionKind.appeal_rights),
        ("Why did we deny your request?", SectionKind.body),
        ("Provide specific rationale", SectionKind.instructions),
        ("health plan name", SectionKind.instructions),
        ("Plan Appeal:", SectionKind.appeal_rights),
    ],
    "17_cms10146_partd_denial_notice_2027exp_TEMPLATE.txt": [
        ("NOTICE OF DENIAL OF MEDICARE PART D", SectionKind.body),
        ("Standalone Part D plans", SectionKind.instructions),
    ],
    "18_dol_model_notice_final_internal_adverse_benefit_determination_TEMPLATE.txt": [
        ("Case Details:", SectionKind.body),
        ("Discuss the reason or reasons", SectionKind.instructions),
        ("Rights to External Review", SectionKind.appeal_rights),
    ],
    "19_ohio_doi_model_notice_adverse_benefit_determination_TEMPLATE.txt": [
        ("because we believe they are not medically necessary", SectionKind.appeal_rights),
        ("We have declined to provide benefits", SectionKind.body),
        ("Important Information about Your Appeal Rights", SectionKind.appeal_rights),
    ],
}


def letter_text(name: str) -> str:
    path = CORPUS / "denials" / name
    if not path.exists():
        pytest.skip(f"corpus letter {path} not found (set OVERTURN_CORPUS to the shared corpus)")
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(line for line in lines if not line.startswith("# "))


def _letter(name: str) -> Letter:
    text = letter_text(name)
    return Letter.of(text, find_sections(text))


def _best(findings: list[Finding], field: str) -> object:
    kept = [f for f in findings if f.field == field and f.confidence >= MIN_CONFIDENCE]
    return max(kept, key=lambda f: f.confidence).value if kept else None


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_categories_insurer_and_plan(name: str) -> None:
    letter = _letter(name)
    expected = EXPECTED[name]
    findings = find_categories(letter) + find_plan_kind(letter) + find_insurer(letter)
    got = {
        "categories": {f.value for f in findings if f.field == "categories" and f.confidence >= MIN_CONFIDENCE},
        "insurer": _best(findings, "insurer"),
        "plan_name": _best(findings, "plan_name"),
        "plan_kind": _best(findings, "plan_kind"),
    }
    want = {"categories": set(), "insurer": None, "plan_name": None, "plan_kind": None, **expected}
    assert got == want
    for finding in findings:
        for span in finding.spans:
            assert letter.text[span.start : span.end] == span.text


@pytest.mark.parametrize("name", sorted(SECTION_EXPECTATIONS))
def test_sections(name: str) -> None:
    letter = _letter(name)
    for words, kind in SECTION_EXPECTATIONS[name]:
        assert letter.section_at(letter.text.index(words)) is kind, words


def test_every_corpus_letter_has_expectations() -> None:
    if not (CORPUS / "denials").is_dir():
        pytest.skip(f"corpus not found at {CORPUS} (set OVERTURN_CORPUS)")
    assert {p.name for p in (CORPUS / "denials").glob("*.txt")} == set(EXPECTED)
