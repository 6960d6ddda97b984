from __future__ import annotations

import codecs

import pytest
from PIL import Image

from graph.reading import Document, ReadError, SourceKind, messages, read_document
from tests.graph.reading.builders import encoded, text_pdf
from tests.graph.reading.samples import ENGLISH_LETTER

pytestmark = pytest.mark.unit


def _refusal(data: bytes, filename: str, max_bytes: int = 5 * 1024 * 1024) -> str:
    with pytest.raises(ReadError) as caught:
        read_document(data, filename, max_bytes=max_bytes)
    message = str(caught.value)
    assert "\n" not in message and message.endswith(".")
    return message


def test_a_text_file_is_returned_as_written() -> None:
    document = read_document(codecs.BOM_UTF8 + ENGLISH_LETTER.encode(), "letter.txt")
    assert document == Document(text=ENGLISH_LETTER, source_kind=SourceKind.text)


def test_a_pdf_is_recognised_by_its_bytes_whatever_its_name() -> None:
    document = read_document(text_pdf(["Your claim for physical therapy was denied."]), "download")
    assert document.source_kind is SourceKind.pdf_text
    assert document.text == "Your claim for physical therapy was denied."


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"", "letter.pdf", messages.EMPTY),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "letter.docx", messages.UNKNOWN_FORMAT),
        (bytes(range(256)) * 4, "letter.txt", messages.UNKNOWN_FORMAT),
        (encoded(Image.new("RGB", (10, 10)), "GIF"), "letter.gif", messages.image_format_unsupported("GIF")),
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00", "IMG_0042.HEIC", messages.image_format_unsupported("HEIC")),
        (b"%PDF-1.7\n%%EOF", "letter.pdf", messages.PDF_BROKEN),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "scan.jpg", messages.IMAGE_BROKEN),
        (b"   \n\n  ", "letter.txt", messages.NO_TEXT_IN_FILE),
    ],
    ids=["empty", "docx", "binary", "gif", "heic", "broken-pdf", "broken-jpeg", "blank-text"],
)
def test_every_refusal_is_one_line_for_the_member(data: bytes, filename: str, message: str) -> None:
    assert _refusal(data, filename) == message


def test_the_size_limit_reads_in_megabytes() -> None:
    assert _refusal(b"x" * (5 * 1024 * 1024 + 1), "letter.txt") == (
        "The file is larger than 5 MB; please send a smaller file."
    )
    assert _refusal(b"x" * 101, "letter.txt", max_bytes=100) == messages.too_large(100)
    assert messages.too_large(1536 * 1024) == "The file is larger than 1.5 MB; please send a smaller file."


def test_a_file_exactly_at_the_limit_is_read() -> None:
    data = b"Your claim was denied. " * 10
    assert read_document(data, "letter.txt", max_bytes=len(data)).text == data.decode()
