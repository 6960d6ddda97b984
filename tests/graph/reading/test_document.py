from __future__ import annotations

import pytest

from graph.reading.document import Document, SourceKind

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("offset", "page"), [(0, 1), (9, 1), (10, 2), (24, 2), (25, 3), (400, 3)])
def test_page_of(offset: int, page: int) -> None:
    document = Document(text="x" * 40, source_kind=SourceKind.pdf_text, pages=3, page_starts=(0, 10, 25))
    assert document.page_of(offset) == page


def test_a_single_page_document_starts_at_zero() -> None:
    document = Document(text="Dear member", source_kind=SourceKind.text)
    assert document.page_starts == (0,)
    assert document.page_of(5) == 1
