"""What kind of file we were handed: by its first bytes when they say, by its name when they do not."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePath


class FileKind(StrEnum):
    text = "text"
    pdf = "pdf"
    image = "image"  # a picture format we read
    unsupported_image = "unsupported_image"  # a picture format we recognise but do not read
    unknown = "unknown"  # a binary format that is not a letter we can read (office documents, archives)


@dataclass(frozen=True)
class Sniffed:
    kind: FileKind
    format_name: str | None = None  # for pictures: the format's everyday name, e.g. "JPEG", "HEIC"


_PDF_MAGIC = b"%PDF-"
_PDF_MAGIC_WINDOW = 1024  # the PDF header may follow a little junk; readers look in the first 1 KB

_IMAGE_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)
_UNSUPPORTED_IMAGE_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\x00\x00\x00\x0cjP  \r\n\x87\n", "JPEG 2000"),
)
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}
_AVIF_BRANDS = {b"avif", b"avis"}
_UNKNOWN_MAGIC: tuple[bytes, ...] = (
    b"PK\x03\x04",  # zip: .docx, .xlsx, .odt, archives
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",  # OLE2: old .doc and .xls
    b"\x1f\x8b",  # gzip
    b"\x7fELF",
    b"MZ",  # Windows programs
)

_IMAGE_EXTENSIONS = {
    ".png": "PNG",
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".tif": "TIFF",
    ".tiff": "TIFF",
    ".webp": "WebP",
}
_UNSUPPORTED_IMAGE_EXTENSIONS = {
    ".gif": "GIF",
    ".bmp": "BMP",
    ".heic": "HEIC",
    ".heif": "HEIC",
    ".avif": "AVIF",
    ".jp2": "JPEG 2000",
    ".svg": "SVG",
}
_UNKNOWN_EXTENSIONS = {".doc", ".docx", ".odt", ".pages", ".xls", ".xlsx", ".ppt", ".pptx", ".zip", ".msg"}


def sniff(data: bytes, filename: str) -> Sniffed:
    return _by_magic(data) or _by_extension(PurePath(filename).suffix.lower())


def _by_magic(data: bytes) -> Sniffed | None:
    if _PDF_MAGIC in data[:_PDF_MAGIC_WINDOW]:
        return Sniffed(FileKind.pdf)
    for magic, name in _IMAGE_MAGIC:
        if data.startswith(magic):
            return Sniffed(FileKind.image, name)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return Sniffed(FileKind.image, "WebP")
    for magic, name in _UNSUPPORTED_IMAGE_MAGIC:
        if data.startswith(magic):
            return Sniffed(FileKind.unsupported_image, name)
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        return Sniffed(FileKind.unsupported_image, "HEIC")
    if data[4:8] == b"ftyp" and data[8:12] in _AVIF_BRANDS:
        return Sniffed(FileKind.unsupported_image, "AVIF")
    if _looks_like_bmp(data):
        return Sniffed(FileKind.unsupported_image, "BMP")
    if any(data.startswith(magic) for magic in _UNKNOWN_MAGIC) and b"\x00" in data[:4096]:
        return Sniffed(FileKind.unknown)
    return None


def _looks_like_bmp(data: bytes) -> bool:
    # "BM" alone could start a text file; a real BMP also records its own length and four zero bytes.
    return (
        data.startswith(b"BM")
        and len(data) >= 14
        and int.from_bytes(data[2:6], "little") == len(data)
        and data[6:10] == b"\x00\x00\x00\x00"
    )


def _by_extension(extension: str) -> Sniffed:
    if extension == ".pdf":
        return Sniffed(FileKind.pdf)
    if extension in _IMAGE_EXTENSIONS:
        return Sniffed(FileKind.image, _IMAGE_EXTENSIONS[extension])
    if extension in _UNSUPPORTED_IMAGE_EXTENSIONS:
        return Sniffed(FileKind.unsupported_image, _UNSUPPORTED_IMAGE_EXTENSIONS[extension])
    if extension in _UNKNOWN_EXTENSIONS:
        return Sniffed(FileKind.unknown)
    return Sniffed(FileKind.text)
