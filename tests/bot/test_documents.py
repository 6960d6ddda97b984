"""The delivered letter as a PDF and a DOCX: faithful text, letter layout, Unicode handled as documented."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from bot.documents import document_for, letter_blocks, letter_docx, letter_pdf, pdf_safe

pytestmark = pytest.mark.unit

RE_LINE = "RE: Appeal of the denial of MRI lumbar spine without contrast; claim number 2026E0000042"
SERVICE_LINE = "Date of service: February 14, 2026"
NAME = "Zoë Nguyễn"
UNICODE_SENTENCE = "Your letter says “not medically necessary” – but it’s wrong — see the notes… Dr. Øster’s note."

LETTER = f"""November 30, 2026

Cigna
Attention: Appeals
P.O. Box 188011, Chattanooga, TN 37422-8011

{RE_LINE}
Member: {NAME}
{SERVICE_LINE}
Codes: CPT 72148, ICD-10 M54.16

Dear Appeals Reviewer,

I am writing to appeal your decision to deny coverage of MRI lumbar spine without contrast. My treating provider \
recommended it as the right care for my condition, and whether care is medically necessary should be decided on my \
own medical record, not on a general rule.

{UNICODE_SENTENCE}

Enclosed: a copy of your denial letter.

Sincerely,

{NAME}
"""


def _pdf_text(document: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(document)).pages)


def _words(text: str) -> list[str]:
    return text.split()


def _in_order(needles: list[str], haystack: list[str]) -> bool:
    remaining = iter(haystack)
    return all(any(word == needle for word in remaining) for needle in needles)


def test_the_pdf_is_a_letter_with_every_line_and_word_in_order() -> None:
    document = letter_pdf(LETTER)
    assert document.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(document))
    assert len(reader.pages) == 1
    assert (float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)) == (612, 792)
    text = _pdf_text(document)
    lines = text.splitlines()
    assert SERVICE_LINE in lines and "Attention: Appeals" in lines and "Dear Appeals Reviewer," in lines
    assert RE_LINE in " ".join(lines)
    assert _in_order(_words(pdf_safe(LETTER)), _words(text))
    assert pdf_safe(NAME) in lines[-1]
    assert "Page 1 of" not in text


def test_a_three_page_letter_numbers_its_pages() -> None:
    body = "\n\n".join(f"Paragraph {n}: " + "The record supports this care. " * 20 for n in range(1, 11))
    long_letter = LETTER.replace("Enclosed:", f"{body}\n\nEnclosed:")
    document = letter_pdf(long_letter)
    pages = PdfReader(io.BytesIO(document)).pages
    assert len(pages) == 3
    assert "Page 1 of 3" in pages[0].extract_text()
    assert "Page 3 of 3" in pages[2].extract_text()
    assert _in_order(_words(pdf_safe(long_letter)), _words(re.sub(r"Page \d of \d", "", _pdf_text(document))))


def test_the_pdf_transliterates_what_its_font_cannot_show_without_losing_a_word() -> None:
    assert pdf_safe(UNICODE_SENTENCE) == (
        "Your letter says \"not medically necessary\" - but it's wrong - see the notes... Dr. Øster's note."
    )
    assert pdf_safe(NAME) == "Zoë Nguyen"
    assert pdf_safe("阮 Ж 😀 ﬁle") == "? ? ? file"
    text = _pdf_text(letter_pdf(LETTER))
    assert pdf_safe(UNICODE_SENTENCE) in " ".join(text.splitlines())
    assert len(_words(pdf_safe(LETTER))) == len(_words(LETTER))


def test_the_docx_keeps_paragraphs_unicode_and_a_bold_re_line() -> None:
    document = Document(io.BytesIO(letter_docx(LETTER)))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    assert paragraphs == ["\n".join(block) for block in letter_blocks(LETTER)]
    assert UNICODE_SENTENCE in paragraphs and paragraphs[-1] == NAME
    runs = [run for paragraph in document.paragraphs for run in paragraph.runs]
    assert [run.text.strip() for run in runs if run.bold] == [RE_LINE]
    section = document.sections[0]
    assert (section.page_width, section.page_height) == (8.5 * 914400, 11 * 914400)
    assert section.left_margin == section.top_margin == 914400


def test_letter_blocks_keep_each_line_and_split_on_blank_lines() -> None:
    assert letter_blocks("a\r\nb  \n\n\n c\n\n") == [["a", "b"], [" c"]]


@pytest.mark.parametrize("name", ["letter.pdf", "LETTER.PDF", "letter.docx", "letter.txt", "letter"])
def test_document_for_picks_the_format_by_suffix(name: str) -> None:
    document = document_for(Path(name), "Hello “Zoë”")
    suffix = Path(name).suffix.lower()
    if suffix == ".pdf":
        assert document.startswith(b"%PDF")
    elif suffix == ".docx":
        assert document.startswith(b"PK") and Document(io.BytesIO(document)).paragraphs[0].text == "Hello “Zoë”"
    else:
        assert document == "Hello “Zoë”\n".encode()


def test_document_for_refuses_another_suffix() -> None:
    with pytest.raises(ValueError, match=r"letter\.odt: a letter can be saved as \.txt, \.pdf or \.docx, not \.odt"):
        document_for(Path("letter.odt"), "Hello")
