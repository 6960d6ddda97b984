"""Building a Letter for finder tests: body sections only, or with an appeal-rights section marked by hand."""

from __future__ import annotations

from graph.extraction.letter import Finding, Letter, Section, SectionKind


def body_letter(text: str) -> Letter:
    return Letter.of(text, ())


def letter_with_rights(text: str, rights_from: str) -> Letter:
    start = text.index(rights_from)
    return Letter.of(text, (Section(SectionKind.appeal_rights, start, len(text)),))


def values(findings: list[Finding], field: str) -> list[object]:
    return [f.value for f in findings if f.field == field]


def assert_spans_exact(letter: Letter, findings: list[Finding]) -> None:
    for finding in findings:
        for span in finding.spans:
            assert letter.text[span.start : span.end] == span.text
