"""Pictures of a letter (PNG, JPEG, TIFF, WebP): decoded, turned upright, flattened onto white, read by OCR.

A multi-page TIFF (a fax) is read page by page.
"""

from __future__ import annotations

import io
import math
import warnings
from collections.abc import Iterator

from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from graph.reading import messages
from graph.reading.document import Document, ReadError, SourceKind
from graph.reading.limits import MAX_OCR_PAGES, MAX_OCR_PIXELS, MAX_PIXELS
from graph.reading.ocr import combined_confidence, recognize
from graph.reading.pages import MIN_USABLE_CHARS, join_pages, usable_char_count

_READABLE_FORMATS = frozenset({"PNG", "JPEG", "MPO", "TIFF", "WEBP"})  # as Pillow names them; MPO is a phone JPEG


def read_image(data: bytes) -> Document:
    readings = [recognize(page) for page in decode_pages(data)]
    text, starts = join_pages([reading.text for reading in readings])
    if usable_char_count(text) < MIN_USABLE_CHARS:
        raise ReadError(messages.IMAGE_NO_TEXT)
    return Document(
        text=text,
        source_kind=SourceKind.ocr,
        pages=len(readings),
        ocr_confidence=combined_confidence(readings),
        page_starts=starts,
    )


def decode_pages(data: bytes) -> list[Image.Image]:
    """Each page of the picture, upright (per its camera orientation tag), in RGB on a white background."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            picture = Image.open(io.BytesIO(data))
            format_name = picture.format or ""
            if format_name not in _READABLE_FORMATS:
                raise ReadError(messages.image_format_unsupported(format_name or "These"))
            frame_count = getattr(picture, "n_frames", 1)
            if frame_count > MAX_OCR_PAGES:
                raise ReadError(messages.too_many_scanned_pages(frame_count, MAX_OCR_PAGES))
            return [_prepared(frame) for frame in _frames(picture, format_name)]
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ReadError(messages.IMAGE_TOO_LARGE) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError):
        # Pillow reports damaged and truncated files with any of these.
        raise ReadError(messages.IMAGE_BROKEN) from None


def _frames(picture: Image.Image, format_name: str) -> Iterator[Image.Image]:
    if format_name == "MPO":  # a phone JPEG with a second, preview frame: the first frame is the photo
        yield picture
        return
    yield from ImageSequence.Iterator(picture)


def _prepared(frame: Image.Image) -> Image.Image:
    width, height = frame.size
    if width * height > MAX_PIXELS:
        raise ReadError(messages.IMAGE_TOO_LARGE)
    frame.load()
    upright = ImageOps.exif_transpose(frame) or frame
    flat = _on_white(upright)
    width, height = flat.size
    if width * height <= MAX_OCR_PIXELS:
        return flat
    scale = math.sqrt(MAX_OCR_PIXELS / (width * height))
    return flat.resize((max(1, int(width * scale)), max(1, int(height * scale))), Image.Resampling.LANCZOS)


def _on_white(picture: Image.Image) -> Image.Image:
    """RGB, transparent parts white (black text on a transparent PNG would otherwise be black on black)."""
    if picture.mode in ("RGBA", "LA") or (picture.mode == "P" and "transparency" in picture.info):
        rgba = picture.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    if picture.mode in ("I;16", "I;16B", "I;16L", "I"):  # 16-bit greyscale scans: scale down to 8 bits
        return picture.convert("I").point(lambda value: value * (1 / 256)).convert("L").convert("RGB")
    return picture.convert("RGB")
