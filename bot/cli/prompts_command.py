"""`overturn prompts`: the prompt templates' versions and pins. List, compare, pin, roll back, add a candidate.

overturn prompts list [--json]             each template: its file's sha, its pin, how many versions
overturn prompts history NAME              every pin of a template, oldest first
overturn prompts diff NAME [SHA_A [SHA_B]] unified diff of two versions (default: the pin against the file)
overturn prompts pin NAME SHA [--reason R] make a registered version live (a unique 8+ hex prefix will do)
overturn prompts rollback NAME             pin again the version pinned before the live one
overturn prompts add NAME FILE             register FILE's text as a version of NAME, e.g. to shadow it
"""

from __future__ import annotations

import argparse
import difflib
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from bot.cli.errors import UserFacingError
from bot.pins_access import STAFF_ROLE, cli_actor, open_pins
from bot.settings import get_settings
from store.pins import PinError, PinStore

SHORT = 12  # hex digits of a sha256 shown


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("prompts", help="prompt template versions and pins")
    actions = parser.add_subparsers(dest="prompts_action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="each template: file sha, pinned sha, number of versions")
    listing.add_argument("--json", action="store_true", help="print the list as JSON")
    listing.set_defaults(run=run_list)
    history = actions.add_parser("history", help="every pin of a template, oldest first")
    history.add_argument("name", help="a template, e.g. compose/appeal.user.j2")
    history.set_defaults(run=run_history)
    diff = actions.add_parser("diff", help="unified diff between two versions (default: pinned vs the file)")
    diff.add_argument("name", help="a template, e.g. compose/appeal.user.j2")
    diff.add_argument("sha_a", nargs="?", help="the old version (default: the pinned one)")
    diff.add_argument("sha_b", nargs="?", help="the new version (default: the file as it is now)")
    diff.set_defaults(run=run_diff)
    pin = actions.add_parser("pin", help="make a registered version of a template the live one")
    pin.add_argument("name", help="a template, e.g. compose/appeal.user.j2")
    pin.add_argument("sha", help="the version's sha256, or a unique prefix of at least 8 hex digits")
    pin.add_argument("--reason", default=None, help="why, kept with the pin")
    pin.set_defaults(run=run_pin)
    rollback = actions.add_parser("rollback", help="pin again the version pinned before the live one")
    rollback.add_argument("name", help="a template, e.g. compose/appeal.user.j2")
    rollback.set_defaults(run=run_rollback)
    add = actions.add_parser("add", help="register a file's text as a version of a template (not made live)")
    add.add_argument("name", help="a template, e.g. compose/appeal.user.j2")
    add.add_argument("file", type=Path, help="the candidate template text")
    add.set_defaults(run=run_add)


@contextmanager
def pin_errors() -> Iterator[None]:
    """Pin mistakes as one line (exit 2); a database that cannot be used as one line too (exit 1)."""
    try:
        yield
    except PinError as exc:
        raise UserFacingError(str(exc)) from exc
    except SQLAlchemyError as exc:
        # The message could hold the database URL; its kind is enough to start from.
        raise UserFacingError(f"the database cannot be used ({type(exc).__name__})", exit_code=1) from exc


def run_list(args: argparse.Namespace) -> int:
    with pin_errors():
        rows = template_rows(open_pins(get_settings()))
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    table = [
        (str(row["name"]), _short(row["file_sha256"]), _short(row["pinned_sha256"]), str(row["versions"]))
        for row in rows
    ]
    print(_table(("template", "file", "pinned", "versions"), table))
    return 0


def run_history(args: argparse.Namespace) -> int:
    with pin_errors():
        history = open_pins(get_settings()).prompt_history(args.name)
    if not history:
        print(f"{args.name} has never been pinned: the file is live.")
        return 0
    for pin in history:
        reason = f"  {pin.reason}" if pin.reason else ""
        print(f"{pin.pinned_at:%Y-%m-%d %H:%M}  {pin.sha256[:SHORT]}  {pin.actor}{reason}")
    return 0


def run_diff(args: argparse.Namespace) -> int:
    with pin_errors():
        pins = open_pins(get_settings())
        old_sha = args.sha_a or pins.current_prompt_pins().get(args.name)
        if old_sha is None:
            raise PinError(f"{args.name} has no pin; name the version to compare with the file")
        new_sha = args.sha_b or pins.file_sha(args.name)
        if new_sha is None:
            raise PinError(f"{args.name} is not a prompt template (`overturn prompts list` shows them)")
        old, new = pins.version(args.name, old_sha), pins.version(args.name, new_sha)
    lines = difflib.unified_diff(
        old.text.splitlines(keepends=True),
        new.text.splitlines(keepends=True),
        fromfile=f"{args.name}@{old.sha256[:SHORT]}",
        tofile=f"{args.name}@{new.sha256[:SHORT]}",
    )
    text = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    print(text.rstrip("\n") if text else f"{args.name}: {old.sha256[:SHORT]} and {new.sha256[:SHORT]} are the same")
    return 0


def run_pin(args: argparse.Namespace) -> int:
    with pin_errors():
        pins = open_pins(get_settings())
        previous = pins.current_prompt_pins().get(args.name)
        pin = pins.pin_prompt(args.name, args.sha, actor=cli_actor(), role=STAFF_ROLE, reason=args.reason)
        is_file = pin.sha256 == pins.file_sha(args.name)
    was = previous[:SHORT] if previous else "the file"
    print(f"pinned {args.name} to {pin.sha256[:SHORT]}{' (the current file)' if is_file else ''}; was {was}")
    return 0


def run_rollback(args: argparse.Namespace) -> int:
    with pin_errors():
        pin = open_pins(get_settings()).rollback_prompt(args.name, actor=cli_actor(), role=STAFF_ROLE)
    print(f"rolled {args.name} back to {pin.sha256[:SHORT]}")
    return 0


def run_add(args: argparse.Namespace) -> int:
    try:
        text = args.file.read_bytes().decode("utf-8")
    except FileNotFoundError as exc:
        raise UserFacingError(f"{args.file}: no such file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise UserFacingError(f"{args.file}: cannot be read as UTF-8 text") from exc
    with pin_errors():
        sha = open_pins(get_settings()).register_text(args.name, text)
    print(f"registered {args.name}@{sha[:SHORT]} (not live; pin it, or shadow it as {args.name}@{sha[:SHORT]})")
    return 0


def template_rows(pins: PinStore) -> list[dict[str, object]]:
    pinned = pins.current_prompt_pins()
    return [
        {
            "name": name,
            "file_sha256": pins.file_sha(name),
            "pinned_sha256": pinned.get(name),
            "versions": len(pins.prompt_versions(name)),
        }
        for name in pins.template_names()
    ]


def _short(sha: object) -> str:
    return str(sha)[:SHORT] if sha else "—"


def _table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> str:
    widths = [max(len(cell) for cell in column) for column in zip(header, *rows, strict=True)]
    lines = [header, tuple("-" * width for width in widths), *rows]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip() for line in lines
    )
