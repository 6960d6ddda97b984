"""Comparing extracted DenialDetails with our labels (YAML): which labelled fields came out wrong."""

from __future__ import annotations

import datetime as dt
from typing import Any

from graph.denial import DenialDetails


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


def wrong_fields(details: DenialDetails, labels: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every labelled field whose value differs: {field: {expected, got}}. `reason_starts`/`reason_ends` check
    the edges of the verbatim reason; categories compare as sets; null labels must come out null."""
    wrong: dict[str, dict[str, Any]] = {}
    for field, label in labels.items():
        if field == "reason_starts":
            ok, actual = (details.reason or "").startswith(label), details.reason
        elif field == "reason_ends":
            ok, actual = (details.reason or "").endswith(label), details.reason
        else:
            actual = _actual(details, field)
            ok = actual == _expected(field, label)
        if not ok:
            wrong[field] = {"expected": label, "got": actual}
    return wrong


def assert_evidence_indexes(details: DenialDetails, text: str) -> None:
    for key, evidence in details.evidence.items():
        for span in evidence.spans:
            assert text[span.start : span.end] == span.text, key
