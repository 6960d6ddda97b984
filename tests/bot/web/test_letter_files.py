"""Letter downloads: only /overturn/letters/ID.pdf|docx|txt is a download, and each renders its kind."""

from __future__ import annotations

import io
import zipfile

import pytest

from bot.conversation import new_thread_id
from bot.web.letter_files import FORMATS, download_path, parse_download_path, render

pytestmark = pytest.mark.unit

LETTER = "Dear Appeals Unit,\n\nPlease reconsider the denial for Zoë Nguyễn.\n\nSincerely,\nZoë"


@pytest.mark.parametrize("extension", ["pdf", "docx", "txt"])
def test_a_download_path_names_its_thread_and_format(extension: str) -> None:
    parsed = parse_download_path(f"/overturn/letters/abc123.{extension}")
    assert parsed is not None
    thread_id, letter_format = parsed
    assert (thread_id, letter_format.extension) == ("abc123", extension)
    assert letter_format is FORMATS[extension]


def test_download_paths_round_trip_for_real_thread_ids() -> None:
    for _ in range(20):
        thread = new_thread_id()
        for extension in FORMATS:
            assert parse_download_path(download_path(thread, extension)) == (thread, FORMATS[extension])


def test_the_longest_thread_id_is_64_characters() -> None:
    assert parse_download_path(f"/overturn/letters/{'a' * 64}.pdf") is not None
    assert parse_download_path(f"/overturn/letters/{'a' * 65}.pdf") is None


@pytest.mark.parametrize(
    "path",
    [
        "/overturn/letters/abc123.html",
        "/overturn/letters/abc123.PDF",
        "/overturn/letters/abc123.pdf.exe",
        "/overturn/letters/abc123.pdf/",
        "/overturn/letters/abc123",
        "/overturn/letters/abc123.",
        "/overturn/letters/.pdf",
        "/overturn/letters/",
        "/overturn/letters/../abc123.pdf",
        "/overturn/letters/../../etc/passwd.txt",
        "/overturn/letters/..%2Fabc.pdf",
        "/overturn/letters/sub/abc123.pdf",
        "/overturn/letters/abc-123.pdf",
        "/overturn/letters/abc_123.pdf",
        "/overturn/letters/abc 123.pdf",
        "/overturn/letters/a.b.pdf",
        "/overturn/letters/abc\x00.pdf",
        "/overturn/letters//abc123.pdf",
        "/overturn/lettersabc123.pdf",
        "/overturn/letter/abc123.pdf",
        "/x/overturn/letters/abc123.pdf",
        "overturn/letters/abc123.pdf",
        "/overturn/metrics",
        "",
    ],
)
def test_anything_else_is_not_a_download(path: str) -> None:
    assert parse_download_path(path) is None


def test_formats_have_download_media_types() -> None:
    assert {name: f.media_type for name, f in FORMATS.items()} == {
        "pdf": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "txt": "text/plain; charset=utf-8",
    }


def test_a_pdf_is_a_pdf() -> None:
    body = render(LETTER, FORMATS["pdf"])
    assert body.startswith(b"%PDF-") and b"%%EOF" in body[-64:]


def test_a_docx_is_a_word_document() -> None:
    body = render(LETTER, FORMATS["docx"])
    assert body.startswith(b"PK")
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        assert "word/document.xml" in archive.namelist()
        assert "Zoë Nguyễn" in archive.read("word/document.xml").decode("utf-8")


def test_plain_text_is_the_letter_in_utf8_with_a_final_newline() -> None:
    assert render(LETTER, FORMATS["txt"]) == (LETTER + "\n").encode("utf-8")
    assert render(LETTER + "\n", FORMATS["txt"]).decode("utf-8") == LETTER + "\n"
