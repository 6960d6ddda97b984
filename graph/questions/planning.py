"""Which questions to ask about a denial, in what order, and what the letter already suggests as answers.

A plan is a list of question ids. Questions whose static condition (categories, service kinds, plan kinds)
fits the denial are planned highest priority first, bank order breaking ties; `limit` counts only these.
A follow-on question (one with an `answered` condition) rides along right after the question it waits on,
and is asked only if, by then, that question was answered as it needs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from enum import Enum

from graph.denial import DenialDetails
from graph.questions.bank import QuestionBank
from graph.questions.model import Answer, AnswerStatus, AnswerType, Question

# One step of a question's place in the plan: (0, position) for a planned question, then
# (-priority, bank position) for each follow-on level, so sorting these tuples gives depth-first order.
_Rank = tuple[int, ...]


def fits(question: Question, details: DenialDetails) -> bool:
    """Whether the question's static condition fits the denial (its `answered` condition is not looked at)."""
    condition = question.condition
    if condition.categories_any and not set(condition.categories_any) & set(details.categories):
        return False
    if condition.service_kinds_any and details.service_kind not in condition.service_kinds_any:
        return False
    return not condition.plan_kinds_any or details.plan_kind in condition.plan_kinds_any


def plan_questions(bank: QuestionBank, details: DenialDetails, *, limit: int = 8) -> list[str]:
    """Question ids in ask order: the `limit` best-fitting questions, each with its fitting follow-ons."""
    position = {question.id: index for index, question in enumerate(bank.questions)}
    fitting = [question for question in bank.questions if fits(question, details)]
    leading = [question for question in fitting if not question.condition.answered]
    leading.sort(key=lambda question: (-question.priority, position[question.id]))
    ranks: dict[str, _Rank] = {question.id: (0, index) for index, question in enumerate(leading[: max(limit, 0)])}

    waiting = [question for question in fitting if question.condition.answered]
    placed_one = True
    while placed_one:  # follow-ons of follow-ons are placed once their parent is
        placed_one = False
        for question in list(waiting):
            parents = question.condition.answered.keys()
            if all(parent in ranks for parent in parents):
                anchor = max(ranks[parent] for parent in parents)
                ranks[question.id] = (*anchor, -question.priority, position[question.id])
                waiting.remove(question)
                placed_one = True
    return sorted(ranks, key=ranks.__getitem__)


def condition_holds(question: Question, answers: Mapping[str, Answer]) -> bool:
    """Whether every question this one waits on was answered with one of the values it needs."""
    for parent_id, values in question.condition.answered.items():
        answer = answers.get(parent_id)
        if answer is None or answer.status is not AnswerStatus.answered or answer.value not in values:
            return False
    return True


def next_question(
    bank: QuestionBank,
    plan: Sequence[str],
    answers: Mapping[str, Answer],
    *,
    extra: Sequence[Question] = (),
) -> Question | None:
    """The first planned question not yet answered whose `answered` condition holds; None when none is left.
    `extra` holds planned questions that are not in the bank (generated follow-ups)."""
    outside = {question.id: question for question in extra}
    for question_id in plan:
        if question_id in answers:
            continue
        question = outside[question_id] if question_id in outside else bank.by_id(question_id)
        if condition_holds(question, answers):
            return question
    return None


def _field_value(details: DenialDetails, path: str) -> object:
    value: object = details
    for name in path.split("."):
        value = getattr(value, name, None)
        if value is None:
            return None
    return value


def _as_text(value: object) -> str:
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def prefill_for(question: Question, details: DenialDetails) -> str | None:
    """The answer the confirmed details suggest, normalised for the question's type; None when they say nothing.
    Dates are ISO, lists (codes) are joined by ", ", a choice is suggested only when it is one of the choices."""
    if question.prefill is None:
        return None
    value = _field_value(details, question.prefill.field)
    if isinstance(value, list):
        text = ", ".join(_as_text(item) for item in value)
    elif value is None:
        return None
    else:
        text = _as_text(value)
    if not text:
        return None
    if question.answer_type is AnswerType.choice:
        matching = [choice for choice in question.choices if choice.casefold() == text.casefold()]
        return matching[0] if matching else None
    return text
