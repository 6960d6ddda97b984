"""PDF letters: the text layer of each page, and OCR for pages without one (scans, or text drawn as shapes).

Pages are read in two passes so that a long scan is refused before any OCR time is spent on it.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from graph.reading import messages
from graph.reading.document import Document, ReadError, SourceKind
from graph.reading.limits import MAX_OCR_PAGES, MAX_OCR_PIXELS, MAX_PAGES, OCR_DPI
from graph.reading.ocr import combined_confidence, recognize
from graph.reading.pages import MIN_USABLE_CHARS, clean_page_text, join_pages, usable_char_count

_POINTS_PER_INCH = 72
# A page whose pictures cover this share of it, with fewer usable characters than _STAMP_CHARS in its text
# layer, is a scan with a stamp on it.
_SCANNED_PAGE_COVERAGE = 0.5
_STAMP_CHARS = 200


def read_pdf(data: bytes) -> Document:
    with _opened(data) as pdf:
        page_count = len(pdf)
        if page_count > MAX_PAGES:
            raise ReadError(messages.too_many_pages(page_count, MAX_PAGES))
        layer_texts = [_text_layer(pdf, index) for index in range(page_count)]
        needs_ocr = [index for index, text in enumerate(layer_texts) if _needs_ocr(pdf, index, text)]
        if len(needs_ocr) > MAX_OCR_PAGES:
            raise ReadError(messages.too_many_scanned_pages(len(needs_ocr), MAX_OCR_PAGES))
        readings = {index: recognize(_render(pdf, index)) for index in needs_ocr}

    ocr_pages = {
        index: reading
        for index, reading in readings.items()
        if usable_char_count(reading.text) > usable_char_count(layer_texts[index])
    }
    page_texts = [ocr_pages[i].text if i in ocr_pages else text for i, text in enumerate(layer_texts)]
    text, starts = join_pages(page_texts)
    if usable_char_count(text) < MIN_USABLE_CHARS:
        raise ReadError(messages.PDF_NO_TEXT)
    return Document(
        text=text,
        source_kind=SourceKind.ocr if ocr_pages else SourceKind.pdf_text,
        pages=page_count,
        ocr_confidence=combined_confidence(list(ocr_pages.values())) if ocr_pages else None,
        page_starts=starts,
    )


def _needs_ocr(pdf: pdfium.PdfDocument, index: int, layer_text: str) -> bool:
    """No usable text layer; or a page that is mostly a picture with a little text on it (a fax header stamped
    on a scanned page), whose letter is in the picture."""
    usable = usable_char_count(layer_text)
    if usable < MIN_USABLE_CHARS:
        return True
    return usable < _STAMP_CHARS and _image_coverage(pdf, index) >= _SCANNED_PAGE_COVERAGE


@contextmanager
def _opened(data: bytes) -> Iterator[pdfium.PdfDocument]:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        locked = error.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY)
        raise ReadError(messages.PDF_LOCKED if locked else messages.PDF_BROKEN) from None
    try:
        yield pdf
    except pdfium.PdfiumError:
        raise ReadError(messages.PDF_BROKEN) from None  # a page that cannot be loaded or rendered
    finally:
        pdf.close()


def _text_layer(pdf: pdfium.PdfDocument, index: int) -> str:
    page = pdf[index]
    try:
        text_page = page.get_textpage()
        try:
            return clean_page_text(text_page.get_text_range())
        finally:
            text_page.close()
    finally:
        page.close()


def _image_coverage(pdf: pdfium.PdfDocument, index: int) -> float:
    """The share of the page covered by pictures (overlaps counted twice; good enough to tell a scan)."""
    page = pdf[index]
    try:
        width, height = page.get_size()
        covered = 0.0
        for picture in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
            left, bottom, right, top = picture.get_bounds()
            visible_width = max(0.0, min(right, width) - max(left, 0.0))
            visible_height = max(0.0, min(top, height) - max(bottom, 0.0))
            covered += visible_width * visible_height
        return float(covered / max(width * height, 1.0))
    finally:
        page.close()


def _render(pdf: pdfium.PdfDocument, index: int) -> Image.Image:
    page = pdf[index]
    try:
        width, height = page.get_size()
        scale = min(OCR_DPI / _POINTS_PER_INCH, math.sqrt(MAX_OCR_PIXELS / max(width * height, 1.0)))
        bitmap = page.render(scale=scale)
        image: Image.Image = bitmap.to_pil().convert("RGB")
        bitmap.close()
        return image
    finally:
        page.close()
