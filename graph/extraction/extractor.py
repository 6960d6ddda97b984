"""The rule-based extractor: run every finder over the letter and merge what they found into DenialDetails.

Plain fields keep their most confident finding (the earliest on a tie); list fields keep every distinct item in
the order the letter gives them. A value that is or holds a redaction mark never becomes a fact.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from graph.denial import Category, Codes, DenialDetails, FieldEvidence, Span
from graph.extraction.categories import find_categories
from graph.extraction.codes import find_codes
from graph.extraction.contacts import find_appeal_contacts
from graph.extraction.dates import find_dates
from graph.extraction.deadlines import find_deadlines
from graph.extraction.identifiers import find_identifiers
from graph.extraction.insurers import find_insurer
from graph.extraction.letter import Finding, Letter
from graph.extraction.model_proposal import ground_proposal
from graph.extraction.placeholders import is_placeholder
from graph.extraction.plan_kind import find_plan_kind
from graph.extraction.reason import find_policy, find_reason
from graph.extraction.sections import find_sections
from graph.extraction.service import find_diagnosis, find_service, infer_service_kind

Finder = Callable[[Letter], list[Finding]]

FINDERS: tuple[Finder, ...] = (
    find_insurer,
    find_plan_kind,
    find_service,
    find_diagnosis,
    find_codes,
    find_categories,
    find_reason,
    find_policy,
    find_identifiers,
    find_dates,
    find_deadlines,
    find_appeal_contacts,
)

_LIST_FIELDS = {"categories", "codes.cpt", "codes.hcpcs", "codes.icd10", "codes.carc"}
# Below this a finding is a hint, not a fact a member should be asked to confirm.
MIN_CONFIDENCE = 0.5


def extract(text: str) -> DenialDetails:
    return merge_findings(find_all(text))


def extract_with_proposal(text: str, proposal: Mapping[str, object]) -> DenialDetails:
    """The rules' findings and a model's proposal, the proposal kept only where the letter says it."""
    return merge_findings([*find_all(text), *ground_proposal(text, proposal)])


def find_all(text: str) -> list[Finding]:
    letter = Letter.of(text, find_sections(text))
    return [finding for finder in FINDERS for finding in finder(letter)]


def merge_findings(findings: Iterable[Finding]) -> DenialDetails:
    best: dict[str, Finding] = {}
    items: dict[str, dict[object, Finding]] = {key: {} for key in _LIST_FIELDS}
    for finding in findings:
        if finding.confidence < MIN_CONFIDENCE or _holds_placeholder(finding.value):
            continue
        if finding.field in _LIST_FIELDS:
            seen = items[finding.field]
            if finding.value in seen:
                seen[finding.value] = _combine(seen[finding.value], finding)
            else:
                seen[finding.value] = finding
        elif finding.field not in best or finding.confidence > best[finding.field].confidence:
            best[finding.field] = finding

    values: dict[str, Any] = {key: finding.value for key, finding in best.items()}
    evidence = {key: _evidence(finding) for key, finding in best.items()}

    categories = _ordered(items["categories"])
    if len(categories) > 1:
        categories = [c for c in categories if c.value is not Category.other]
    values["categories"] = [c.value for c in categories]
    evidence.update({f"categories.{c.value}": _evidence(c) for c in categories})

    code_lists: dict[str, list[str]] = {}
    for key in ("cpt", "hcpcs", "icd10", "carc"):
        found = _ordered(items[f"codes.{key}"])
        code_lists[key] = [str(f.value) for f in found]
        evidence.update({f"codes.{key}.{f.value}": _evidence(f) for f in found})
    values["codes"] = Codes(**code_lists)

    kind = infer_service_kind(values.get("service"), values["codes"])
    if kind is not None:
        values["service_kind"] = kind
        evidence["service_kind"] = evidence.get("service") or _code_evidence(evidence)
    return DenialDetails(**values, evidence=evidence)


def _holds_placeholder(value: object) -> bool:
    return isinstance(value, str) and is_placeholder(value)


def _combine(first: Finding, again: Finding) -> Finding:
    spans = first.spans + tuple(s for s in again.spans if s not in first.spans)
    return Finding(first.field, first.value, spans, max(first.confidence, again.confidence))


def _ordered(found: dict[object, Finding]) -> list[Finding]:
    return sorted(found.values(), key=lambda f: min((s.start for s in f.spans), default=0))


def _evidence(finding: Finding) -> FieldEvidence:
    spans: list[Span] = sorted(set(finding.spans), key=lambda s: (s.start, s.end))
    return FieldEvidence(spans=spans, confidence=round(finding.confidence, 3))


def _code_evidence(evidence: dict[str, FieldEvidence]) -> FieldEvidence:
    spans = [span for key, ev in evidence.items() if key.startswith("codes.") for span in ev.spans]
    return FieldEvidence(spans=spans[:3], confidence=0.6)
