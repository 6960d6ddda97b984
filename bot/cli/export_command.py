"""`overturn export training --deidentified [--out FILE]`: approved letters as chat examples, JSON Lines.

Only the de-identified export exists (store.training_export says what that guarantees); the flag is required
so that nobody mistakes what the file holds. A letter that fails the last identifier check is left out and
named on stderr by id.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TextIO

from sqlalchemy import Engine

from bot.cli.errors import UserFacingError
from bot.settings import get_settings
from bot.store_access import open_store
from store.training_export import training_examples


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("export", help="export data for training")
    kinds = parser.add_subparsers(dest="export_kind", required=True, metavar="KIND")
    training = kinds.add_parser("training", help="approved and sent letters as chat examples (JSON Lines)")
    training.add_argument("--deidentified", action="store_true", help="required: the only export there is")
    training.add_argument("--out", type=Path, metavar="FILE", help="write here (owner-only) instead of stdout")
    training.set_defaults(run=run_training)


def run_training(args: argparse.Namespace) -> int:
    if not args.deidentified:
        raise UserFacingError("there is no identified export; run: overturn export training --deidentified")
    out_path: Path | None = args.out
    if out_path is not None and not out_path.parent.is_dir():
        raise UserFacingError(f"--out {out_path}: the folder {out_path.parent} does not exist")
    store = open_store(get_settings())
    try:
        if out_path is None:
            written, refused = _write(store.engine, sys.stdout)
        else:
            descriptor = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.fchmod(descriptor, 0o600)  # a file that was there keeps its mode otherwise
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                written, refused = _write(store.engine, handle)
    finally:
        store.close()
    where = "stdout" if out_path is None else str(out_path)
    left_out = f"; {refused} left out" if refused else ""
    noun = "example" if written == 1 else "examples"
    print(f"Wrote {written} training {noun} to {where}{left_out}.", file=sys.stderr)
    return 0


def _write(engine: Engine, out: TextIO) -> tuple[int, int]:
    refused: list[int] = []

    def note_refused(letter_id: int, reason: str) -> None:
        refused.append(letter_id)
        print(f"letter {letter_id} left out: {reason}", file=sys.stderr)

    written = 0
    for example in training_examples(engine, on_refused=note_refused):
        out.write(json.dumps(example, ensure_ascii=False) + "\n")
        written += 1
    return written, len(refused)
