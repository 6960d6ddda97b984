"""`overturn extract FILE [--json]`: what the denial letter says, with the words each fact came from."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from bot.cli.errors import UserFacingError
from bot.cli.files import read_letter_file
from bot.cli.render_details import render_table
from bot.settings import get_settings
from graph.denial import DenialDetails
from graph.extraction.extractor import extract
from graph.reading.language import looks_english
from serving.router import Router


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("extract", help="read a denial letter and show what it says")
    parser.add_argument("file", type=Path, help="the denial letter: .txt, .pdf, .png or .jpg")
    parser.add_argument("--json", action="store_true", help="print the details as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    document = read_letter_file(args.file)
    if not looks_english(document.text):
        raise UserFacingError(f"{args.file}: this letter does not look like English; Overturn reads English letters.")
    details = _read(document.text)
    if args.json:
        print(details.model_dump_json(indent=2))
    else:
        print(render_table(details))
    return 0


def _read(text: str) -> DenialDetails:
    """The rules' reading, with the model's help when OVERTURN_MODEL_URL names a server."""
    from bot.model_access import model_for, router_from_settings

    settings = get_settings()
    router = router_from_settings(settings)
    model = model_for("extract") if router is not None else None
    if router is None or model is None:
        return extract(text)
    print(f"overturn: reading the letter with {model} (up to {settings.model_timeout_s:g} s)...", file=sys.stderr)
    return asyncio.run(_read_with(router, text, model))


async def _read_with(router: Router, text: str, model: str) -> DenialDetails:
    from bot.assisted_extraction import read_with_model

    try:
        reading = await read_with_model(text, router, model)
    finally:
        await router.aclose()
    if not reading.model_used:
        print(f"overturn: {reading.note}; showing what the rules read.", file=sys.stderr)
    return reading.details
