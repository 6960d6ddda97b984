"""The redactor over the shared corpus: real (hand-redacted) denial letters, model notices and example appeals.

What must survive is checked against the extractor's own findings, so the two stay in step: every code, the
insurer, the letter date and the words "Humana", "Truvada", "Anthem" wherever a letter has them.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from presidio_analyzer import AnalyzerEngine

from graph.extraction.extractor import extract
from graph.redaction import Redactor
from store.vault import PhiVault

ROOT = Path(__file__).resolve().parents[3]
CORPUS = Path(os.environ.get("OVERTURN_CORPUS", ROOT.parent / "shared" / "corpus"))
LETTERS = sorted((CORPUS / "denials").glob("*.txt")) + sorted((CORPUS / "appeals").glob("*.txt"))
# Brand words spaCy's small model is prone to call a person.
BRANDS = ("Humana", "Truvada", "TRUVADA", "Anthem", "Pertzye", "PERTZYE", "Cigna", "Aetna", "Medicare", "Medicaid")


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
