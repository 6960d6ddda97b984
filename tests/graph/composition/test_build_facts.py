from __future__ import annotations

import datetime as dt

import pytest

from graph.composition.build_facts import answered_question, letter_facts
from graph.composition.facts import AnsweredQuestion, LetterFacts
from graph.denial import AppealDeadline, Category, Codes, DenialDetails, PlanKind, ServiceKind

pytestmark = pytest.mark.unit

TODAY = dt.date(2025, 3, 3)


def _details() -> DenialDetails:
    return DenialDetails(
        insurer="Acme Health",
        plan_name="Acme Gold",
        plan_kind=PlanKind.marketplace,
        service="MRI of the knee",
        service_kind=ServiceKind.imaging,
        diagnosis="torn meniscus",
        codes=Codes(cpt=["73721"], icd10=["S83.241A"]),
        categories=[Category.medical_necessity, Category.prior_authorization, Category.medical_necessity],
        reason="Not medically necessary.",
        policy_cited="Policy 0171",
        claim_id="[CLAIM_NUMBER_1]",
        reference_id="[REFERENCE_NUMBER_1]",
        letter_date=dt.date(2025, 2, 10),
        service_date=dt.date(2025, 1, 20),
        appeal_deadline=AppealDeadline(date=dt.date(2025, 8, 8)),
        expedited_available=True,
        appeal_address="PO Box 1, Hartford, CT",
        appeal_fax="(860) 555-0142",
    )


def _answer(question_id: str = "pt_tried", answer: str = "yes") -> AnsweredQuestion:
    return AnsweredQuestion(question_id=question_id, area="history", question="Q?", answer=answer, statement="S.")


def test_letter_facts_copies_every_detail() -> None:
    details = _details()
    answers = [_answer()]
    facts = letter_facts(details, answers, today=TODAY, member_name="[PERSON_1]", member_id="[MEMBER_ID_1]")
    assert facts.today == TODAY
    assert facts.member_name == "[PERSON_1]" and facts.member_id == "[MEMBER_ID_1]"
    shared = set(LetterFacts.model_fields) & set(DenialDetails.model_fields) - {"categories"}
    for field in shared:
        assert getattr(facts, field) == getattr(details, field), field
    assert facts.categories == [Category.medical_necessity, Category.prior_authorization]
    assert facts.answers == answers


def test_letter_facts_does_not_share_mutable_parts_with_the_details() -> None:
    details = _details()
    facts = letter_facts(details, [], today=TODAY, member_name=None)
    details.codes.cpt.append("99999")
    assert facts.codes.cpt == ["73721"]
    assert facts.member_name is None and facts.member_id is None


def test_letter_facts_from_empty_details() -> None:
    facts = letter_facts(DenialDetails(), [], today=TODAY, member_name=None)
    assert facts == LetterFacts(today=TODAY)
    assert facts.primary_category is Category.other


def test_a_yes_fills_a_phrase_written_for_yes() -> None:
    answered = answered_question(
        "Have you tried physical therapy?", "history", "pt_tried", "yes", "I have already tried physical therapy"
    )
    assert answered == AnsweredQuestion(
        question_id="pt_tried",
        area="history",
        question="Have you tried physical therapy?",
        answer="yes",
        statement="I have already tried physical therapy.",
    )


def test_a_no_never_becomes_the_yes_statement() -> None:
    answered = answered_question(
        "Have you tried physical therapy?", "history", "pt_tried", "no", "I have already tried physical therapy."
    )
    assert answered is None
    assert answered_question("Is it urgent?", "urgency", "urgent_need", "No", None) is None


def test_a_phrase_with_the_answer_slot_reads_for_any_value() -> None:
    answered = answered_question(
        "Did your doctor say the care is urgent?", "urgency", "urgent_doctor", "no", "Urgent per my doctor: {answer}"
    )
    assert answered is not None and answered.statement == "Urgent per my doctor: no."


def test_an_iso_date_answer_reads_as_a_date() -> None:
    answered = answered_question(
        "When did your symptoms start?", "history", "symptom_start", "2024-11-04", "my symptoms started on {answer}."
    )
    assert answered is not None
    assert answered.statement == "My symptoms started on November 4, 2024."
    assert answered.answer == "2024-11-04"


def test_braces_in_an_answer_are_copied_as_they_are() -> None:
    answered = answered_question("What did you try?", "history", "tried", "ibuprofen {x}", "I tried {answer}.")
    assert answered is not None and answered.statement == "I tried ibuprofen {x}."


def test_without_a_phrase_the_question_and_answer_are_reported() -> None:
    answered = answered_question("How many weeks of therapy did you do? ", "history", "pt_weeks", "8", None)
    assert answered is not None
    assert answered.statement == "Asked “How many weeks of therapy did you do?”, I answered: 8."


def test_an_empty_answer_is_left_out() -> None:
    assert answered_question("Anything else?", "other", "anything_else", "  ", "Also: {answer}") is None


def test_the_statement_is_one_tidy_sentence() -> None:
    answered = answered_question("Q?", "a", "q_one", "yes", "  my  knee\nlocks daily  ")
    assert answered is not None and answered.statement == "My knee locks daily."


def test_urgency_and_the_expedited_request() -> None:
    base = letter_facts(_details(), [_answer("urgent_need", "yes")], today=TODAY, member_name=None)
    assert base.member_says_urgent and base.wants_expedited
    not_offered = base.model_copy(update={"expedited_available": None})
    assert not not_offered.wants_expedited
    not_urgent = base.model_copy(update={"answers": [_answer("urgent_need", "no"), _answer("pt_tried", "yes")]})
    assert not not_urgent.wants_expedited
