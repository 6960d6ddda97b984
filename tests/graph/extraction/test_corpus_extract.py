"""The whole extractor over the shared corpus of real denial letters and model notices, against our labels.

Labels live in tests/fixtures/corpus_labels.yaml: a field listed there must come out exactly so (null included);
categories compare as sets; `reason_starts` / `reason_ends` check the verbatim reason's edges.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from graph.denial import DenialDetails
from graph.extraction.extractor import extract

ROOT = Path(__file__).resolve().parents[3]
LABELS: dict[str, dict[str, Any]] = yaml.safe_load((ROOT / "tests" / "fixtures" / "corpus_labels.yaml").read_text())
CORPUS = Path(os.environ.get("OVERTURN_CORPUS", ROOT.parent / "shared" / "corpus"))


def letter_text(name: str) -> str:
    path = CORPUS / "denials" / name
    if not path.exists():
        pytest.skip(f"corpus letter {path} not found (set OVERTURN_CORPUS to the shared corpus)")
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(line for line in lines if not line.startswith("# "))


def _actual(details: DenialDetails, field: str) -> Any:
    if field == "categories":
        return {c.value for c in details.categories}
    if field == "codes":
        return details.codes.model_dump()
    if field == "appeal_deadline":
        deadline = details.appeal_deadline
        return None if deadline is None else deadline.model_dump(mode="json", exclude_none=True)
    value = getattr(details, field)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value.value if hasattr(value, "value") else value


def _expected(field: str, value: Any) -> Any:
    if field == "categories":
        return set(value)
    if field == "codes":
        return {"cpt": [], "hcpcs": [], "icd10": [], "carc": [], **value}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(LABELS))
def test_every_labelled_field_is_right(name: str) -> None:
    text = letter_text(name)
    details = extract(text)
    wrong = {}
    for field, label in LABELS[name].items():
        if field == "reason_starts":
            ok = (details.reason or "").startswith(label)
            actual: Any = details.reason
        elif field == "reason_ends":
            ok = (details.reason or "").endswith(label)
            actual = details.reason
        else:
            actual = _actual(details, field)
            ok = actual == _expected(field, label)
        if not ok:
            wrong[field] = {"expected": label, "got": actual}
    assert not wrong, wrong
    for key, evidence in details.evidence.items():
        for span in evidence.spans:
            assert text[span.start : span.end] == span.text, key


@pytest.mark.corpus
def test_every_corpus_letter_is_labelled() -> None:
    if not (CORPUS / "denials").is_dir():
        pytest.skip(f"corpus not found at {CORPUS} (set OVERTURN_CORPUS)")
    assert {p.name for p in (CORPUS / "denials").glob("*.txt")} <= set(LABELS)
