"""Reading a denial letter the member hands over (plain text, PDF, or a picture or scan) into its text.

The caller reads the file; this package only looks at the bytes and the file's name.
"""

from __future__ import annotations

from graph.reading import messages
from graph.reading.document import Document, ReadError, SourceKind
from graph.reading.image import read_image
from graph.reading.language import looks_english
from graph.reading.pdf import read_pdf
from graph.reading.sniff import FileKind, sniff
from graph.reading.text_file import read_text_file

__all__ = ["Document", "ReadError", "SourceKind", "looks_english", "read_document"]

DEFAULT_MAX_BYTES = 5 * 1024 * 1024


def read_document(data: bytes, filename: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """The letter's text and where it came from; ReadError (one line for the member) when it cannot be read.

    The kind of file is decided by its first bytes, then by its name. The returned text is final: evidence
    spans index it as it is.
    """
    if not data:
        raise ReadError(messages.EMPTY)
    if len(data) > max_bytes:
        raise ReadError(messages.too_large(max_bytes))
    sniffed = sniff(data, filename)
    match sniffed.kind:
        case FileKind.pdf:
            return read_pdf(data)
        case FileKind.image:
            return read_image(data)
        case FileKind.unsupported_image:
            raise ReadError(messages.image_format_unsupported(sniffed.format_name or "These"))
        case FileKind.unknown:
            raise ReadError(messages.UNKNOWN_FORMAT)
        case FileKind.text:
            return read_text_file(data)
