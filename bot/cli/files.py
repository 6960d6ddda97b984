"""Turning a path on the command line into a Document, with one clear line for every way that can fail."""

from __future__ import annotations

from pathlib import Path

from bot.cli.errors import UserFacingError
from bot.settings import get_settings
from graph.reading import read_document
from graph.reading.document import Document, ReadError


def read_letter_file(path: Path) -> Document:
    limit = get_settings().max_upload_bytes
    if not path.exists():
        raise UserFacingError(f"{path}: no such file.")
    if not path.is_file():
        raise UserFacingError(f"{path}: not a file.")
    size = path.stat().st_size
    if size > limit:
        raise UserFacingError(f"{path}: the file is larger than {limit // (1024 * 1024)} MB; send a smaller file.")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserFacingError(f"{path}: cannot be read ({exc.strerror or 'permission denied'}).") from None
    try:
        return read_document(data, path.name, max_bytes=limit)
    except ReadError as exc:
        raise UserFacingError(f"{path}: {exc}") from None
