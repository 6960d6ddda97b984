"""The one-line messages a member sees when a file cannot be read. No jargon, nothing from the file itself."""

from __future__ import annotations

READABLE_IMAGES = "PNG, JPEG, TIFF or WebP"

EMPTY = "The file is empty."
NO_TEXT_IN_FILE = "The file has no text in it."
UNKNOWN_FORMAT = (
    f"This kind of file can't be read; please send the letter as a PDF, a picture ({READABLE_IMAGES}) "
    "or a plain-text file."
)
PDF_LOCKED = (
    "This PDF is protected by a password; please send a copy without the password (for example, print it to a new PDF)."
)
PDF_BROKEN = "This PDF is damaged or incomplete and can't be opened; please download or scan the letter again."
PDF_NO_TEXT = (
    "No text could be found in this PDF; if it is a scan, please make sure the pages are clear, upright and well lit."
)
IMAGE_BROKEN = "This picture is damaged or incomplete and can't be opened; please take or save it again."
IMAGE_NO_TEXT = "No text could be found in this picture; please send a clear, upright, well-lit picture of the letter."
IMAGE_TOO_LARGE = "This picture is too large to read; please send a smaller or lower-resolution picture."


def too_large(max_bytes: int) -> str:
    return f"The file is larger than {max_bytes / (1024 * 1024):g} MB; please send a smaller file."


def image_format_unsupported(format_name: str) -> str:
    return f"{format_name} pictures can't be read; please send a {READABLE_IMAGES} picture, or a PDF."


def too_many_pages(pages: int, limit: int) -> str:
    return (
        f"This file has {pages} pages and Overturn reads up to {limit}; "
        "please send only the pages of the denial letter."
    )


def too_many_scanned_pages(pages: int, limit: int) -> str:
    return (
        f"This file has {pages} scanned pages and Overturn reads up to {limit} scanned pages; "
        "please send only the pages of the denial letter."
    )
