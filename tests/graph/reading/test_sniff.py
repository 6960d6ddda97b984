from __future__ import annotations

import pytest

from graph.reading.sniff import FileKind, Sniffed, sniff

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("data", "filename", "expected"),
    [
        (b"%PDF-1.7\n...", "letter.txt", Sniffed(FileKind.pdf)),  # the bytes win over the name
        (b"\r\n%PDF-1.4\n...", "scan", Sniffed(FileKind.pdf)),  # a header after a little junk
        (b"\x89PNG\r\n\x1a\n....", "letter.jpg", Sniffed(FileKind.image, "PNG")),
        (b"\xff\xd8\xff\xe0....", "photo", Sniffed(FileKind.image, "JPEG")),
        (b"II*\x00....", "fax.tif", Sniffed(FileKind.image, "TIFF")),
        (b"MM\x00*....", "fax", Sniffed(FileKind.image, "TIFF")),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "x", Sniffed(FileKind.image, "WebP")),
        (b"GIF89a....", "letter.png", Sniffed(FileKind.unsupported_image, "GIF")),
        (b"\x00\x00\x00\x18ftypheic\x00\x00", "IMG_0001.HEIC", Sniffed(FileKind.unsupported_image, "HEIC")),
        (b"\x00\x00\x00\x1cftypavif\x00\x00", "a", Sniffed(FileKind.unsupported_image, "AVIF")),
        (
            b"BM\x10\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00\x28\x00",
            "b",
            Sniffed(FileKind.unsupported_image, "BMP"),
        ),
        (b"PK\x03\x04\x14\x00\x06\x00", "letter.docx", Sniffed(FileKind.unknown)),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "letter.doc", Sniffed(FileKind.unknown)),
    ],
)
def test_magic_bytes_decide(data: bytes, filename: str, expected: Sniffed) -> None:
    assert sniff(data, filename) == expected


@pytest.mark.parametrize(
    ("filename", "expected"),
    [
        ("letter.pdf", Sniffed(FileKind.pdf)),
        ("LETTER.PDF", Sniffed(FileKind.pdf)),
        ("scan.jpeg", Sniffed(FileKind.image, "JPEG")),
        ("scan.tiff", Sniffed(FileKind.image, "TIFF")),
        ("photo.heic", Sniffed(FileKind.unsupported_image, "HEIC")),
        ("letter.bmp", Sniffed(FileKind.unsupported_image, "BMP")),
        ("letter.docx", Sniffed(FileKind.unknown)),
        ("letter.txt", Sniffed(FileKind.text)),
        ("letter", Sniffed(FileKind.text)),
        ("forwarded.eml", Sniffed(FileKind.text)),
    ],
)
def test_name_decides_when_the_bytes_do_not(filename: str, expected: Sniffed) -> None:
    assert sniff(b"Dear member, your claim was denied.", filename) == expected


@pytest.mark.parametrize(
    "data",
    [
        b"BMW of North America health plan: your claim was denied.",  # starts like a BMP, is text
        b"MZ Health Partners\nDear member,",  # starts like a Windows program, has no NUL bytes
        b"PK Health Plan\nDear member,",  # starts like a zip, has no NUL bytes
    ],
)
def test_text_that_starts_like_a_binary_format_is_text(data: bytes) -> None:
    assert sniff(data, "letter.txt") == Sniffed(FileKind.text)
