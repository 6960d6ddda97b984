"""The question bank as data, and the rules a bank must keep: plain pydantic, no I/O (prompts.question_bank reads it).

`bank_problems` lists what is wrong with a set of questions as (question id, problem) pairs, so the loader can
name the file and the question. `PREFILL_FIELDS` is every DenialDetails path a question may take a suggested
answer from, with the kind of value found there.
"""

from __future__ import annotations

import datetime as dt
import string
import types
from collections.abc import Iterator, Sequence
from enum import Enum
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, PrivateAttr, model_validator

from graph.denial import DenialDetails
from graph.questions.model import AnswerType, Question

FieldKind = Literal["text", "date", "number", "yes_no"]

# Which answer types a prefilled value of each kind can stand for.
_TYPES_FOR_KIND: dict[FieldKind, frozenset[AnswerType]] = {
    "text": frozenset({AnswerType.free_text, AnswerType.choice}),
    "date": frozenset({AnswerType.date}),
    "number": frozenset({AnswerType.number}),
    "yes_no": frozenset({AnswerType.yes_no}),
}
YES_NO_VALUES = ("yes", "no")


def _without_none(annotation: Any) -> Any:
    if get_origin(annotation) in (Union, types.UnionType):
        rest = [arg for arg in get_args(annotation) if arg is not type(None)]
        return rest[0] if len(rest) == 1 else annotation
    return annotation


def _kind_of(annotation: Any) -> FieldKind | None:
    if get_origin(annotation) is list:
        return "text"  # a list of codes or categories reads as one comma-joined text
    if not isinstance(annotation, type):
        return None
    if issubclass(annotation, dt.date):
        return "date"
    if issubclass(annotation, bool):  # before int: bool is an int
        return "yes_no"
    if issubclass(annotation, (int, float)):
        return "number"
    if issubclass(annotation, (str, Enum)):
        return "text"
    return None


def _leaf_fields(model: type[BaseModel], prefix: str = "") -> Iterator[tuple[str, FieldKind]]:
    for name, info in model.model_fields.items():
        annotation = _without_none(info.annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            yield from _leaf_fields(annotation, f"{prefix}{name}.")
        elif (kind := _kind_of(annotation)) is not None:
            yield f"{prefix}{name}", kind


PREFILL_FIELDS: dict[str, FieldKind] = dict(_leaf_fields(DenialDetails))


class QuestionBank(BaseModel):
    model_config = ConfigDict(frozen=True)

    questions: list[Question]
    areas: dict[str, str]  # area -> human title
    version: str  # sha256 of the bank's files

    _index: dict[str, Question] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _unique_ids(self) -> QuestionBank:
        seen: set[str] = set()
        for question in self.questions:
            if question.id in seen:
                raise ValueError(f"question id {question.id!r} is used twice")
            seen.add(question.id)
        return self

    def model_post_init(self, context: Any, /) -> None:
        self._index = {question.id: question for question in self.questions}

    def by_id(self, question_id: str) -> Question:
        try:
            return self._index[question_id]
        except KeyError:
            raise KeyError(f"no question {question_id!r} in the bank") from None

    def __contains__(self, question_id: object) -> bool:
        return question_id in self._index


def accepted_values(question: Question) -> tuple[str, ...]:
    """The normalised answers another question's `answered` condition may wait for."""
    if question.answer_type is AnswerType.yes_no:
        return YES_NO_VALUES
    if question.answer_type is AnswerType.choice:
        return tuple(question.choices)
    return ()


def _own_problems(question: Question) -> Iterator[str]:
    has_choices = bool(question.choices)
    if (question.answer_type is AnswerType.choice) != has_choices:
        yield "choices must be given for a choice question and only for one"
    folded = [choice.strip().casefold() for choice in question.choices]
    if len(set(folded)) != len(folded):
        yield "choices repeat each other"
    if any(not choice for choice in folded):
        yield "a choice is empty"
    if question.prefill is not None:
        kind = PREFILL_FIELDS.get(question.prefill.field)
        if kind is None:
            yield f"prefill field {question.prefill.field!r} is not a DenialDetails field path"
        elif question.answer_type not in _TYPES_FOR_KIND[kind]:
            yield f"prefill field {question.prefill.field!r} holds a {kind} value, not a {question.answer_type} answer"
    if question.letter_phrase is not None:
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(question.letter_phrase) if name is not None}
        except ValueError as error:
            yield f"letter_phrase is not a valid template: {error}"
        else:
            if names - {"answer"}:
                yield "letter_phrase may only use the {answer} placeholder"


def _conditions_meet(question: Question, parent: Question) -> bool:
    """Whether some denial could satisfy both questions' static conditions (categories may all be present)."""
    for mine, theirs in (
        (question.condition.service_kinds_any, parent.condition.service_kinds_any),
        (question.condition.plan_kinds_any, parent.condition.plan_kinds_any),
    ):
        if mine and theirs and not set(mine) & set(theirs):
            return False
    return True


def _answered_problems(question: Question, index: dict[str, Question]) -> Iterator[str]:
    for parent_id, values in question.condition.answered.items():
        parent = index.get(parent_id)
        if parent is None:
            yield f"answered condition refers to unknown question {parent_id!r}"
            continue
        valid = accepted_values(parent)
        if not valid:
            yield f"answered condition refers to {parent_id!r}, a {parent.answer_type} question (not yes_no or choice)"
            continue
        if not values:
            yield f"answered condition on {parent_id!r} lists no values"
        for value in values:
            if value not in valid:
                yield f"answered condition value {value!r} is not an answer {parent_id!r} can have ({', '.join(valid)})"
        if not _conditions_meet(question, parent):
            yield f"its conditions can never hold together with those of {parent_id!r}"


def _in_a_cycle(question: Question, index: dict[str, Question]) -> bool:
    seen: set[str] = set()
    waiting = list(question.condition.answered)
    while waiting:
        current = waiting.pop()
        if current == question.id:
            return True
        if current in seen or current not in index:
            continue
        seen.add(current)
        waiting.extend(index[current].condition.answered)
    return False


def bank_problems(questions: Sequence[Question]) -> list[tuple[str, str]]:
    """Everything wrong with these questions as a bank, as (question id, problem); empty when the bank is sound."""
    problems: list[tuple[str, str]] = []
    index: dict[str, Question] = {}
    for question in questions:
        if question.id in index:
            problems.append((question.id, "this id is used by another question"))
        index.setdefault(question.id, question)
    for question in questions:
        problems.extend((question.id, problem) for problem in _own_problems(question))
        problems.extend((question.id, problem) for problem in _answered_problems(question, index))
        if _in_a_cycle(question, index):
            problems.append((question.id, "its answered conditions lead back to itself"))
    return problems
