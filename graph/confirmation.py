"""Confirming what the letter says: each fact with the letter's own words, and the member's corrections.

`confirmation_view` is what the member sees (JSON-able rows); `apply_correction` turns one typed correction
into new details, or a message saying what shape the value needs. A corrected fact is the member's word: it
carries confidence 1.0 and no letter span, and the letter the member sends may use it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum
from typing import Any

from dateutil import parser as date_parser
from pydantic import ValidationError

from graph.denial import (
    TEXT_FIELDS,
    AppealDeadline,
    Category,
    Codes,
    DenialDetails,
    FieldEvidence,
    PlanKind,
    ServiceKind,
)

LABELS: dict[str, str] = {
    "insurer": "Insurer",
    "plan_name": "Plan",
    "plan_kind": "Kind of plan",
    "service": "What was denied",
    "service_kind": "Kind of service",
    "diagnosis": "Diagnosis",
    "categories": "Why it was denied (kind)",
    "codes": "Codes",
    "reason": "The insurer's reason",
    "policy_cited": "Policy the insurer cited",
    "claim_id": "Claim number",
    "reference_id": "Reference number",
    "letter_date": "Date of the letter",
    "service_date": "Date of service",
    "appeal_deadline": "Appeal deadline",
    "expedited_available": "Fast (expedited) appeal offered",
    "appeal_address": "Where to send the appeal",
    "appeal_fax": "Appeal fax",
}
_TEXT_FIELDS = frozenset(TEXT_FIELDS)
_DATE_FIELDS = frozenset({"letter_date", "service_date"})
_CLEAR_WORDS = frozenset({"none", "clear", "remove", "-", "n/a", "na"})
_YES = frozenset({"yes", "y", "true"})
_NO = frozenset({"no", "n", "false"})
_MAX_VALUE_CHARS = 2000


@dataclass(frozen=True)
class CorrectionError:
    message: str


def _display(value: object) -> str:
    if value is None or value == [] or value == PlanKind.unknown:
        return ""
    if isinstance(value, Enum):
        return str(value.value).replace("_", " ")
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(_display(item) for item in value)
    if isinstance(value, Codes):
        return ", ".join(code for kind in ("cpt", "hcpcs", "icd10", "carc") for code in getattr(value, kind))
    if isinstance(value, AppealDeadline):
        parts = [value.date.isoformat()] if value.date else []
        if value.days:
            parts.append(f"{value.days} days" + (f" from {value.counted_from}" if value.counted_from else ""))
        return "; ".join(parts)
    return str(value)


def _evidence_for(details: DenialDetails, name: str) -> tuple[float | None, str]:
    keys = [key for key in details.evidence if key == name or key.startswith(f"{name}.")]
    spans = [span for key in keys for span in details.evidence[key].spans]
    confidences = [details.evidence[key].confidence for key in keys]
    words = " … ".join(" ".join(span.text.split()) for span in spans[:3])
    return (min(confidences) if confidences else None), words


def confirmation_view(details: DenialDetails) -> list[dict[str, Any]]:
    """One row per fact: field, label, value as shown, confidence (None when unknown) and the letter's words."""
    rows = []
    for name, label in LABELS.items():
        confidence, words = _evidence_for(details, name)
        rows.append(
            {
                "field": name,
                "label": label,
                "value": _display(getattr(details, name)),
                "confidence": confidence,
                "evidence": words,
            }
        )
    return rows


def _parse_date(raw: str) -> dt.date | None:
    try:
        return date_parser.parse(raw, default=dt.datetime(2000, 1, 1)).date() if re.search(r"\d", raw) else None
    except (ValueError, OverflowError):
        return None


def _enum_value(enum: type[Enum], raw: str) -> Enum | None:
    wanted = re.sub(r"[\s\-]+", "_", raw.strip().lower())
    return next((member for member in enum if member.value == wanted), None)


def _parsed(name: str, raw: str) -> object | CorrectionError:
    if name in _TEXT_FIELDS:
        return raw
    if name in _DATE_FIELDS or name == "appeal_deadline":
        date = _parse_date(raw)
        if date is None:
            return CorrectionError("Please give a date such as 2025-03-14 or March 14, 2025.")
        return AppealDeadline(date=date) if name == "appeal_deadline" else date
    if name == "expedited_available":
        word = raw.strip().lower().rstrip(".!")
        if word in _YES or word in _NO:
            return word in _YES
        return CorrectionError("Please answer yes or no.")
    if name in ("plan_kind", "service_kind"):
        enum: type[Enum] = PlanKind if name == "plan_kind" else ServiceKind
        member = _enum_value(enum, raw)
        if member is None:
            choices = ", ".join(m.value.replace("_", " ") for m in enum)
            return CorrectionError(f"Please choose one of: {choices}.")
        return member
    if name == "categories":
        found = [_enum_value(Category, part) for part in re.split(r"[,;]", raw) if part.strip()]
        if not found or any(item is None for item in found):
            choices = ", ".join(c.value.replace("_", " ") for c in Category)
            return CorrectionError(f"Please list one or more of: {choices}.")
        return list(dict.fromkeys(found))
    return CorrectionError(
        "Codes are read from the letter and cannot be typed in; tell us about them in the questions."
    )


def apply_correction(details: DenialDetails, name: str, raw: str) -> DenialDetails | CorrectionError:
    """`details` with one field replaced by the member's value ("none" clears a field)."""
    if name not in LABELS:
        return CorrectionError("That is not one of the facts listed; type the name shown in the first column.")
    value_text = " ".join(raw.split())
    if len(value_text) > _MAX_VALUE_CHARS:
        return CorrectionError(f"Please keep a correction under {_MAX_VALUE_CHARS} characters.")
    if value_text.lower() in _CLEAR_WORDS or not value_text:
        if name == "codes":
            return CorrectionError("Codes are read from the letter and cannot be cleared here.")
        value: object = [] if name == "categories" else PlanKind.unknown if name == "plan_kind" else None
    else:
        parsed = _parsed(name, value_text)
        if isinstance(parsed, CorrectionError):
            return parsed
        value = parsed
    evidence = {key: ev for key, ev in details.evidence.items() if key != name and not key.startswith(f"{name}.")}
    if value not in (None, [], PlanKind.unknown):
        evidence[name] = FieldEvidence(spans=[], confidence=1.0)
    try:
        return DenialDetails.model_validate(
            {**details.model_dump(), name: value, "evidence": {k: v.model_dump() for k, v in evidence.items()}}
        )
    except ValidationError:
        return CorrectionError("That value does not fit this fact; please check it and try again.")
