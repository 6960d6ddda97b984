"""Run every guardrail on a redacted appeal letter, in a fixed order, into one report."""

from __future__ import annotations

from collections.abc import Callable

from graph.composition.facts import LetterFacts
from graph.guardrails.citations import check_citations
from graph.guardrails.grounding import check_grounding
from graph.guardrails.hygiene import check_hygiene
from graph.guardrails.placeholders import check_placeholders
from graph.guardrails.reason import check_reason
from graph.guardrails.remedy import check_remedy
from graph.guardrails.report import CheckResult, GuardrailReport
from graph.guardrails.rights import check_rights

Check = Callable[[str, LetterFacts], CheckResult]

CHECKS: tuple[Check, ...] = (
    check_grounding,
    check_citations,
    check_placeholders,
    check_reason,
    check_remedy,
    check_rights,
    check_hygiene,
)


def review_letter(letter: str, facts: LetterFacts) -> GuardrailReport:
    return GuardrailReport(results=[check(letter, facts) for check in CHECKS])
