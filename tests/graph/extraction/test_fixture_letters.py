"""The whole extractor over letters we wrote in layouts the corpus lacks (EOB, Part D, UM vendor, PBM, Medicaid)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from graph.extraction.extractor import extract
from tests.graph.extraction.labels import assert_evidence_indexes, wrong_fields

LETTERS = Path(__file__).resolve().parents[2] / "fixtures" / "letters"
LABELS: dict[str, dict[str, Any]] = yaml.safe_load((LETTERS / "labels.yaml").read_text())


@pytest.mark.unit
@pytest.mark.parametrize("name", sorted(LABELS))
def test_every_labelled_field_is_right(name: str) -> None:
    text = (LETTERS / name).read_text(encoding="utf-8")
    details = extract(text)
    wrong = wrong_fields(details, LABELS[name])
    assert not wrong, wrong
    assert_evidence_indexes(details, text)


@pytest.mark.unit
def test_every_fixture_letter_is_labelled() -> None:
    assert {p.name for p in LETTERS.glob("*.txt")} == set(LABELS)
