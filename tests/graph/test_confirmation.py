"""Confirming the letter's facts: what the member sees, and every kind of correction (table-driven)."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.confirmation import LABELS, CorrectionError, apply_correction, confirmation_view
from graph.denial import AppealDeadline, Category, DenialDetails, FieldEvidence, PlanKind, ServiceKind, Span

pytestmark = pytest.mark.unit

DETAILS = DenialDetails(
    insurer="Aetna",
    service="MRI of the knee",
    categories=[Category.medical_necessity],
    letter_date=dt.date(2026, 1, 2),
    evidence={
        "service": FieldEvidence(spans=[Span(start=10, end=25, text="MRI of the knee")], confidence=0.9),
        "categories.medical_necessity": FieldEvidence(
            spans=[Span(start=40, end=63, text="not medically necessary")], confidence=0.8
        ),
    },
)


def test_the_view_has_every_fact_with_its_words_and_confidence() -> None:
    rows = {row["field"]: row for row in confirmation_view(DETAILS)}
    assert list(rows) == list(LABELS)
    assert rows["service"] == {
        "field": "service",
        "label": "What was denied",
        "value": "MRI of the knee",
        "confidence": 0.9,
        "evidence": "MRI of the knee",
    }
    assert rows["categories"]["value"] == "medical necessity"
    assert rows["categories"]["evidence"] == "not medically necessary"
    assert rows["plan_name"]["value"] == "" and rows["plan_name"]["confidence"] is None


@pytest.mark.parametrize(
    ("field", "typed", "expected"),
    [
        ("service", "  MRI of the left knee ", "MRI of the left knee"),
        ("service_date", "March 4, 2026", dt.date(2026, 3, 4)),
        ("letter_date", "2026-01-03", dt.date(2026, 1, 3)),
        ("appeal_deadline", "07/01/2026", AppealDeadline(date=dt.date(2026, 7, 1))),
        ("expedited_available", "Yes", True),
        ("expedited_available", "no", False),
        ("plan_kind", "Medicare Advantage", PlanKind.medicare_advantage),
        ("service_kind", "imaging", ServiceKind.imaging),
        ("categories", "step therapy, formulary", [Category.step_therapy, Category.formulary]),
        ("insurer", "none", None),
        ("plan_kind", "clear", PlanKind.unknown),
        ("categories", "", []),
    ],
)
def test_a_correction_replaces_the_fact_and_is_the_members_word(field: str, typed: str, expected: object) -> None:
    corrected = apply_correction(DETAILS, field, typed)
    assert isinstance(corrected, DenialDetails)
    assert getattr(corrected, field) == expected
    if expected not in (None, [], PlanKind.unknown):
        assert corrected.evidence[field] == FieldEvidence(spans=[], confidence=1.0)
    else:
        assert field not in corrected.evidence
    if field == "categories":
        assert "categories.medical_necessity" not in corrected.evidence


@pytest.mark.parametrize(
    ("field", "typed", "says"),
    [
        ("service_date", "soonish", "date"),
        ("expedited_available", "maybe", "yes or no"),
        ("plan_kind", "gold plan", "choose one of"),
        ("categories", "because", "list one or more"),
        ("codes", "99213", "cannot be typed"),
        ("codes", "none", "cannot be cleared"),
        ("favourite_colour", "blue", "not one of the facts"),
        ("reason", "x" * 2001, "under 2000 characters"),
    ],
)
def test_a_correction_that_does_not_fit_says_what_is_needed(field: str, typed: str, says: str) -> None:
    result = apply_correction(DETAILS, field, typed)
    assert isinstance(result, CorrectionError)
    assert says in result.message.lower()
