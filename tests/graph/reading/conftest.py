"""Letter pictures are drawn once per test session; OCR tests share them (and the process-wide OCR engine)."""

from __future__ import annotations

import pytest
from PIL import Image

from tests.graph.reading.builders import letter_picture
from tests.graph.reading.samples import SHORT_LETTER


@pytest.fixture(scope="session")
def letter_image() -> Image.Image:
    return letter_picture(SHORT_LETTER)
