from __future__ import annotations

import pytest
from PIL import Image

from graph.reading.ocr import OcrText, combined_confidence, recognize

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def letter_top(letter_image: Image.Image) -> Image.Image:
    """The typed part of the page only: orientation tests read it several times, and smaller reads faster."""
    return letter_image.crop((100, 100, 1650, 450))


@pytest.mark.parametrize("degrees", [180, 90])
def test_a_page_turned_upside_down_or_on_its_side_is_read_upright(letter_top: Image.Image, degrees: int) -> None:
    reading = recognize(letter_top.rotate(degrees, expand=True, fillcolor=(255, 255, 255)))
    assert reading.text.splitlines()[0] == "Juniper Ridge Health Plan"
    assert "ozempic (semaglutide)" in reading.text.lower()
    assert reading.confidence is not None and reading.confidence > 0.9


def test_nothing_to_read_gives_no_text_and_no_confidence() -> None:
    reading = recognize(Image.new("L", (600, 400), 255))
    assert reading == OcrText("", None, ())


@pytest.mark.parametrize(
    ("readings", "expected"),
    [
        ([OcrText("x" * 30, 1.0, ()), OcrText("y" * 10, 0.6, ())], (30 * 1.0 + 10 * 0.6) / 40),
        ([OcrText("", None, ()), OcrText("text", 0.8, ())], 0.8),  # a blank page does not count
        ([OcrText("", None, ())], None),
        ([], None),
    ],
)
def test_combined_confidence_weights_pages_by_text(readings: list[OcrText], expected: float | None) -> None:
    assert combined_confidence(readings) == (pytest.approx(expected) if expected is not None else None)
