"""`overturn chat [FILE]` / `overturn chat --resume THREAD`: the whole interview in a terminal.

Every answer is checkpointed before the next question shows, so closing the terminal (or a crash) loses
nothing: `--resume` picks up at the question that was waiting. The finished letter is printed and written
to a file (owner-only permissions: it carries the member's details).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path
from typing import Any

from bot.cli import chat_render
from bot.cli.errors import UserFacingError
from bot.cli.files import read_letter_file
from bot.conversation import ConversationError, Turn, new_thread_id
from bot.documents import check_document_path, document_for
from bot.interviews import interview_runtime
from bot.settings import get_settings
from graph.composition.shadow import PinError
from store.thread_lock import ThreadBusy

PASTE_END = "."


class Paused(Exception):
    """The member closed the input; the conversation waits for `--resume`."""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("chat", help="answer a few questions and get an appeal letter, in the terminal")
    parser.add_argument("file", type=Path, nargs="?", help="the denial letter (.txt, .pdf, .png, .jpg); or paste it")
    parser.add_argument("--resume", metavar="THREAD", help="continue the conversation with this id")
    parser.add_argument("--out", type=Path, help="where to write the letter (default: appeal-THREAD.txt)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.resume and args.file:
        raise UserFacingError("give a letter to start a conversation, or --resume THREAD to continue one, not both.")
    _check_out(args.out)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(line_buffering=True)
    try:
        return asyncio.run(_chat(args))
    except ThreadBusy:
        raise UserFacingError(
            "this conversation is busy in another window; try again in a moment.", exit_code=3
        ) from None
    except ConversationError as exc:
        raise UserFacingError(str(exc)) from None
    except PinError as exc:  # a mistyped OVERTURN_SHADOW_PROMPT / _MODEL or a pin models.yaml no longer has
        raise UserFacingError(f"settings: {exc}") from None


async def _chat(args: argparse.Namespace) -> int:
    letter = None if args.resume else _letter(args.file)
    async with interview_runtime(get_settings()) as runtime:
        thread = args.resume or new_thread_id()
        conversation = runtime.conversation(thread, on_progress=_show_progress)
        try:
            if args.resume:
                current = await conversation.current()
                if current is None:
                    raise UserFacingError(f"no conversation {args.resume!r} was found here.")
                turn = current
                print(f"Continuing conversation {thread}.")
            else:
                assert letter is not None
                print(f"Conversation {thread}. To stop and continue later: overturn chat --resume {thread}")
                name = (await _line("Your name, as you will sign the letter (Enter to leave it out): ")).strip()
                turn = await conversation.start(letter[0], letter[1], name or None)
            while turn.kind in ("confirm", "question"):
                turn = await conversation.send(await _reply(turn))
        except Paused:
            print(f"\nPaused. Continue with: overturn chat --resume {thread}")
            return 0
    if turn.kind == "rejected":
        raise UserFacingError(str(turn.payload.get("message", "this letter could not be read.")))
    print(chat_render.finished(turn.payload))
    out = args.out or Path(f"appeal-{thread}.txt")
    _write_private(out, turn.payload["text"])
    print(f"The letter is saved in {out}.")
    return 0


def _letter(path: Path | None) -> tuple[str, str]:
    if path is not None:
        return read_letter_file(path).text, path.name
    print(f'Paste the denial letter, then a line with only "{PASTE_END}" (or Ctrl-D):')
    lines = []
    for line in sys.stdin:
        if line.strip() == PASTE_END:
            break
        lines.append(line)
    return "".join(lines), "pasted"


async def _line(prompt: str) -> str:
    try:
        return await asyncio.to_thread(input, prompt)
    except EOFError:
        raise Paused from None


async def _reply(turn: Turn) -> Any:
    if turn.kind == "confirm":
        return await _confirm_reply(turn.payload)
    print(chat_render.question(turn.payload))
    while True:
        answer = await _line("> ")
        if answer.strip().lower() in ("why", "why?"):
            print(f"  {turn.payload['why']}")
            continue
        return {"answer": answer}


async def _confirm_reply(payload: dict[str, Any]) -> dict[str, Any]:
    print(chat_render.confirmation(payload))
    rows = payload["rows"]
    while True:
        choice = (await _line("> ")).strip()
        if not choice:
            return {"accept": True}
        if choice.isdigit() and 1 <= int(choice) <= len(rows):
            row = rows[int(choice) - 1]
            shown = f" (now: {row['value']})" if row["value"] else ""
            value = await _line(f'{row["label"]}{shown}. Type the right value, or "none" to clear it: ')
            return {"corrections": {row["field"]: value}}
        print(f"Type a number from 1 to {len(rows)}, or press Enter if everything is right.")


def _show_progress(progress: dict[str, Any]) -> None:
    print(f"  … {progress['message']}", flush=True)


def _check_out(path: Path | None) -> None:
    """An --out the letter cannot be saved as is a one-line error before any question is asked."""
    if path is None:
        return
    try:
        check_document_path(path)
    except ValueError as exc:
        raise UserFacingError(str(exc)) from None


def _write_private(path: Path, text: str) -> None:
    """Writes the letter as .txt, .pdf or .docx (by the file name), readable by the owner only."""
    _check_out(path)
    document = document_for(path, text)  # rendered first, so a failure leaves no empty file behind
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(document)
