from __future__ import annotations

import codecs

import pytest

from graph.reading import messages
from graph.reading.document import ReadError, SourceKind
from graph.reading.text_file import read_text_file

pytestmark = pytest.mark.unit

LETTER = "Dear Ms. Ávila,\r\nYour claim for the MRI was denied — see the “reason” below.\r\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (LETTER.encode("utf-8"), LETTER),
        (codecs.BOM_UTF8 + LETTER.encode("utf-8"), LETTER),  # the mark is dropped, nothing else
        (LETTER.encode("cp1252"), LETTER),  # curly quotes and dashes from Word on Windows
        (codecs.BOM_UTF16_LE + LETTER.encode("utf-16-le"), LETTER),
        (codecs.BOM_UTF16_BE + LETTER.encode("utf-16-be"), LETTER),
        (b"Line one\rLine two\n", "Line one\rLine two\n"),  # line endings are left as written
        (b"Denied\x81 claim", "Denied\ufffd claim"),  # a byte with no Windows-1252 character
    ],
)
def test_decodes_exactly_as_written(data: bytes, expected: str) -> None:
    document = read_text_file(data)
    assert document.text == expected
    assert document.source_kind is SourceKind.text
    assert document.pages == 1
    assert document.ocr_confidence is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Dear member\x00\x00\x00your claim", messages.UNKNOWN_FORMAT),  # NUL bytes: binary
        (bytes(range(1, 32)) * 20 + b"some words", messages.UNKNOWN_FORMAT),  # mostly control characters
        (b" \r\n\t\n ", messages.NO_TEXT_IN_FILE),
        (codecs.BOM_UTF8, messages.NO_TEXT_IN_FILE),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", messages.UNKNOWN_FORMAT),  # a lone surrogate: not really UTF-16
    ],
)
def test_refuses_what_is_not_a_text_letter(data: bytes, message: str) -> None:
    with pytest.raises(ReadError) as caught:
        read_text_file(data)
    assert str(caught.value) == message


def test_a_few_stray_control_characters_are_kept() -> None:
    text = "Dear member,\x0b your claim\x1a was denied after review of the records we received from your doctor.\n"
    assert read_text_file(text.encode()).text == text
