"""The finished letter as downloads: which kinds there are, their names, and the bytes (rendered on request).

Nothing is written to disk: the letter lives in the encrypted checkpoint, and each download renders it again.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.documents import letter_document


@dataclass(frozen=True)
class LetterFormat:
    extension: str
    label: str
    media_type: str


FORMATS = {
    "pdf": LetterFormat("pdf", "PDF", "application/pdf"),
    "docx": LetterFormat(
        "docx", "Word (DOCX)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    ),
    "txt": LetterFormat("txt", "plain text", "text/plain; charset=utf-8"),
}
DOWNLOAD_PREFIX = "/overturn/letters/"


def download_path(thread_id: str, extension: str) -> str:
    return f"{DOWNLOAD_PREFIX}{thread_id}.{extension}"


def parse_download_path(path: str) -> tuple[str, LetterFormat] | None:
    """(thread id, format) for a download path, or None for anything else (including path tricks)."""
    if not path.startswith(DOWNLOAD_PREFIX):
        return None
    name = path[len(DOWNLOAD_PREFIX) :]
    thread_id, dot, extension = name.rpartition(".")
    if not dot or extension not in FORMATS or not (thread_id.isascii() and thread_id.isalnum()) or len(thread_id) > 64:
        return None
    return thread_id, FORMATS[extension]


def render(text: str, letter_format: LetterFormat) -> bytes:
    return letter_document(text, f".{letter_format.extension}")
