"""The redactor over the shared corpus: real (hand-redacted) denial letters, model notices and example appeals.

What must survive is checked against the extractor's own findings, so the two stay in step: every code, the
insurer, the letter date and the words "Humana", "Truvada", "Anthem" wherever a letter has them; no redacted
span touches what the extractor read as the insurer, plan, service, diagnosis or cited policy; and every US
state name and every drug, condition or clinical shorthand word of our lists survives wherever it stands.
"""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

import pytest
from presidio_analyzer import AnalyzerEngine

from graph.extraction.extractor import extract
from graph.redaction import Redactor
from graph.redaction.clinical_terms import CLINICAL_TERMS
from graph.redaction.places import US_STATE_NAMES
from store.vault import PhiVault

ROOT = Path(__file__).resolve().parents[3]
CORPUS = Path(os.environ.get("OVERTURN_CORPUS", ROOT.parent / "shared" / "corpus"))
LETTERS = sorted((CORPUS / "denials").glob("*.txt")) + sorted((CORPUS / "appeals").glob("*.txt"))
# Published IMR findings: clinical reasoning the state already de-identified, full of drugs and diagnoses.
IMR_FINDINGS = CORPUS / "imr" / "ca_dmhc_imr_with_findings_sample20.csv"
# Brand words spaCy's small model is prone to call a person.
BRANDS = ("Humana", "Truvada", "TRUVADA", "Anthem", "Pertzye", "PERTZYE", "Cigna", "Aetna", "Medicare", "Medicaid")
# What the extractor reads that the appeal is built on; none of it may be redacted.
CONTENT_FIELDS = ("insurer", "plan_name", "service", "diagnosis", "policy_cited")
_STATE = re.compile(
    r"\b(?:" + "|".join(sorted((re.escape(s.title()) for s in US_STATE_NAMES), key=len, reverse=True)) + r")\b"
)
_WORD = re.compile(r"[A-Za-z][\w\-]+")


def letter_text(path: Path) -> str:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(line for line in lines if not line.startswith("# "))


@pytest.fixture(scope="module")
def redactor(analyzer: AnalyzerEngine) -> Redactor:
    return Redactor(analyzer)


def _ids(paths: list[Path]) -> list[str]:
    return [p.name[:40] for p in paths]


pytestmark = pytest.mark.skipif(not LETTERS, reason=f"shared corpus not found at {CORPUS} (set OVERTURN_CORPUS)")


@pytest.mark.corpus
@pytest.mark.parametrize("path", LETTERS, ids=_ids(LETTERS))
def test_brands_codes_and_letter_dates_survive(redactor: Redactor, path: Path) -> None:
    text = letter_text(path)
    redacted = redactor.redact(text, PhiVault()).text
    for brand in BRANDS:
        assert len(re.findall(rf"\b{brand}\b", redacted)) == len(re.findall(rf"\b{brand}\b", text)), brand
    details = extract(text)
    for code in [*details.codes.cpt, *details.codes.hcpcs, *details.codes.icd10]:
        assert code in redacted, code
    if details.insurer:
        assert details.insurer in redacted
    letter_date = details.evidence.get("letter_date")
    if letter_date is not None:
        assert all(span.text in redacted for span in letter_date.spans)


@pytest.mark.corpus
@pytest.mark.parametrize("path", LETTERS, ids=_ids(LETTERS))
def test_hand_redaction_marks_are_not_taken_for_names(redactor: Redactor, path: Path) -> None:
    text = letter_text(path)
    for span in redactor.analyze(text):
        assert "[" not in text[span.start : span.end], text[span.start : span.end]  # "[CUSTOMER]" is no name


@pytest.mark.corpus
@pytest.mark.parametrize("path", LETTERS, ids=_ids(LETTERS))
def test_service_diagnosis_plan_states_and_clinical_words_survive(redactor: Redactor, path: Path) -> None:
    text = letter_text(path)
    spans = redactor.analyze(text)

    def redacted(start: int, end: int) -> list[str]:
        return [text[s.start : s.end] for s in spans if s.start < end and start < s.end]

    details = extract(text)
    for field in CONTENT_FIELDS:
        evidence = details.evidence.get(field)
        for span in evidence.spans if evidence else []:
            assert not redacted(span.start, span.end), (field, span.text)
    for match in _STATE.finditer(text):
        assert not redacted(match.start(), match.end()), match.group()
    for match in _WORD.finditer(text):
        if match.group().casefold() in CLINICAL_TERMS:
            assert not redacted(match.start(), match.end()), match.group()


@pytest.mark.corpus
@pytest.mark.skipif(not IMR_FINDINGS.is_file(), reason=f"IMR findings sample not found at {IMR_FINDINGS}")
def test_de_identified_imr_findings_lose_no_names_or_places(redactor: Redactor) -> None:
    """The findings name drugs the lists do not ("Omnitrope", "Orencia") and eponyms ("Guillain-Barre
    Syndrome"); nothing in them is a person or a place, so nothing may be redacted as one."""
    csv.field_size_limit(10_000_000)
    with IMR_FINDINGS.open(encoding="utf-8", newline="") as handle:
        findings = [row["Findings"] for row in csv.DictReader(handle) if row.get("Findings")]
    assert findings
    taken = [
        (span.entity_type, text[span.start : span.end])
        for text in findings
        for span in redactor.analyze(text)
        if span.entity_type in ("PERSON", "ADDRESS")
    ]
    assert taken == []
