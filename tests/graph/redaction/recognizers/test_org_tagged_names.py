"""ORG entities of the analyzer's own spaCy document that are shaped like names (no second spaCy pass)."""

from __future__ import annotations

import pytest
from presidio_analyzer import AnalyzerEngine

from graph.redaction.recognizers.org_tagged_names import OrgTaggedNamesRecognizer, org_entity_spans


def _names(analyzer: AnalyzerEngine, text: str) -> list[str]:
    artifacts = analyzer.nlp_engine.process_text(text, "en")
    return [text[r.start : r.end] for r in OrgTaggedNamesRecognizer().analyze(text, [], artifacts)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Tomomi Nishiyama lives at 86036 Rua do Arenque 1634, Goiânia", ["Tomomi Nishiyama"]),
        ("Enrico shouted at Gary: what are you doing", []),  # one unlisted word is not enough
        ("I listen to Fuse TV and read Entertainment Weekly", []),
        ("Aetna and Humana sent letters", []),
    ],
)
def test_org_tagged_names(analyzer: AnalyzerEngine, text: str, names: list[str]) -> None:
    assert _names(analyzer, text) == names


@pytest.mark.unit
def test_without_a_spacy_document_there_is_nothing_to_read() -> None:
    assert org_entity_spans(None) == []
    assert OrgTaggedNamesRecognizer().analyze("Tomomi Nishiyama", [], None) == []
