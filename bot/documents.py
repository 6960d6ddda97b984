"""The finished appeal letter as a file a member can download, print, sign and send: .txt, .pdf or .docx.

Layout for both documents: US Letter, 1-inch margins, Times 12 pt. Blank-line separated blocks of the letter
text become paragraphs; inside a block every line stays its own line (address block, RE and codes lines);
long lines wrap. The "RE:" line is bold. There is room to sign below the closing ("Sincerely,").

Unicode: fpdf2's core fonts are Latin-1 only and no Unicode TTF is guaranteed on a fresh machine (fpdf2 ships
none, and DejaVu is only there when the Debian package is installed), so the PDF transliterates: curly quotes
become straight, dashes "-", "…" "...", and any other character outside Latin-1 takes its closest ASCII via
Unicode NFKD ("Nguyễn" -> "Nguyen"), or "?" when it has none, so a word is never dropped silently. Latin-1
letters ("Zoë", "§") are kept. The DOCX and the .txt keep the text exactly as written.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from docx import Document
from docx.shared import Inches, Pt
from fpdf import FPDF

FONT = "Times"
DOCX_FONT = "Times New Roman"
SIZE_PT = 12
LINE_PT = 14.5
MARGIN_PT = 72
SIGNATURE_LINES = 3
KEEP_TOGETHER_LINES = 8
CLOSINGS = frozenset({"sincerely,", "sincerely yours,", "respectfully,", "regards,", "best regards,", "thank you,"})

_PDF_SAFE = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "―": "-",
        "−": "-",
        "…": "...",
        "•": "-",
        "€": "EUR",
        "→": "->",
        "\t": "    ",
    }
)


def letter_pdf(text: str) -> bytes:
    """The letter as a PDF; "Page N of M" in the footer when it runs past one page."""
    blocks = [[pdf_safe(line) for line in block] for block in letter_blocks(text)]
    document = _render_pdf(blocks, numbered=False)
    if document.pages_count > 1:
        # Rendered again so the footer is only there when it helps; the footer sits inside the bottom
        # margin, so both renderings break pages at the same places.
        document = _render_pdf(blocks, numbered=True)
    return bytes(document.output())


def letter_docx(text: str) -> bytes:
    """The letter as a Word document: one paragraph per block, a line break between the block's lines."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Inches(1)
    normal = document.styles["Normal"]
    normal.font.name = DOCX_FONT
    normal.font.size = Pt(SIZE_PT)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(LINE_PT)
    normal.paragraph_format.line_spacing = 1.0
    for block in letter_blocks(text):
        paragraph = document.add_paragraph()
        for index, line in enumerate(block):
            run = paragraph.add_run(line)
            run.bold = _is_re_line(line) or None
            if index < len(block) - 1:
                run.add_break()
        if len(block) <= KEEP_TOGETHER_LINES:
            paragraph.paragraph_format.keep_together = True
        if _is_closing(block):
            paragraph.paragraph_format.keep_with_next = True
            paragraph.paragraph_format.space_after = Pt(LINE_PT * SIGNATURE_LINES)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def plain_text(text: str) -> bytes:
    return (text if text.endswith("\n") else text + "\n").encode("utf-8")


_RENDERERS: dict[str, Callable[[str], bytes]] = {
    "": plain_text,
    ".txt": plain_text,
    ".pdf": letter_pdf,
    ".docx": letter_docx,
}


def check_document_path(path: Path) -> None:
    """Raises ValueError unless the file name says .txt, .pdf or .docx (or has no suffix: plain text)."""
    if path.suffix.lower() not in _RENDERERS:
        raise ValueError(f"{path}: a letter can be saved as .txt, .pdf or .docx, not {path.suffix}.")


def document_for(path: Path, text: str) -> bytes:
    """The letter's bytes in the format the file name asks for."""
    check_document_path(path)
    return letter_document(text, path.suffix)


def letter_document(text: str, suffix: str) -> bytes:
    """The letter's bytes as ".txt", ".pdf" or ".docx" ("" is plain text); KeyError for anything else."""
    return _RENDERERS[suffix.lower()](text)


def letter_blocks(text: str) -> list[list[str]]:
    """Blank-line separated blocks, each a list of its lines (trailing spaces trimmed)."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    joined = "\n".join(lines).strip("\n")
    return [block.split("\n") for block in re.split(r"\n{2,}", joined) if block]


def pdf_safe(text: str) -> str:
    """The text in the PDF's Latin-1 core font: see the module docstring for the rules."""
    return "".join(_latin1(char) for char in text.translate(_PDF_SAFE))


def _latin1(char: str) -> str:
    if ord(char) < 256:
        return char
    closest = "".join(
        part for part in unicodedata.normalize("NFKD", char) if ord(part) < 128 and not unicodedata.combining(part)
    )
    return closest or "?"


def _render_pdf(blocks: list[list[str]], numbered: bool) -> FPDF:
    pdf = _LetterPdf(numbered=numbered)
    pdf.add_page()
    for index, block in enumerate(blocks):
        if index:
            pdf.ln(LINE_PT * (SIGNATURE_LINES if _is_closing(blocks[index - 1]) else 1))
        _keep_together(pdf, block, blocks[index + 1] if index + 1 < len(blocks) else None)
        for line in block:
            pdf.set_font(FONT, style="B" if _is_re_line(line) else "", size=SIZE_PT)
            # A space keeps an empty line's height; multi_cell wraps long lines at word boundaries.
            pdf.multi_cell(0, LINE_PT, line or " ", align="L", new_x="LMARGIN", new_y="NEXT")
    return pdf


def _keep_together(pdf: FPDF, block: list[str], following: list[str] | None) -> None:
    """Starts a new page when a short block (or the closing with the name under it) would be split."""
    lines = _line_count(pdf, block)
    if _is_closing(block) and following is not None:
        lines += SIGNATURE_LINES + _line_count(pdf, following)
    elif lines > KEEP_TOGETHER_LINES:
        lines = 2  # a long paragraph may break, but not after its first line
    if pdf.get_y() + lines * LINE_PT > pdf.page_break_trigger and pdf.get_y() > pdf.t_margin:
        pdf.add_page()


def _line_count(pdf: FPDF, block: list[str]) -> int:
    count = 0
    for line in block:
        pdf.set_font(FONT, style="B" if _is_re_line(line) else "", size=SIZE_PT)
        wrapped = pdf.multi_cell(0, LINE_PT, line or " ", dry_run=True, output="LINES")
        count += len(wrapped) if isinstance(wrapped, list) else 1
    return count


def _is_re_line(line: str) -> bool:
    return line.lstrip().upper().startswith("RE:")


def _is_closing(block: list[str]) -> bool:
    return len(block) == 1 and block[0].strip().lower() in CLOSINGS


class _LetterPdf(FPDF):
    def __init__(self, numbered: bool) -> None:
        super().__init__(orientation="portrait", unit="pt", format="letter")
        self.numbered = numbered
        self.set_margins(MARGIN_PT, MARGIN_PT, MARGIN_PT)
        self.set_auto_page_break(True, margin=MARGIN_PT)

    def footer(self) -> None:
        if not self.numbered:
            return
        self.set_y(-MARGIN_PT / 2 - 6)
        self.set_font(FONT, size=9)
        self.cell(0, 12, f"Page {self.page_no()} of {self.str_alias_nb_pages}", align="C")
