"""The whole extractor over the shared corpus of real denial letters and model notices, against our labels.

Labels live in tests/fixtures/corpus_labels.yaml; tests/graph/extraction/labels.py says how they compare.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from graph.extraction.extractor import extract
from tests.graph.extraction.labels import assert_evidence_indexes, wrong_fields

ROOT = Path(__file__).resolve().parents[3]
LABELS: dict[str, dict[str, Any]] = yaml.safe_load((ROOT / "tests" / "fixtures" / "corpus_labels.yaml").read_text())
CORPUS = Path(os.environ.get("OVERTURN_CORPUS", ROOT.parent / "shared" / "corpus"))


def letter_text(name: str) -> str:
    path = CORPUS / "denials" / name
    if not path.exists():
        pytest.skip(f"corpus letter {path} not found (set OVERTURN_CORPUS to the shared corpus)")
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(line for line in lines if not line.startswith("# "))


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(LABELS))
def test_every_labelled_field_is_right(name: str) -> None:
    text = letter_text(name)
    details = extract(text)
    wrong = wrong_fields(details, LABELS[name])
    assert not wrong, wrong
    assert_evidence_indexes(details, text)


@pytest.mark.corpus
def test_every_corpus_letter_is_labelled() -> None:
    if not (CORPUS / "denials").is_dir():
        pytest.skip(f"corpus not found at {CORPUS} (set OVERTURN_CORPUS)")
    assert {p.name for p in (CORPUS / "denials").glob("*.txt")} <= set(LABELS)
