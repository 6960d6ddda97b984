"""Plain-text letters, decoded as written and never reflowed.

UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark, else Windows-1252.
"""

from __future__ import annotations

import codecs

from graph.reading import messages
from graph.reading.document import Document, ReadError, SourceKind

# A letter may hold the odd stray control character; a file where more than this share of characters are
# control characters is a binary file that happens to decode.
_MAX_CONTROL_SHARE = 0.02
_WHITESPACE_CONTROLS = frozenset("\t\n\r\f\v")


def read_text_file(data: bytes) -> Document:
    text = decode_text(data)
    if _is_binary(text):
        raise ReadError(messages.UNKNOWN_FORMAT)
    if not text.strip():
        raise ReadError(messages.NO_TEXT_IN_FILE)
    return Document(text=text, source_kind=SourceKind.text)


def decode_text(data: bytes) -> str:
    """The file's text exactly as decoded, without its byte-order mark. Line endings are left alone."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")  # the codec reads the mark to pick the byte order, then drops it
        except UnicodeDecodeError:
            raise ReadError(messages.UNKNOWN_FORMAT) from None
    if b"\x00" in data:
        raise ReadError(messages.UNKNOWN_FORMAT)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Five byte values have no Windows-1252 character; they become U+FFFD rather than failing the letter.
        return data.decode("cp1252", errors="replace")


def _is_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    controls = sum(1 for char in text if _is_control(char))
    return controls > _MAX_CONTROL_SHARE * len(text)


def _is_control(char: str) -> bool:
    code = ord(char)
    return (code < 0x20 or 0x7F <= code < 0xA0) and char not in _WHITESPACE_CONTROLS
