from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable

import pytest

from graph.composition.facts import AnsweredQuestion
from graph.composition.rights import appeal_rights
from graph.composition.template_letter import (
    BASE_TEMPLATE,
    UNKNOWN_SERVICE,
    TemplateLetter,
    reason_quote,
    template_letter,
)
from graph.denial import AppealDeadline, Category, PlanKind
from prompts.loader import PROMPTS_DIR
from tests.graph.composition.helpers import KEY_IDEAS, contract_violations, empty_facts, full_facts

pytestmark = pytest.mark.unit

EVERY_CASE = [(category, plan_kind) for category in Category for plan_kind in PlanKind]


def _assert_clean(text: str) -> None:
    assert "{{" not in text and "}}" not in text and "{%" not in text
    assert "None" not in text
    assert "  " not in text
    assert "\n\n\n" not in text
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_every_category_has_its_template() -> None:
    for category in Category:
        assert (PROMPTS_DIR / "letters" / f"{category.value}.j2").is_file()


@pytest.mark.parametrize(("category", "plan_kind"), EVERY_CASE)
def test_a_full_letter_keeps_the_contract(category: Category, plan_kind: PlanKind) -> None:
    facts = full_facts(category, plan_kind)
    letter = template_letter(facts)
    text = letter.text
    _assert_clean(text)
    assert letter.template == f"letters/{category.value}.j2"
    assert "MRI of the left knee" in text
    assert appeal_rights(plan_kind).next_level in text
    assert "reverse this denial" in text and "approve and cover" in text
    re_line = next(line for line in text.splitlines() if line.startswith("RE:"))
    assert "[CLAIM_NUMBER_1]" in re_line and "[REFERENCE_NUMBER_1]" in re_line
    assert text.rstrip().endswith("Sincerely,\n\n[PERSON_1]")
    assert text.startswith("March 3, 2025\n")
    assert "January 20, 2025" in text and "February 10, 2025" in text
    assert "before August 8, 2025" in text
    assert "expedited review" in text
    if KEY_IDEAS[category]:
        assert any(idea in text.lower() for idea in KEY_IDEAS[category])
    assert contract_violations(text, facts) == []


@pytest.mark.parametrize(("category", "plan_kind"), EVERY_CASE)
def test_a_letter_with_nothing_known_still_reads_as_a_letter(category: Category, plan_kind: PlanKind) -> None:
    facts = empty_facts(plan_kind, categories=[category])
    text = template_letter(facts).text
    _assert_clean(text)
    assert UNKNOWN_SERVICE in text
    assert "RE: Appeal of a coverage denial\n" in text
    assert "Dear Appeals Reviewer," in text
    assert appeal_rights(plan_kind).next_level in text
    assert "[" not in text and "expedited" not in text.lower()
    assert text.rstrip().endswith("Sincerely,")
    assert contract_violations(text, facts) == []


def test_no_categories_means_the_other_template() -> None:
    facts = empty_facts()
    letter = template_letter(facts)
    assert letter.template == "letters/other.j2"
    _assert_clean(letter.text)
    assert contract_violations(letter.text, facts) == []


@pytest.mark.parametrize("plan_kind", list(PlanKind))
def test_each_fact_alone_keeps_the_contract(plan_kind: PlanKind) -> None:
    full = full_facts(Category.step_therapy, plan_kind).model_dump()
    for field in full:
        if field in ("today", "plan_kind", "categories"):
            continue
        facts = empty_facts(plan_kind, categories=[Category.step_therapy], **{field: full[field]})
        text = template_letter(facts).text
        _assert_clean(text)
        assert contract_violations(text, facts) == [], field


def test_additional_categories_each_get_a_sentence() -> None:
    categories = [Category.medical_necessity, *[c for c in Category if c is not Category.medical_necessity]]
    facts = full_facts(categories=categories)
    text = template_letter(facts).text
    assert template_letter(facts).template == "letters/medical_necessity.j2"
    for category in categories[1:]:
        if KEY_IDEAS[category]:
            assert any(idea in text.lower() for idea in KEY_IDEAS[category]), category
    assert text.count("Your letter also") + text.count("I also ask") == len(categories) - 2  # "other" adds none
    assert contract_violations(text, facts) == []


def test_a_repeated_category_adds_nothing() -> None:
    once = template_letter(full_facts(categories=[Category.formulary, Category.step_therapy])).text
    twice = template_letter(
        full_facts(categories=[Category.formulary, Category.step_therapy, Category.formulary, Category.step_therapy])
    ).text
    assert once == twice


def test_the_reason_is_quoted_when_safe() -> None:
    text = template_letter(full_facts(reason="Not medically necessary")).text
    assert "this reason for the denial: “Not medically necessary.” I disagree" in text


@pytest.mark.parametrize(
    ("reason", "quote"),
    [
        ("Denied under 42 C.F.R. 422.101 criteria.", "“Denied under … criteria.”"),
        ("See section 4 of the handbook", "“See … of the handbook.”"),
        ("As the Social Security Act requires, this is denied.", "“As the … requires, this is denied.”"),
        ("You may ask for a fair hearing.", "“You may ask for a ….”"),  # a Medicaid process in an ERISA letter
        ("Per Smith et al. (2019) and Doe v. Acme Health, it is unproven.", "“Per … and …, it is unproven.”"),
        ("42 CFR 411.15", None),
        ("  “Not covered”  ", "“Not covered.”"),
    ],
)
def test_a_reason_is_quoted_without_what_would_break_the_contract(reason: str, quote: str | None) -> None:
    facts = full_facts(Category.medical_necessity, reason=reason, policy_cited=None)
    assert reason_quote(facts) == quote
    text = template_letter(facts).text
    assert contract_violations(text, facts) == []
    if quote:
        assert f"this reason for the denial: {quote} I disagree" in text


def test_the_policy_the_insurer_cited_may_be_quoted_with_the_reason() -> None:
    facts = full_facts(reason="Denied under Policy section 7.2.", policy_cited="Policy section 7.2")
    assert reason_quote(facts) == "“Denied under Policy section 7.2.”"
    assert contract_violations(template_letter(facts).text, facts) == []


def test_urgency_without_an_offered_expedited_appeal_asks_for_none() -> None:
    for available in (False, None):
        text = template_letter(full_facts(expedited_available=available)).text
        assert "expedited" not in text.lower()


def test_an_offered_expedited_appeal_without_urgency_asks_for_none() -> None:
    facts = full_facts(answers=[])
    assert "expedited" not in template_letter(facts).text.lower()


def test_a_passed_deadline_is_not_claimed_as_met() -> None:
    facts = full_facts(appeal_deadline=AppealDeadline(date=dt.date(2025, 1, 5)))
    text = template_letter(facts).text
    assert "before January 5, 2025" not in text
    assert "January 5, 2025 as the appeal deadline" in text


def test_a_deadline_in_days_only_adds_no_number() -> None:
    facts = full_facts(appeal_deadline=AppealDeadline(days=45, counted_from="the date of this notice"))
    text = template_letter(facts).text
    assert "45" not in text and "deadline" not in text


def test_member_answers_appear_as_their_statements() -> None:
    text = template_letter(full_facts()).text
    assert "My doctor told me that I need this care urgently. I started physical therapy on November 4, 2024." in text


def test_an_answer_with_a_blank_statement_is_left_out() -> None:
    blank = AnsweredQuestion(question_id="x_y", area="a", question="Q?", answer="yes", statement=" ")
    text = template_letter(full_facts(answers=[blank])).text
    assert "About my care" not in text


def test_dates_read_as_month_day_year() -> None:
    text = template_letter(full_facts(today=dt.date(2025, 12, 1))).text
    assert text.startswith("December 1, 2025\n")
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)


def test_the_version_covers_the_template_and_its_base() -> None:
    letter = template_letter(full_facts(Category.formulary))
    child = hashlib.sha256((PROMPTS_DIR / "letters/formulary.j2").read_bytes()).hexdigest()
    base = hashlib.sha256((PROMPTS_DIR / BASE_TEMPLATE).read_bytes()).hexdigest()
    expected = hashlib.sha256(f"letters/formulary.j2:{child}\n{BASE_TEMPLATE}:{base}\n".encode()).hexdigest()
    assert letter.version == expected
    assert isinstance(letter, TemplateLetter)


def test_rendering_is_deterministic() -> None:
    assert template_letter(full_facts()) == template_letter(full_facts())


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (lambda t: t.replace("MRI of the left knee", "MRI of the left knee on 4 mg of Drug 12345", 1), "ungrounded"),
        (lambda t: t + "\nSee 45 C.F.R. 147.136.\n", "citation"),
        (lambda t: t.replace("[PERSON_1]", "[PERSON_2]"), "placeholder"),
        (lambda t: t.replace("reverse this denial", "look again at this"), "remedy"),
        (lambda t: t + "\nI will ask for a fair hearing.\n", "forbidden"),
        (lambda t: t.replace("before August 8, 2025", "soon"), "deadline"),
    ],
)
def test_the_contract_reading_catches_a_broken_letter(edit: Callable[[str], str], problem: str) -> None:
    facts = full_facts()
    text = template_letter(facts).text
    problems = contract_violations(edit(text), facts)
    assert any(problem in found for found in problems), problems
