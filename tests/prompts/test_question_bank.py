from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from graph.denial import AppealDeadline, Category, Codes, DenialDetails, PlanKind, ServiceKind
from graph.questions.answers import parse_answer
from graph.questions.bank import PREFILL_FIELDS, accepted_values
from graph.questions.followups import asks_for_identity
from graph.questions.model import Answer, AnswerStatus, AnswerType, Question
from graph.questions.planning import fits, next_question, plan_questions, prefill_for
from prompts.question_bank import QUESTIONS_DIR, QuestionBankError, load_question_bank

pytestmark = pytest.mark.unit

BANK = load_question_bank()
SERVICE_AREAS = {"imaging", "drugs", "mental_health", "surgery", "dme", "therapy_rehab", "preventive_care",
                 "emergency", "out_of_network", "experimental"}  # fmt: skip


def test_the_real_bank_loads_with_enough_areas_and_questions() -> None:
    assert len(BANK.areas) >= 10
    assert len(BANK.questions) >= 60
    assert {"general", *SERVICE_AREAS} <= set(BANK.areas)
    assert {question.area for question in BANK.questions} == set(BANK.areas)
    assert all(title.strip() for title in BANK.areas.values())


def test_the_default_bank_is_read_once() -> None:
    assert load_question_bank() is load_question_bank()


def test_version_is_the_sha256_of_the_files_in_name_order() -> None:
    digest = hashlib.sha256()
    for path in sorted(QUESTIONS_DIR.glob("*.yaml"), key=lambda path: path.name):
        digest.update(path.read_bytes())
    assert BANK.version == digest.hexdigest()


def test_by_id_finds_questions_and_names_a_missing_one() -> None:
    assert BANK.by_id("tried_other_drugs").area == "drugs"
    with pytest.raises(KeyError, match="no_such_question"):
        BANK.by_id("no_such_question")


@pytest.mark.parametrize("category", [category for category in Category if category is not Category.other])
def test_every_category_has_at_least_two_questions_of_its_own(category: Category) -> None:
    own = [q for q in BANK.questions if category in q.condition.categories_any]
    assert len(own) >= 2, category
    planned = plan_questions(BANK, DenialDetails(categories=[category]))
    assert sum(1 for qid in planned if category in BANK.by_id(qid).condition.categories_any) >= 2


def test_a_denial_of_no_known_category_still_gets_the_general_questions() -> None:
    planned = plan_questions(BANK, DenialDetails(categories=[Category.other]))
    assert len(planned) >= 8
    assert {BANK.by_id(qid).area for qid in planned} == {"general"}


def _details_for(question: Question) -> DenialDetails:
    condition = question.condition
    return DenialDetails(
        categories=list(condition.categories_any),
        service_kind=condition.service_kinds_any[0] if condition.service_kinds_any else None,
        plan_kind=condition.plan_kinds_any[0] if condition.plan_kinds_any else PlanKind.unknown,
    )


def _satisfy(question: Question, answers: dict[str, Answer]) -> None:
    for parent_id, values in question.condition.answered.items():
        _satisfy(BANK.by_id(parent_id), answers)
        answers[parent_id] = Answer(question_id=parent_id, status=AnswerStatus.answered, value=values[0])


@pytest.mark.parametrize("question", [q for q in BANK.questions if q.condition.answered], ids=lambda q: q.id)
def test_every_follow_on_can_be_reached(question: Question) -> None:
    ancestors: list[Question] = []
    waiting = [question]
    while waiting:
        current = waiting.pop()
        for parent_id, values in current.condition.answered.items():
            parent = BANK.by_id(parent_id)
            assert set(values) <= set(accepted_values(parent))
            ancestors.append(parent)
            waiting.append(parent)
    details = _details_for(question)
    for ancestor in ancestors:  # the denial must fit every question in the chain
        details.categories.extend(ancestor.condition.categories_any)
        if details.service_kind is None and ancestor.condition.service_kinds_any:
            details.service_kind = ancestor.condition.service_kinds_any[0]
        if details.plan_kind is PlanKind.unknown and ancestor.condition.plan_kinds_any:
            details.plan_kind = ancestor.condition.plan_kinds_any[0]
    assert all(fits(q, details) for q in [question, *ancestors])
    plan = plan_questions(BANK, details, limit=len(BANK.questions))
    assert question.id in plan
    answers: dict[str, Answer] = {}
    _satisfy(question, answers)
    for qid in plan:  # everything else answered "unknown": only the chain matters
        if qid != question.id and qid not in answers:
            answers[qid] = Answer(question_id=qid, status=AnswerStatus.unknown)
    assert next_question(BANK, plan, answers) == question


@pytest.mark.parametrize("question", BANK.questions, ids=lambda q: q.id)
def test_every_question_is_one_plain_kind_question(question: Question) -> None:
    assert question.text.endswith("?") and question.text.count("?") == 1
    assert ". " not in question.text and len(question.text) <= 130
    assert question.why.endswith(".") and ". " not in question.why
    assert not asks_for_identity(question.text)
    assert question.letter_phrase is not None
    if question.answer_type is AnswerType.yes_no:
        assert "{answer}" not in question.letter_phrase
    else:
        assert "{answer}" in question.letter_phrase


@pytest.mark.parametrize("question", [q for q in BANK.questions if q.choices], ids=lambda q: q.id)
def test_every_choice_reads_back_as_itself(question: Question) -> None:
    for number, choice in enumerate(question.choices, start=1):
        for raw in (choice, choice.upper(), str(number)):
            answer = parse_answer(question, raw, today=dt.date(2025, 1, 1))
            assert answer == Answer(question_id=question.id, status=AnswerStatus.answered, value=choice)


FULL_DETAILS = DenialDetails(
    service="MRI of the lumbar spine",
    service_kind=ServiceKind.imaging,
    diagnosis="low back pain",
    codes=Codes(cpt=["72148"], hcpcs=["E0601"], icd10=["M54.50"], carc=["50"]),
    letter_date=dt.date(2025, 3, 4),
    service_date=dt.date(2025, 2, 1),
    appeal_deadline=AppealDeadline(date=dt.date(2025, 9, 1), days=180),
)


@pytest.mark.parametrize("question", [q for q in BANK.questions if q.prefill], ids=lambda q: q.id)
def test_every_prefill_reads_a_real_field_and_parses_as_an_answer(question: Question) -> None:
    assert question.prefill is not None and question.prefill.field in PREFILL_FIELDS
    suggested = prefill_for(question, FULL_DETAILS)
    assert suggested is not None
    answer = parse_answer(question, suggested, today=dt.date(2025, 6, 1))
    assert answer == Answer(question_id=question.id, status=AnswerStatus.answered, value=suggested)


# -- broken banks -----------------------------------------------------------------------------------------

GOOD = """\
area: alpha
title: Alpha questions
questions:
  - id: alpha_gate
    text: Did this happen?
    answer_type: yes_no
    why: It matters to the appeal.
"""


def _entry(qid: str, extra: str = "", answer_type: str = "yes_no") -> str:
    return (
        f"  - id: {qid}\n    text: Is this a question?\n    answer_type: {answer_type}\n"
        f"    why: It matters to the appeal.\n{extra}"
    )


def _after(parent: str) -> str:
    """A condition block: asked only when `parent` was answered "yes"."""
    return f'    condition:\n      answered: {{{parent}: ["yes"]}}\n'


def _beta(*entries: str) -> str:
    return "area: beta\ntitle: Beta questions\nquestions:\n" + "".join(entries)


def test_a_small_good_bank_loads(tmp_path: Path) -> None:
    (tmp_path / "alpha.yaml").write_text(GOOD)
    (tmp_path / "beta.yaml").write_text(_beta(_entry("beta_child", _after("alpha_gate"))))
    bank = load_question_bank(tmp_path)
    assert [q.id for q in bank.questions] == ["alpha_gate", "beta_child"]
    assert bank.areas == {"alpha": "Alpha questions", "beta": "Beta questions"}
    assert bank.by_id("beta_child").area == "beta"


@pytest.mark.parametrize(
    ("beta", "expected"),
    [
        (_beta(_entry("alpha_gate")), "beta.yaml: question 'alpha_gate': this id is used by another question"),
        (_beta(_entry("beta_pick", answer_type="choice")), "beta.yaml: question 'beta_pick': choices must be given"),
        (_beta(_entry("beta_yn", "    choices: [a, b]\n")), "beta.yaml: question 'beta_yn': choices must be given"),
        (_beta(_entry("beta_child", _after("nowhere"))),
         "beta.yaml: question 'beta_child': answered condition refers to unknown question 'nowhere'"),
        (_beta(_entry("beta_text", answer_type="free_text"),
               _entry("beta_child", _after("beta_text"))),
         "beta.yaml: question 'beta_child': answered condition refers to 'beta_text', a free_text question"),
        (_beta(_entry("beta_child", "    condition:\n      answered: {alpha_gate: [yes]}\n")),
         'condition.answered.alpha_gate.0: Input should be a valid string (YAML reads a bare yes or no as true'),
        (_beta(_entry("beta_child", "    condition:\n      answered: {alpha_gate: [maybe]}\n")),
         "beta.yaml: question 'beta_child': answered condition value 'maybe' is not an answer 'alpha_gate' can have"),
        (_beta(_entry("beta_date", "    prefill: {field: service_day}\n", answer_type="date")),
         "beta.yaml: question 'beta_date': prefill field 'service_day' is not a DenialDetails field path"),
        (_beta(_entry("beta_date", "    prefill: {field: diagnosis}\n", answer_type="date")),
         "beta.yaml: question 'beta_date': prefill field 'diagnosis' holds a text value, not a date answer"),
        (_beta(_entry("beta_phrase", "    letter_phrase: 'I had {symptoms}.'\n")),
         "beta.yaml: question 'beta_phrase': letter_phrase may only use the {answer} placeholder"),
        (_beta(_entry("beta_one", _after("beta_two")),
               _entry("beta_two", _after("beta_one"))),
         "beta.yaml: question 'beta_one': its answered conditions lead back to itself"),
        (_beta("  - id: beta_short\n    answer_type: yes_no\n    why: It matters to the appeal.\n"),
         "beta.yaml: question 'beta_short': text: Field required"),
        (_beta(_entry("beta_odd", "    answer_type_typo: yes_no\n")),
         "beta.yaml: question 'beta_odd': answer_type_typo: Extra inputs are not permitted"),
        (_beta(_entry("Bad-Id")), "beta.yaml: question 'Bad-Id': id: String should match pattern"),
        (_beta(_entry("beta_where", "    area: alpha\n")), "beta.yaml: question 'beta_where': area must be 'beta'"),
        ("area: gamma\ntitle: Gamma\nquestions:\n" + _entry("beta_x"), "beta.yaml: area 'gamma' must match"),
        ("area: beta\ntitle: Beta\nquestions: [\n", "beta.yaml: not valid YAML"),
        ("area: beta\nquestions: []\n", "beta.yaml: title: Field required"),
    ],
)  # fmt: skip
def test_a_broken_file_is_named_with_its_question(tmp_path: Path, beta: str, expected: str) -> None:
    (tmp_path / "alpha.yaml").write_text(GOOD)
    (tmp_path / "beta.yaml").write_text(beta)
    with pytest.raises(QuestionBankError) as raised:
        load_question_bank(tmp_path)
    assert expected in str(raised.value)


def test_a_follow_on_that_can_never_fit_with_its_parent_is_refused(tmp_path: Path) -> None:
    (tmp_path / "alpha.yaml").write_text(
        GOOD.replace("    why:", "    condition: {service_kinds_any: [drug]}\n    why:")
    )
    condition = '    condition:\n      service_kinds_any: [device]\n      answered: {alpha_gate: ["yes"]}\n'
    (tmp_path / "beta.yaml").write_text(_beta(_entry("beta_child", condition)))
    with pytest.raises(QuestionBankError, match="'beta_child': its conditions can never hold together"):
        load_question_bank(tmp_path)


def test_an_empty_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(QuestionBankError, match="no question bank files"):
        load_question_bank(tmp_path)
