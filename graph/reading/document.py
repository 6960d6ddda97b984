"""What reading a file yields, and why reading can fail.

The text is what the member sees; evidence spans index it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class SourceKind(StrEnum):
    text = "text"  # a plain-text file
    pdf_text = "pdf_text"  # a PDF with a text layer
    ocr = "ocr"  # a scanned PDF or an image, read by OCR (also a PDF where only some pages needed OCR)


@dataclass(frozen=True)
class Document:
    text: str
    source_kind: SourceKind
    pages: int = 1
    ocr_confidence: float | None = None  # mean recognizer confidence, 0..1, OCR only
    # Offset in `text` where each page begins (pages are joined by a blank line): evidence can name its page.
    page_starts: tuple[int, ...] = (0,)

    def page_of(self, offset: int) -> int:
        """The 1-based page that holds the character at `offset`."""
        page = 1
        for number, start in enumerate(self.page_starts, start=1):
            if start <= offset:
                page = number
        return page


class ReadError(Exception):
    """The file cannot be read as a letter. The message is one line, written for the member."""
