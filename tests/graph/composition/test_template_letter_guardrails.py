"""The template letters against the real guardrails: a fallback letter must never be one the checks reject."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.composition.facts import LetterFacts
from graph.composition.template_letter import template_letter
from graph.denial import AppealDeadline, Category, PlanKind
from graph.guardrails import review_letter
from tests.graph.composition.helpers import empty_facts, full_facts

pytestmark = pytest.mark.unit

# Citations the letter may not repeat and appeal processes of other plan kinds: the quote leaves them out, and
# keeps enough of the insurer's words (eight in a row) to count as quoting the reason.
AWKWARD_REASON = (
    "Under 42 C.F.R. 422.101, Smith et al. (2019) and the ERISA rules, the plan does not cover this service for "
    "your diagnosis, and you may ask for a fair hearing or an external review."
)


def _assert_passes(facts: LetterFacts) -> None:
    report = review_letter(template_letter(facts).text, facts)
    failed = {result.name: result.problems for result in report.results if result.problems}
    assert failed == {}, facts.model_dump(exclude_defaults=True)


@pytest.mark.parametrize("plan_kind", list(PlanKind))
@pytest.mark.parametrize("category", list(Category))
def test_every_template_letter_passes_every_guardrail(category: Category, plan_kind: PlanKind) -> None:
    _assert_passes(empty_facts(plan_kind, categories=[category]))
    _assert_passes(full_facts(category, plan_kind, categories=[category, *Category], reason=AWKWARD_REASON))


@pytest.mark.parametrize("category", list(Category))
def test_a_letter_from_any_single_fact_passes_every_guardrail(category: Category) -> None:
    plan_kinds = list(PlanKind)
    plan_kind = plan_kinds[list(Category).index(category) % len(plan_kinds)]  # each plan kind gets its turn
    full = full_facts(category, plan_kind, appeal_deadline=AppealDeadline(date=dt.date(2025, 1, 5)))
    for field, value in full.model_dump().items():
        if field not in ("today", "plan_kind", "categories"):
            _assert_passes(empty_facts(plan_kind, categories=[category], **{field: value}))
