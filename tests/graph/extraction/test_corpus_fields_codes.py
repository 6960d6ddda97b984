"""Codes, ids, dates, deadlines and appeal contacts over the shared corpus of denial letters and notices.

Every letter is checked for every field these finders can fill: a field not listed must come out empty.
The corpus is not part of the repo: these tests skip when $OVERTURN_CORPUS (default ../shared/corpus) is
absent.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from graph.denial import AppealDeadline
from graph.extraction.codes import find_codes
from graph.extraction.contacts import find_appeal_contacts
from graph.extraction.dates import find_dates
from graph.extraction.deadlines import find_deadlines
from graph.extraction.identifiers import find_identifiers
from graph.extraction.letter import Finding, Letter

pytestmark = pytest.mark.corpus

ROOT = Path(__file__).resolve().parents[3]
CORPUS = Path(os.environ.get("OVERTURN_CORPUS", ROOT.parent / "shared" / "corpus"))

FINDERS = (find_codes, find_identifiers, find_dates, find_deadlines, find_appeal_contacts)
LIST_FIELDS = ("codes.cpt", "codes.hcpcs", "codes.icd10", "codes.carc")
PLAIN_FIELDS = (
    "claim_id",
    "reference_id",
    "letter_date",
    "service_date",
    "appeal_deadline",
    "expedited_available",
    "appeal_address",
    "appeal_fax",
)

EXPECTED: dict[str, dict[str, object]] = {
    "01_fhi_hip_ny_clinical_trial_infant_brain_tumor.txt": {
        "letter_date": dt.date(2017, 10, 11),
        "service_date": dt.date(2017, 10, 4),
        "appeal_fax": "1-516-214-8927",
        "appeal_address": "P.O. Box CS9244 Garden City, New York 11530",
    },
    "03_fhi_aim_tmj_mri_conservative_tx.txt": {
        "codes.cpt": ["70336"],
        "reference_id": "172598614",
    },
    "05_fhi_humana_lidocaine_patch_experimental.txt": {
        "appeal_deadline": AppealDeadline(days=180, counted_from="the date you received this notice"),
    },
    "07_fhi_anthem_nerve_decompression_migraine_investigational.txt": {
        "codes.cpt": ["64716", "64732", "21137", "64771"],
    },
    "09_fhi_ny_plan_truvada_prep_criteria.txt": {
        "letter_date": dt.date(2017, 7, 11),
    },
    "11_fhi_pertzye_step_therapy_LIKELY_LLM_GENERATED.txt": {},
    # The model notices are forms with blank labelled fields; the CMS one states the real 60-day limit.
    "16_cms10003_integrated_denial_notice_2020_TEMPLATE.txt": {
        "appeal_deadline": AppealDeadline(days=60, counted_from="the date of this notice"),
    },
    "17_cms10146_partd_denial_notice_2027exp_TEMPLATE.txt": {},
    "18_dol_model_notice_final_internal_adverse_benefit_determination_TEMPLATE.txt": {},
    "19_ohio_doi_model_notice_adverse_benefit_determination_TEMPLATE.txt": {},
}


def letter_text(name: str) -> str:
    path = CORPUS / "denials" / name
    if not path.exists():
        pytest.skip(f"corpus letter {path} not found (set OVERTURN_CORPUS to the shared corpus)")
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(line for line in lines if not line.startswith("# "))


def run_finders(letter: Letter) -> list[Finding]:
    return [finding for finder in FINDERS for finding in finder(letter)]


def merged(findings: list[Finding]) -> dict[str, object]:
    """What the lead's combiner keeps: the most confident plain value (earliest on a tie), every list item."""
    kept = [f for f in findings if f.confidence >= 0.5]
    result: dict[str, object] = {}
    for field in LIST_FIELDS:
        items = [f.value for f in kept if f.field == field]
        result[field] = list(dict.fromkeys(items))
    for field in PLAIN_FIELDS:
        candidates = [f for f in kept if f.field == field]
        best = max(candidates, key=lambda f: f.confidence, default=None)
        result[field] = None if best is None else best.value
    return result


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fields_come_out_exactly(name: str) -> None:
    text = letter_text(name)
    letter = Letter.of(text, ())
    findings = run_finders(letter)
    expected = {**{f: [] for f in LIST_FIELDS}, **{f: None for f in PLAIN_FIELDS}, **EXPECTED[name]}
    assert merged(findings) == expected
    for finding in findings:
        for span in finding.spans:
            assert text[span.start : span.end] == span.text


def test_every_corpus_letter_has_expectations() -> None:
    if not (CORPUS / "denials").is_dir():
        pytest.skip(f"corpus not found at {CORPUS} (set OVERTURN_CORPUS)")
    assert {p.name for p in (CORPUS / "denials").glob("*.txt")} <= set(EXPECTED)
