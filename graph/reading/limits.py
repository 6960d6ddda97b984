"""How much reading one file may cost, so that a huge scan cannot hang the process."""

from __future__ import annotations

MAX_PAGES = 30  # a denial letter with its enclosures; any PDF with more pages is refused
MAX_OCR_PAGES = 10  # pages needing OCR (about 2 s each on two CPU cores); more is refused, not cut short
OCR_DPI = 200  # resolution at which scanned PDF pages are rendered for OCR
# Larger renders and pictures are scaled down to this many pixels (a 200-dpi letter page is 3.7 million, a phone
# photo 12 million). Area rather than side, so that a long phone screenshot of a letter keeps its text size.
MAX_OCR_PIXELS = 16_000_000
MAX_PIXELS = 60_000_000  # a picture with more pixels than this is refused before it is decoded
