"""The question bank is YAML: one file per area under prompts/questions/, read and checked here.

Each file is `area`, `title` and `questions`; a question may leave out `area` (it is the file's). Every entry
is validated as a graph.questions.model.Question and the whole bank by graph.questions.bank.bank_problems; any
fault stops loading with a QuestionBankError naming the file and the question. The bank's version is the
sha256 of its files' bytes in sorted name order, recorded with whatever is built from it.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from graph.questions.bank import QuestionBank, bank_problems
from graph.questions.model import Question
from prompts.loader import PROMPTS_DIR

QUESTIONS_DIR = PROMPTS_DIR / "questions"


class QuestionBankError(ValueError):
    """A bank file is malformed; the message names the file and, where there is one, the question."""


class _BankFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    area: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str = Field(min_length=3)
    questions: list[dict[str, Any]] = Field(min_length=1)


def _first_errors(error: ValidationError, limit: int = 3) -> str:
    parts = []
    for item in error.errors()[:limit]:
        where = ".".join(str(part) for part in item["loc"])
        message = f"{where}: {item['msg']}" if where else item["msg"]
        if isinstance(item.get("input"), bool):
            message += ' (YAML reads a bare yes or no as true or false: write "yes" or "no" in quotes)'
        parts.append(message)
    return "; ".join(parts)


def _read_file(path: Path) -> tuple[_BankFile, list[Question]]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise QuestionBankError(f"{path.name}: not valid YAML: {error}") from error
    try:
        bank_file = _BankFile.model_validate(raw)
    except ValidationError as error:
        raise QuestionBankError(f"{path.name}: {_first_errors(error)}") from error
    if bank_file.area != path.stem:
        raise QuestionBankError(f"{path.name}: area {bank_file.area!r} must match the file name {path.stem!r}")
    questions = []
    for number, entry in enumerate(bank_file.questions, start=1):
        name = entry.get("id", f"#{number}")
        if entry.setdefault("area", bank_file.area) != bank_file.area:
            raise QuestionBankError(f"{path.name}: question {name!r}: area must be {bank_file.area!r} (the file's)")
        try:
            questions.append(Question.model_validate(entry))
        except ValidationError as error:
            raise QuestionBankError(f"{path.name}: question {name!r}: {_first_errors(error)}") from error
    return bank_file, questions


def _load(directory: Path) -> QuestionBank:
    paths = sorted(directory.glob("*.yaml"), key=lambda path: path.name)
    if not paths:
        raise QuestionBankError(f"{directory}: no question bank files (*.yaml)")
    digest = hashlib.sha256()
    areas: dict[str, str] = {}
    questions: list[Question] = []
    files_of: dict[str, list[str]] = {}
    for path in paths:
        digest.update(path.read_bytes())
        bank_file, file_questions = _read_file(path)
        areas[bank_file.area] = bank_file.title
        for question in file_questions:
            files_of.setdefault(question.id, []).append(path.name)
        questions.extend(file_questions)
    problems = bank_problems(questions)
    if problems:
        lines = [f"{', '.join(files_of[qid])}: question {qid!r}: {problem}" for qid, problem in problems]
        raise QuestionBankError("the question bank has problems:\n" + "\n".join(lines))
    return QuestionBank(questions=questions, areas=areas, version=digest.hexdigest())


@lru_cache(maxsize=1)
def _default_bank() -> QuestionBank:
    return _load(QUESTIONS_DIR)


def load_question_bank(directory: Path | None = None) -> QuestionBank:
    """The bank in `directory` (default: the shipped one, read once and cached); raises QuestionBankError."""
    return _default_bank() if directory is None else _load(directory)
