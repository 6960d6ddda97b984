"""DenialDetails as a table a person reads at a glance: each fact, how sure we are, and the letter's words."""

from __future__ import annotations

import textwrap
from enum import Enum

from graph.denial import DenialDetails, FieldEvidence

_ORDER = (
    "insurer",
    "plan_name",
    "plan_kind",
    "service",
    "service_kind",
    "diagnosis",
    "categories",
    "codes",
    "reason",
    "policy_cited",
    "claim_id",
    "reference_id",
    "letter_date",
    "service_date",
    "appeal_deadline",
    "expedited_available",
    "appeal_address",
    "appeal_fax",
)
_LABEL_WIDTH = 20
_VALUE_WIDTH = 48
_QUOTE_WIDTH = 60


def _show(value: object) -> str:
    if value is None or value == [] or value == "unknown":
        return "—"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _quote(evidence: FieldEvidence | None, value: str = "") -> str:
    """The letter's words for a fact: the span that holds the value itself where there is one, else the first."""
    if evidence is None or not evidence.spans:
        return ""
    holding = [span for span in evidence.spans if value and value.lower() in span.text.lower()]
    words = " ".join((holding or evidence.spans)[0].text.split())
    return f'{evidence.confidence:.2f}  "{textwrap.shorten(words, _QUOTE_WIDTH, placeholder="…")}"'


def _rows(details: DenialDetails) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []
    for name in _ORDER:
        if name == "categories":
            if not details.categories:
                rows.append((name, "—", ""))
            for category in details.categories:
                rows.append((name, category.value, _quote(details.evidence.get(f"categories.{category.value}"))))
        elif name == "codes":
            codes = [
                (kind, code) for kind in ("cpt", "hcpcs", "icd10", "carc") for code in getattr(details.codes, kind)
            ]
            if not codes:
                rows.append((name, "—", ""))
            for kind, code in codes:
                rows.append((f"codes.{kind}", code, _quote(details.evidence.get(f"codes.{kind}.{code}"))))
        elif name == "appeal_deadline" and details.appeal_deadline is not None:
            deadline = details.appeal_deadline
            parts = [str(deadline.date)] if deadline.date else []
            if deadline.days:
                parts.append(
                    f"{deadline.days} days" + (f" from {deadline.counted_from}" if deadline.counted_from else "")
                )
            rows.append((name, "; ".join(parts), _quote(details.evidence.get(name))))
        else:
            shown = _show(getattr(details, name))
            rows.append((name, shown, _quote(details.evidence.get(name), shown)))
    return rows


def render_table(details: DenialDetails) -> str:
    lines = [
        f"{'field':<{_LABEL_WIDTH}}{'value':<{_VALUE_WIDTH}}  confidence and the letter's words",
        "-" * 140,
    ]
    for label, value, quote in _rows(details):
        wrapped = textwrap.wrap(value, _VALUE_WIDTH) or [""]
        lines.append(f"{label:<{_LABEL_WIDTH}}{wrapped[0]:<{_VALUE_WIDTH}}  {quote}".rstrip())
        lines.extend(f"{'':<{_LABEL_WIDTH}}{more}" for more in wrapped[1:])
    return "\n".join(lines)
