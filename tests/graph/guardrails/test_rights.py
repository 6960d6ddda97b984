from __future__ import annotations

import datetime as dt

import pytest

from graph.composition.rights import appeal_rights
from graph.denial import AppealDeadline, PlanKind
from graph.guardrails.rights import check_rights
from tests.graph.guardrails.letters import FACTS, GOOD_LETTER, RIGHTS_PARAGRAPH, corrupted

pytestmark = pytest.mark.unit

_DEADLINE = "August 30, 2025"


def test_the_good_letter_keeps_its_rights() -> None:
    assert check_rights(GOOD_LETTER, FACTS).passed


@pytest.mark.parametrize("kind", list(PlanKind))
def test_each_plan_kind_s_own_rights_sentence_passes(kind: PlanKind) -> None:
    facts = FACTS.model_copy(update={"plan_kind": kind})
    letter = corrupted(RIGHTS_PARAGRAPH, appeal_rights(kind).next_level)
    assert check_rights(letter, facts).problems == []


@pytest.mark.parametrize("kind", list(PlanKind))
@pytest.mark.parametrize("other", list(PlanKind))
def test_another_kind_s_rights_sentence_fails_unless_compatible(kind: PlanKind, other: PlanKind) -> None:
    rights = appeal_rights(kind)
    sentence = appeal_rights(other).next_level
    letter = corrupted(RIGHTS_PARAGRAPH, sentence)
    required = any(phrase.lower() in sentence.lower() for phrase in rights.required_any)
    forbidden = any(phrase.lower() in sentence.lower() for phrase in rights.forbidden)
    result = check_rights(letter, FACTS.model_copy(update={"plan_kind": kind}))
    assert result.passed == (required and not forbidden)


def test_medicare_rights_in_an_erisa_letter_fail() -> None:
    letter = corrupted(RIGHTS_PARAGRAPH, appeal_rights(PlanKind.medicare_advantage).next_level)
    assert check_rights(letter, FACTS).problems == [
        "the letter does not keep the member's further appeal rights (plan kind: employer erisa): say "
        '"external review" or "ERISA"',
        '"Independent Review Entity" names another kind of plan\'s appeal process (plan kind: employer erisa)',
        '"Administrative Law Judge" names another kind of plan\'s appeal process (plan kind: employer erisa)',
    ]


def test_a_forbidden_phrase_anywhere_fails() -> None:
    letter = corrupted("Sincerely,", "I may also ask for a fair hearing.\n\nSincerely,")
    assert check_rights(letter, FACTS).problems == [
        '"fair hearing" names another kind of plan\'s appeal process (plan kind: employer erisa)'
    ]


def test_a_missing_deadline_date_fails() -> None:
    letter = corrupted(f" I am sending this appeal well before the {_DEADLINE} deadline.", "")
    assert check_rights(letter, FACTS).problems == ["the letter does not mention the appeal deadline, August 30, 2025"]


@pytest.mark.parametrize("written", ["8/30/2025", "2025-08-30", "Aug. 30, 2025", "08/30/25"])
def test_the_deadline_may_be_written_in_any_date_form(written: str) -> None:
    assert check_rights(corrupted(_DEADLINE, written), FACTS).passed


def test_a_deadline_month_alone_is_not_enough() -> None:
    assert not check_rights(corrupted(_DEADLINE, "August 2025"), FACTS).passed


@pytest.mark.parametrize(
    "deadline", [None, AppealDeadline(days=180, counted_from="the date of this notice")], ids=["none", "days"]
)
def test_a_deadline_without_a_date_need_not_be_repeated(deadline: AppealDeadline | None) -> None:
    letter = corrupted(f" I am sending this appeal well before the {_DEADLINE} deadline.", "")
    assert check_rights(letter, FACTS.model_copy(update={"appeal_deadline": deadline})).passed


def test_another_date_does_not_stand_for_the_deadline() -> None:
    facts = FACTS.model_copy(update={"appeal_deadline": AppealDeadline(date=dt.date(2025, 9, 1))})
    assert not check_rights(GOOD_LETTER, facts).passed
