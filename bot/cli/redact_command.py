"""`overturn redact FILE... [--json] [--known TYPE=VALUE]`: the letter with its identifiers replaced.

All files of one call are one case: a value gets the same placeholder in every file. Every file is read
(and bad input reported) before the redaction engine warms up, once, for all of them. JSON span offsets index
each file's text exactly as read; the output holds placeholders, never the values they stand for.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from bot.cli.errors import UserFacingError
from bot.cli.files import read_letter_file
from graph.reading.document import Document

if TYPE_CHECKING:
    from graph.redaction import KnownValue


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("redact", help="replace names, ids and other PHI in letters with placeholders")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="letters: .txt, .pdf, .png or .jpg")
    parser.add_argument("--json", action="store_true", help="one JSON object per file per line")
    parser.add_argument(
        "--known",
        action="append",
        default=[],
        metavar="TYPE=VALUE",
        help="a value the member gave us, always redacted (e.g. PERSON='Maria Lopez'); repeatable",
    )
    parser.set_defaults(run=run)


def parse_known(items: list[str]) -> list[KnownValue]:
    from graph.redaction import ENTITY_TYPES, KnownValue  # presidio and spaCy load only when redacting

    known: list[KnownValue] = []
    for item in items:
        entity_type, sep, value = item.partition("=")
        entity_type = entity_type.strip().upper()
        if not sep or not value.strip():
            raise UserFacingError(f"--known {item!r}: write TYPE=VALUE, for example PERSON='Maria Lopez'.")
        if entity_type not in ENTITY_TYPES:
            raise UserFacingError(f"--known: unknown type {entity_type}; use one of {', '.join(sorted(ENTITY_TYPES))}.")
        known.append(KnownValue(entity_type, value.strip()))
    return known


def run(args: argparse.Namespace) -> int:
    known = parse_known(args.known)
    documents: list[tuple[Path, Document]] = [(path, read_letter_file(path)) for path in args.files]

    from graph.redaction.engine import get_analyzer
    from graph.redaction.redactor import Redactor
    from store.vault import PhiVault

    redactor = Redactor(get_analyzer(), known)
    vault = PhiVault()
    for number, (path, document) in enumerate(documents):
        redacted = redactor.redact(document.text, vault)
        if args.json:
            spans = [{"type": s.entity_type, "start": s.start, "end": s.end, "score": s.score} for s in redacted.spans]
            print(json.dumps({"file": str(path), "text": redacted.text, "spans": spans}, ensure_ascii=False))
        else:
            if len(documents) > 1:
                print(("\n" if number else "") + f"==> {path} <==")
            print(redacted.text)
    return 0
