from __future__ import annotations

import datetime as dt

import pytest

from graph.denial import AppealDeadline, Category, Codes, DenialDetails, PlanKind, ServiceKind
from graph.questions.bank import QuestionBank
from graph.questions.model import Answer, AnswerStatus, AnswerType, Condition, Prefill, Question
from graph.questions.planning import fits, next_question, plan_questions, prefill_for

pytestmark = pytest.mark.unit


def _question(qid: str, priority: int = 50, **fields: object) -> Question:
    values: dict[str, object] = {
        "id": qid,
        "area": "test",
        "text": f"Question {qid}?",
        "answer_type": AnswerType.yes_no,
        "why": "Because it matters.",
        "priority": priority,
    }
    values.update(fields)
    return Question.model_validate(values)


def _bank(*questions: Question) -> QuestionBank:
    return QuestionBank(questions=list(questions), areas={"test": "Test"}, version="v")


BANK = _bank(
    _question("general_low", 40),
    _question("general_high", 90),
    _question("mn_only", 80, condition=Condition(categories_any=[Category.medical_necessity])),
    _question("imaging_only", 70, condition=Condition(service_kinds_any=[ServiceKind.imaging])),
    _question("medicare_only", 95, condition=Condition(plan_kinds_any=[PlanKind.original_medicare])),
    _question("tie_first", 60),
    _question("tie_second", 60),
    _question("child_low", 10, condition=Condition(answered={"general_high": ["yes"]})),
    _question("child_high", 20, condition=Condition(answered={"general_high": ["yes"]})),
    _question("grandchild", 99, condition=Condition(answered={"child_low": ["no"]})),
    _question("child_of_missing", 99, condition=Condition(answered={"medicare_only": ["yes"]})),
)
MN_IMAGING = DenialDetails(categories=[Category.medical_necessity], service_kind=ServiceKind.imaging)


def test_plan_orders_fitting_questions_by_priority_then_bank_order() -> None:
    assert plan_questions(BANK, MN_IMAGING) == [
        "general_high",
        "child_high",
        "child_low",
        "grandchild",
        "mn_only",
        "imaging_only",
        "tie_first",
        "tie_second",
        "general_low",
    ]


def test_static_conditions_leave_out_what_does_not_fit() -> None:
    plan = plan_questions(BANK, DenialDetails(categories=[Category.duplicate]))
    assert "mn_only" not in plan and "imaging_only" not in plan and "medicare_only" not in plan
    assert plan[0] == "general_high"


def test_a_follow_on_whose_parent_is_not_planned_is_left_out() -> None:
    assert "child_of_missing" not in plan_questions(BANK, MN_IMAGING)
    medicare = DenialDetails(plan_kind=PlanKind.original_medicare)
    assert plan_questions(BANK, medicare)[:2] == ["medicare_only", "child_of_missing"]


def test_limit_counts_only_questions_without_answered_conditions() -> None:
    assert plan_questions(BANK, MN_IMAGING, limit=2) == [
        "general_high",
        "child_high",
        "child_low",
        "grandchild",
        "mn_only",
    ]
    assert plan_questions(BANK, MN_IMAGING, limit=0) == []


def test_the_plan_is_stable() -> None:
    assert plan_questions(BANK, MN_IMAGING) == plan_questions(BANK, MN_IMAGING)


@pytest.mark.parametrize(
    ("condition", "details", "expected"),
    [
        (Condition(), DenialDetails(), True),
        (Condition(categories_any=[Category.formulary, Category.step_therapy]),
         DenialDetails(categories=[Category.step_therapy]), True),
        (Condition(categories_any=[Category.formulary]), DenialDetails(categories=[Category.duplicate]), False),
        (Condition(service_kinds_any=[ServiceKind.drug]), DenialDetails(), False),  # unknown kind fits nothing
        (Condition(categories_any=[Category.formulary], service_kinds_any=[ServiceKind.drug]),
         DenialDetails(categories=[Category.formulary], service_kind=ServiceKind.device), False),
        (Condition(plan_kinds_any=[PlanKind.medicaid]), DenialDetails(plan_kind=PlanKind.medicaid), True),
    ],
)  # fmt: skip
def test_fits(condition: Condition, details: DenialDetails, expected: bool) -> None:
    assert fits(_question("probe", condition=condition), details) is expected


def _yes(qid: str) -> Answer:
    return Answer(question_id=qid, status=AnswerStatus.answered, value="yes")


def test_next_question_walks_the_plan_and_skips_follow_ons_whose_condition_fails() -> None:
    plan = plan_questions(BANK, MN_IMAGING)
    answers: dict[str, Answer] = {}
    assert next_question(BANK, plan, answers) == BANK.by_id("general_high")
    answers["general_high"] = Answer(question_id="general_high", status=AnswerStatus.answered, value="no")
    nxt = next_question(BANK, plan, answers)
    assert nxt is not None and nxt.id == "mn_only"  # child_high, child_low and grandchild all wait on "yes"


def test_next_question_asks_follow_ons_when_their_condition_holds() -> None:
    plan = plan_questions(BANK, MN_IMAGING)
    answers = {"general_high": _yes("general_high")}
    asked = []
    while (question := next_question(BANK, plan, answers)) is not None:
        asked.append(question.id)
        value = "no" if question.id == "child_low" else "yes"
        answers[question.id] = Answer(question_id=question.id, status=AnswerStatus.answered, value=value)
    assert asked == ["child_high", "child_low", "grandchild", "mn_only", "imaging_only", "tie_first", "tie_second",
                     "general_low"]  # fmt: skip


@pytest.mark.parametrize("status", [AnswerStatus.skipped, AnswerStatus.unknown])
def test_a_skipped_or_unknown_parent_means_its_follow_ons_are_not_asked(status: AnswerStatus) -> None:
    plan = ["general_high", "child_high", "mn_only"]
    answers = {"general_high": Answer(question_id="general_high", status=status)}
    nxt = next_question(BANK, plan, answers)
    assert nxt is not None and nxt.id == "mn_only"


def test_next_question_is_none_when_everything_is_answered_and_knows_extra_questions() -> None:
    followup = _question("followup_1", answer_type=AnswerType.free_text)
    plan = ["general_low", "followup_1"]
    answers = {"general_low": _yes("general_low")}
    assert next_question(BANK, plan, answers, extra=[followup]) == followup
    answers["followup_1"] = Answer(question_id="followup_1", status=AnswerStatus.skipped)
    assert next_question(BANK, plan, answers, extra=[followup]) is None


DETAILS = DenialDetails(
    service="MRI of the lumbar spine",
    service_kind=ServiceKind.imaging,
    diagnosis="low back pain",
    codes=Codes(cpt=["72148"], icd10=["M54.50", "M51.16"]),
    letter_date=dt.date(2025, 3, 4),
    appeal_deadline=AppealDeadline(date=dt.date(2025, 9, 1), days=180),
    expedited_available=True,
)


@pytest.mark.parametrize(
    ("field", "answer_type", "choices", "expected"),
    [
        ("letter_date", AnswerType.date, [], "2025-03-04"),
        ("service_date", AnswerType.date, [], None),
        ("diagnosis", AnswerType.free_text, [], "low back pain"),
        ("codes.icd10", AnswerType.free_text, [], "M54.50, M51.16"),
        ("codes.hcpcs", AnswerType.free_text, [], None),
        ("appeal_deadline.date", AnswerType.date, [], "2025-09-01"),
        ("appeal_deadline.days", AnswerType.number, [], "180"),
        ("expedited_available", AnswerType.yes_no, [], "yes"),
        ("service_kind", AnswerType.choice, ["Drug", "Imaging"], "Imaging"),
        ("service_kind", AnswerType.choice, ["drug", "device"], None),
    ],
)
def test_prefill_for_gives_the_normalised_value(
    field: str, answer_type: AnswerType, choices: list[str], expected: str | None
) -> None:
    question = _question("probe", answer_type=answer_type, choices=choices, prefill=Prefill(field=field))
    assert prefill_for(question, DETAILS) == expected


def test_prefill_for_a_question_without_prefill_is_none() -> None:
    assert prefill_for(_question("probe"), DETAILS) is None


def test_prefill_through_a_missing_parent_is_none() -> None:
    question = _question("probe", answer_type=AnswerType.date, prefill=Prefill(field="appeal_deadline.date"))
    assert prefill_for(question, DenialDetails()) is None
