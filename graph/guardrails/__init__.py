"""Checks every appeal letter must pass before a member sees it.

Plain, deterministic checks of a redacted letter (placeholders still in it) against its LetterFacts: no model
calls, no I/O. `review_letter` runs them all; each `check_*` is usable alone.
"""

from graph.guardrails.citations import check_citations
from graph.guardrails.grounding import check_grounding
from graph.guardrails.hygiene import check_hygiene
from graph.guardrails.placeholders import check_placeholders
from graph.guardrails.reason import check_reason
from graph.guardrails.remedy import check_remedy
from graph.guardrails.report import CheckResult, GuardrailReport
from graph.guardrails.review import CHECKS, review_letter
from graph.guardrails.rights import check_rights

__all__ = [
    "CHECKS",
    "CheckResult",
    "GuardrailReport",
    "check_citations",
    "check_grounding",
    "check_hygiene",
    "check_placeholders",
    "check_reason",
    "check_remedy",
    "check_rights",
    "review_letter",
]
