"""What reading a file yields, and why reading can fail. The text is what the member sees; evidence indexes it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class SourceKind(StrEnum):
    text = "text"  # a plain-text file
    pdf_text = "pdf_text"  # a PDF with a text layer
    ocr = "ocr"  # a scanned PDF or an image, read by OCR


@dataclass(frozen=True)
class Document:
    text: str
    source_kind: SourceKind
    pages: int = 1
    ocr_confidence: float | None = None  # mean recognizer confidence, 0..1, OCR only


class ReadError(Exception):
    """The file cannot be read as a letter. The message is one line, written for the member."""
