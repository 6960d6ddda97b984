"""`overturn appeal FILE [--answers ANSWERS.yaml] [--out LETTER.txt] [--json]`: the interview, unattended.

Nothing is kept after the run (in-memory checkpoints and vault); the letter goes to stdout or --out, and
--json adds the details, the answers used, the guardrail results and who wrote it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from bot.batch import AnswersFile, run_batch
from bot.cli.chat_command import _check_out, _write_private
from bot.cli.errors import UserFacingError
from bot.cli.files import read_letter_file
from bot.conversation import new_thread_id
from bot.interviews import interview_runtime
from bot.settings import get_settings
from graph.composition.shadow import PinError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("appeal", help="write an appeal letter without questions (answers from a file)")
    parser.add_argument("file", type=Path, help="the denial letter: .txt, .pdf, .png or .jpg")
    parser.add_argument("--answers", type=Path, help="YAML: member_name, details (corrections), answers by id")
    parser.add_argument("--out", type=Path, help="write the letter here")
    parser.add_argument("--json", action="store_true", help="print details, answers, guardrails and provenance")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    _check_out(args.out)
    document = read_letter_file(args.file)
    answers = _answers(args.answers) if args.answers else AnswersFile()
    try:
        return asyncio.run(_appeal(args, document.text, answers))
    except PinError as exc:  # a mistyped OVERTURN_SHADOW_PROMPT / _MODEL
        raise UserFacingError(f"settings: {exc}") from None


async def _appeal(args: argparse.Namespace, letter: str, answers: AnswersFile) -> int:
    async with interview_runtime(get_settings(), in_memory=True) as runtime:
        unknown = sorted(set(answers.answers) - {q.id for q in runtime.context.bank.questions})
        if unknown:
            raise UserFacingError(f"{args.answers}: no question has the id {', '.join(unknown)}.")
        thread = new_thread_id()
        conversation = runtime.conversation(thread, on_progress=_progress)
        result = await run_batch(conversation, letter, args.file.name, answers)
        state = (await runtime.interview.aget_state({"configurable": {"thread_id": thread}})).values
    if result.kind == "rejected":
        raise UserFacingError(f"{args.file}: {result.outcome.get('message', 'this letter could not be read.')}")
    for warning in result.warnings:
        print(f"overturn: {warning}", file=sys.stderr)
    outcome = result.outcome
    if args.out:
        _write_private(args.out, outcome["text"])
    if args.json:
        print(json.dumps(_report(outcome, state, result.answers_used, result.warnings), indent=2, default=str))
    elif not args.out:
        print(outcome["text"])
    if outcome["status"] != "ready":
        print("overturn: the letter needs a person's review before it is sent (see the guardrails).", file=sys.stderr)
    return 0


def _answers(path: Path) -> AnswersFile:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserFacingError(f"{path}: no such file.") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        raise UserFacingError(f"{path}: not a readable YAML file.") from None
    try:
        return AnswersFile.model_validate(raw or {})
    except ValidationError as exc:
        where = ", ".join(".".join(str(p) for p in error["loc"]) or "top level" for error in exc.errors())
        raise UserFacingError(
            f"{path}: expected member_name, details (field: value) and answers (question id: answer); check {where}."
        ) from None


def _report(
    outcome: dict[str, Any], state: dict[str, Any], used: dict[str, Any], warnings: list[str]
) -> dict[str, Any]:
    return {
        "status": outcome["status"],
        "letter": outcome["text"],
        "details": state.get("details"),
        "corrections": state.get("corrections", {}),
        "answers_used": used,
        "guardrails": outcome["guardrails"],
        "attempts": outcome["attempts"],
        "source": outcome["source"],
        "fallback_reason": outcome.get("fallback_reason"),
        "provenance": outcome["provenance"],
        "warnings": warnings,
    }


def _progress(progress: dict[str, Any]) -> None:
    print(f"overturn: {progress['message']}", file=sys.stderr)
