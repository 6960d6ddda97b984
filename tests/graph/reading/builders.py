"""Building test files at test time: PDFs with fpdf2 and pypdf, letter pictures with Pillow."""

from __future__ import annotations

import io
import textwrap

from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader, PdfWriter

# A US letter page at 200 dpi, the resolution scans are made and read at.
PAGE_SIZE = (1700, 2200)
_MARGIN = 150
_FONT_SIZE = 28  # about 10 points at 200 dpi
_LINE_HEIGHT = 42
_WRAP = 84


def text_pdf(pages: list[str]) -> bytes:
    pdf = FPDF(format="letter")
    pdf.set_font("Helvetica", size=11)
    for page_text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, page_text)
    return bytes(pdf.output())


def image_pdf(pictures: list[Image.Image], stamp: str | None = None) -> bytes:
    """One page per picture, each filling the page: a scan. `stamp` puts a line of real text on top of each,
    the way fax servers mark pages."""
    pdf = FPDF(format="letter")
    for picture in pictures:
        pdf.add_page()
        pdf.image(picture, x=0, y=0, w=pdf.w, h=pdf.h)
        if stamp:
            pdf.set_font("Helvetica", size=8)
            pdf.set_xy(10, 3)
            pdf.cell(0, 4, stamp)
    return bytes(pdf.output())


def encrypted(pdf_bytes: bytes, *, user_password: str, owner_password: str) -> bytes:
    """An empty user password locks only printing or editing; any other locks opening too."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes)))
    writer.encrypt(user_password=user_password, owner_password=owner_password)
    return _written(writer)


def merged(pdfs: list[bytes]) -> bytes:
    writer = PdfWriter()
    for pdf_bytes in pdfs:
        writer.append(PdfReader(io.BytesIO(pdf_bytes)))
    return _written(writer)


def _written(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def letter_picture(text: str, *, background: int = 255) -> Image.Image:
    """The letter typed onto a 200-dpi page, in Pillow's bundled TrueType font (Pillow 10.1 and later)."""
    font = ImageFont.load_default(size=_FONT_SIZE)
    picture = Image.new("RGB", PAGE_SIZE, (background, background, background))
    draw = ImageDraw.Draw(picture)
    y = _MARGIN
    for paragraph in text.split("\n"):
        for line in textwrap.wrap(paragraph, _WRAP) or [""]:
            draw.text((_MARGIN, y), line, fill=(20, 20, 20), font=font)
            y += _LINE_HEIGHT
    return picture


def blank_picture() -> Image.Image:
    return Image.new("RGB", PAGE_SIZE, (255, 255, 255))


def encoded(picture: Image.Image, format_name: str, **options: object) -> bytes:
    out = io.BytesIO()
    picture.save(out, format=format_name, **options)
    return out.getvalue()
