from __future__ import annotations

import io

import pytest
from PIL import Image

from graph.reading import messages
from graph.reading.document import ReadError, SourceKind
from graph.reading.image import decode_pages, read_image
from graph.reading.limits import MAX_OCR_PAGES
from tests.graph.reading.builders import blank_picture, encoded

pytestmark = pytest.mark.unit

KEY_WORDS = ("ozempic", "denied", "marisol okafor", "180 days", "jrh-5531-0042")


@pytest.mark.parametrize(("format_name", "options"), [("PNG", {}), ("JPEG", {"quality": 70})])
def test_a_picture_of_a_letter_is_read(letter_image: Image.Image, format_name: str, options: dict[str, int]) -> None:
    document = read_image(encoded(letter_image, format_name, **options))
    assert document.source_kind is SourceKind.ocr
    assert document.pages == 1
    assert document.ocr_confidence is not None and 0.9 < document.ocr_confidence <= 1.0
    lowered = document.text.lower()
    missing = [word for word in KEY_WORDS if word not in lowered]
    assert not missing, f"OCR lost {missing} from:\n{document.text}"
    assert document.text.splitlines()[0] == "Juniper Ridge Health Plan"  # reading order, spaces kept


def test_a_blank_picture_has_no_text() -> None:
    with pytest.raises(ReadError) as caught:
        read_image(encoded(blank_picture(), "PNG"))
    assert str(caught.value) == messages.IMAGE_NO_TEXT


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 40,
        encoded(Image.new("RGB", (300, 300), (250, 250, 250)), "JPEG")[:200],  # download cut short
        b"not a picture at all",
    ],
    ids=["png-header-only", "jpeg-cut-short", "not-a-picture"],
)
def test_a_damaged_picture_is_refused(data: bytes) -> None:
    with pytest.raises(ReadError) as caught:
        decode_pages(data)
    assert str(caught.value) == messages.IMAGE_BROKEN


def test_a_picture_in_a_format_we_do_not_read_names_the_ones_we_do() -> None:
    with pytest.raises(ReadError) as caught:
        decode_pages(encoded(Image.new("RGB", (40, 40)), "BMP"))
    assert str(caught.value) == messages.image_format_unsupported("BMP")
    assert "PNG, JPEG, TIFF or WebP" in str(caught.value)


def test_black_text_on_a_transparent_background_lands_on_white() -> None:
    picture = Image.new("RGBA", (60, 20), (0, 0, 0, 0))
    picture.putpixel((5, 5), (0, 0, 0, 255))
    (page,) = decode_pages(encoded(picture, "PNG"))
    assert page.mode == "RGB"
    assert page.getpixel((30, 10)) == (255, 255, 255)
    assert page.getpixel((5, 5)) == (0, 0, 0)


def test_a_phone_photo_is_turned_upright_by_its_orientation_tag() -> None:
    picture = Image.new("RGB", (80, 40), (255, 255, 255))
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 degrees clockwise to view"
    (page,) = decode_pages(encoded(picture, "JPEG", exif=exif.tobytes()))
    assert page.size == (40, 80)


def test_a_multi_page_fax_gives_one_image_per_page() -> None:
    frames = [Image.new("L", (50, 60), shade) for shade in (255, 200, 150)]
    out = io.BytesIO()
    frames[0].save(out, format="TIFF", save_all=True, append_images=frames[1:])
    pages = decode_pages(out.getvalue())
    assert [page.getpixel((0, 0)) for page in pages] == [(255, 255, 255), (200, 200, 200), (150, 150, 150)]


def test_a_fax_with_too_many_pages_is_refused() -> None:
    frames = [Image.new("L", (10, 10), 255)] * (MAX_OCR_PAGES + 1)
    out = io.BytesIO()
    frames[0].save(out, format="TIFF", save_all=True, append_images=frames[1:])
    with pytest.raises(ReadError) as caught:
        decode_pages(out.getvalue())
    assert str(caught.value) == messages.too_many_scanned_pages(MAX_OCR_PAGES + 1, MAX_OCR_PAGES)


def test_a_huge_picture_is_refused_before_decoding(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("graph.reading.image.MAX_PIXELS", 100 * 100)
    with pytest.raises(ReadError) as caught:
        decode_pages(encoded(Image.new("L", (101, 100), 255), "PNG"))
    assert str(caught.value) == messages.IMAGE_TOO_LARGE


def test_a_large_picture_is_scaled_down_for_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("graph.reading.image.MAX_OCR_PIXELS", 200_000)
    (page,) = decode_pages(encoded(Image.new("L", (1000, 800), 255), "PNG"))
    assert page.size == (500, 400)


def test_sixteen_bit_greyscale_scans_are_scaled_to_eight_bits() -> None:
    out = io.BytesIO()
    Image.new("I;16", (20, 20), 51200).save(out, format="PNG")
    (page,) = decode_pages(out.getvalue())
    assert page.getpixel((0, 0)) == (200, 200, 200)


def test_a_long_screenshot_keeps_its_text_size(monkeypatch: pytest.MonkeyPatch) -> None:
    # Capped by area, not by side: a tall, narrow picture within the budget is not shrunk.
    monkeypatch.setattr("graph.reading.image.MAX_OCR_PIXELS", 200_000)
    (page,) = decode_pages(encoded(Image.new("L", (200, 1000), 255), "PNG"))
    assert page.size == (200, 1000)
