from __future__ import annotations

import pytest

from graph.extraction.letter import Letter, Section, SectionKind


@pytest.mark.unit
def test_section_lookup() -> None:
    text = "a" * 100
    letter = Letter.of(
        text,
        (Section(SectionKind.appeal_rights, 50, 80), Section(SectionKind.instructions, 10, 20)),
    )
    assert [letter.section_at(p) for p in (0, 10, 19, 20, 50, 79, 80, 99)] == [
        SectionKind.body, SectionKind.instructions, SectionKind.instructions, SectionKind.body,
        SectionKind.appeal_rights, SectionKind.appeal_rights, SectionKind.body, SectionKind.body,
    ]  # fmt: skip
    assert letter.in_body(0) and not letter.in_body(55)


@pytest.mark.unit
def test_span_text_is_the_letter_text() -> None:
    letter = Letter.of("Claim #: 12345", ())
    assert letter.span(9, 14).text == "12345"
