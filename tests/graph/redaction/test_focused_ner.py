"""The NER read region by region, put back into one Doc whose entities index the original text."""

from __future__ import annotations

from typing import Any, cast

import pytest
from presidio_analyzer import AnalyzerEngine

from graph.redaction.focused_ner import focused_doc
from graph.redaction.ner_focus import ner_focus

pytestmark = pytest.mark.unit

BOILERPLATE = "you may ask us for a copy of the rules we used to make this decision at no cost to you. " * 3


@pytest.mark.parametrize(
    "text",
    [
        f"{BOILERPLATE}\nYesterday Maria Lopez called from Fresno.\n{BOILERPLATE}",
        "Dear Tomomi Nishiyama,\n\n" + BOILERPLATE + "\nSincerely,\nJasper Iwasaki, MD",
        BOILERPLATE,  # nothing to read
        "",
        "Kevin",
    ],
)
def test_the_doc_is_the_focused_text_and_entities_index_the_original(analyzer: AnalyzerEngine, text: str) -> None:
    nlp = _spacy(analyzer)
    doc = focused_doc(nlp, text)
    assert doc.text == ner_focus(text)
    for ent in doc.ents:
        assert text[ent.start_char : ent.end_char] == ent.text


def test_names_are_found_in_their_place(analyzer: AnalyzerEngine) -> None:
    text = f"{BOILERPLATE}\nYesterday Maria Lopez called us.\n{BOILERPLATE}"
    doc = focused_doc(_spacy(analyzer), text)
    people = [ent.text for ent in doc.ents if ent.label_ == "PERSON"]
    assert people == ["Maria Lopez"]


def _spacy(analyzer: AnalyzerEngine) -> Any:
    """The spaCy pipeline inside the analyzer's engine (our SpacyNlpEngine; presidio types it as the base)."""
    return cast(Any, analyzer.nlp_engine).get_nlp("en")
