from __future__ import annotations

import pytest

from graph.reading.pages import PAGE_SEPARATOR, clean_page_text, join_pages, usable_char_count

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Dear member,\r\nYour claim\r\nwas denied.", "Dear member,\nYour claim\nwas denied."),
        ("Old Mac\rline ends", "Old Mac\nline ends"),
        ("trailing   \nspaces\t\n", "trailing\nspaces"),
        ("hyphen\x02ated and \ufffeodd\ue000 marks", "hyphenated and odd marks"),
        ("\n\nPage text\n\n", "Page text"),
        ("Tab\tkept", "Tab\tkept"),
    ],
)
def test_clean_page_text(raw: str, expected: str) -> None:
    assert clean_page_text(raw) == expected


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("", 0),
        ("  \n\t ", 0),
        ("Page 2", 5),
        ("\ue000\ue001 ab", 2),  # private-use glyphs from a font without a character map do not count
    ],
)
def test_usable_char_count(text: str, count: int) -> None:
    assert usable_char_count(text) == count


@pytest.mark.parametrize(
    ("pages", "starts"),
    [
        (["only page"], (0,)),
        (["first", "second", "third"], (0, 7, 15)),
        (["first", "", "third"], (0, 7, 9)),  # an empty page keeps its place
    ],
)
def test_join_pages_records_where_each_page_starts(pages: list[str], starts: tuple[int, ...]) -> None:
    text, found = join_pages(pages)
    assert text == PAGE_SEPARATOR.join(pages)
    assert found == starts
    for start, page in zip(found, pages, strict=True):
        assert text[start : start + len(page)] == page
