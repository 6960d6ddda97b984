from __future__ import annotations

import re

import pytest
from PIL import Image

from graph.reading import messages
from graph.reading.document import ReadError, SourceKind
from graph.reading.limits import MAX_OCR_PAGES, MAX_PAGES
from graph.reading.pdf import read_pdf
from tests.graph.reading.builders import blank_picture, encrypted, image_pdf, merged, text_pdf

pytestmark = pytest.mark.unit

PAGE_ONE = (
    "Juniper Ridge Health Plan\nDear Marisol Okafor,\n"
    "Your request for Ozempic (semaglutide) has been denied because the plan's step therapy rule was not met."
)
PAGE_TWO = "You may appeal this decision within 180 days of the date of this letter.\nSincerely,\nPharmacy Team"


def _words(text: str) -> list[str]:
    return re.findall(r"\S+", text)


def test_text_layer_pages_are_joined_with_a_blank_line() -> None:
    document = read_pdf(text_pdf([PAGE_ONE, PAGE_TWO]))
    assert document.source_kind is SourceKind.pdf_text
    assert document.pages == 2
    assert document.ocr_confidence is None
    assert "\r" not in document.text
    assert _words(document.text) == _words(PAGE_ONE) + _words(PAGE_TWO)
    second = document.page_starts[1]
    assert document.text[second - 2 : second] == "\n\n"
    assert document.text[second:].startswith("You may appeal")
    assert document.page_of(document.text.index("180 days")) == 2


def test_a_pdf_locked_only_against_editing_opens() -> None:
    locked = encrypted(text_pdf([PAGE_ONE]), user_password="", owner_password="plan-only")
    assert "Ozempic (semaglutide)" in read_pdf(locked).text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (encrypted(text_pdf([PAGE_ONE]), user_password="s3cret", owner_password="x"), messages.PDF_LOCKED),
        (text_pdf([PAGE_ONE, PAGE_TWO])[:-300], messages.PDF_BROKEN),  # download cut short
        (text_pdf([PAGE_ONE])[: len(text_pdf([PAGE_ONE])) // 2], messages.PDF_BROKEN),
        (b"%PDF-1.7\nthis is not really a PDF at all", messages.PDF_BROKEN),
        (b"Dear member, this file is named .pdf but is plain text", messages.PDF_BROKEN),
    ],
)
def test_unreadable_pdfs_say_why_in_one_line(data: bytes, message: str) -> None:
    with pytest.raises(ReadError) as caught:
        read_pdf(data)
    assert str(caught.value) == message
    assert "\n" not in message


def test_too_many_pages_is_refused_before_reading() -> None:
    with pytest.raises(ReadError) as caught:
        read_pdf(text_pdf([PAGE_TWO] * (MAX_PAGES + 1)))
    assert str(caught.value) == messages.too_many_pages(MAX_PAGES + 1, MAX_PAGES)


def test_too_many_scanned_pages_is_refused_before_any_ocr() -> None:
    small_blank = Image.new("RGB", (20, 26), (255, 255, 255))
    with pytest.raises(ReadError) as caught:
        read_pdf(image_pdf([small_blank] * (MAX_OCR_PAGES + 1)))
    assert str(caught.value) == messages.too_many_scanned_pages(MAX_OCR_PAGES + 1, MAX_OCR_PAGES)


def test_a_blank_scan_has_no_text() -> None:
    with pytest.raises(ReadError) as caught:
        read_pdf(image_pdf([blank_picture()]))
    assert str(caught.value) == messages.PDF_NO_TEXT


def test_a_scanned_page_is_read_by_ocr(letter_image: Image.Image) -> None:
    document = read_pdf(image_pdf([letter_image]))
    assert document.source_kind is SourceKind.ocr
    assert document.pages == 1
    assert document.ocr_confidence is not None and document.ocr_confidence > 0.9
    lowered = document.text.lower()
    for word in ("ozempic", "denied", "marisol okafor", "180 days", "jrh-5531-0042"):
        assert word in lowered


def test_a_fax_stamp_on_a_scan_does_not_hide_the_letter(letter_image: Image.Image) -> None:
    # The fax server's line is a real text layer of 40-odd characters; the letter itself is the picture.
    stamp = "Received by fax 06/12/2025 09:14 from 555 0100 page 1 of 2"
    document = read_pdf(merged([text_pdf([PAGE_TWO]), image_pdf([letter_image], stamp=stamp)]))
    assert document.source_kind is SourceKind.ocr
    assert document.pages == 2
    first_page, second_page = document.text[: document.page_starts[1]], document.text[document.page_starts[1] :]
    assert "Pharmacy Team" in first_page  # the text-layer page kept its own text
    assert "ozempic" in second_page.lower() and "denied" in second_page.lower()
