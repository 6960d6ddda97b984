"""`overturn extract FILE [--json]`: what the denial letter says, with the words each fact came from."""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.cli.errors import UserFacingError
from bot.cli.files import read_letter_file
from bot.cli.render_details import render_table
from graph.extraction.extractor import extract
from graph.reading.language import looks_english


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("extract", help="read a denial letter and show what it says")
    parser.add_argument("file", type=Path, help="the denial letter: .txt, .pdf, .png or .jpg")
    parser.add_argument("--json", action="store_true", help="print the details as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    document = read_letter_file(args.file)
    if not looks_english(document.text):
        raise UserFacingError(f"{args.file}: this letter does not look like English; Overturn reads English letters.")
    details = extract(document.text)
    if args.json:
        print(details.model_dump_json(indent=2))
    else:
        print(render_table(details))
    return 0
