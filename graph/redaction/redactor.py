"""The redactor: finds PHI in a text (analyze) and swaps it for the case's placeholders (redact).

What is PHI here: the HIPAA Safe Harbor identifiers of the member, their relatives and their clinicians:
names, birth dates, addresses below state level, phone and fax numbers, email, SSN, member, group, claim,
reference and authorization numbers, MRN and account numbers, NPI, URLs that carry an identifier, and ages over
89.
What stays: letter, service, admission and decision dates (the appeal needs them, and alone they identify
no one), states, insurer names with their toll-free lines, mailing addresses and plain websites, and all
clinical content (services, drugs, diagnoses, CPT/HCPCS/ICD codes). policy.py and recognizers/ hold each rule.

The analyzer is passed in (engine.get_analyzer() builds it once per process); a Redactor is cheap, so a case
makes its own with the values the member gave us (known_values).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from presidio_analyzer import AnalyzerEngine, EntityRecognizer

from graph.redaction.analysis_cache import DEFAULT_SIZE as DEFAULT_CACHE_SIZE
from graph.redaction.analysis_cache import AnalysisCache
from graph.redaction.chunking import OVERLAP_CHARS, WINDOW_CHARS, whole_spans, windows
from graph.redaction.coordination import listed_with_names
from graph.redaction.entities import PhiSpan
from graph.redaction.placeholders import Vault, replace_spans
from graph.redaction.policy import phi_spans
from graph.redaction.propagation import propagate
from graph.redaction.recognizers.known_values import KnownValue, KnownValuesRecognizer
from graph.redaction.spans import resolve_overlaps

LANGUAGE = "en"


@dataclass(frozen=True)
class Redacted:
    """The redacted text, and the spans that were replaced (offsets index the ORIGINAL text)."""

    text: str
    spans: list[PhiSpan]


class Redactor:
    def __init__(
        self,
        analyzer: AnalyzerEngine,
        known_values: Iterable[KnownValue] = (),
        *,
        window_chars: int = WINDOW_CHARS,
        overlap_chars: int = OVERLAP_CHARS,
        cache_size: int = DEFAULT_CACHE_SIZE,
    ) -> None:
        self.analyzer = analyzer
        self.known_values = tuple(known_values)
        self.window_chars = window_chars
        self.overlap_chars = overlap_chars
        self.cache = AnalysisCache(cache_size)
        self._ad_hoc: list[EntityRecognizer] = [KnownValuesRecognizer(self.known_values)] if self.known_values else []

    def with_known_values(self, known_values: Iterable[KnownValue]) -> Redactor:
        """A redactor over the same analyzer that also finds these values (one case's member data)."""
        return Redactor(
            self.analyzer,
            (*self.known_values, *known_values),
            window_chars=self.window_chars,
            overlap_chars=self.overlap_chars,
            cache_size=self.cache.size,
        )

    def analyze(self, text: str) -> list[PhiSpan]:
        """Non-overlapping PHI spans of `text`, in text order: the analyzer's findings per window, then the
        list neighbours of found names (coordination), then every further occurrence of a confident value
        (propagation). A text analysed lately is answered from the cache (analysis_cache)."""
        if not text.strip():
            return []
        return self.cache.spans(text, self._analyze_text)

    def _analyze_text(self, text: str) -> list[PhiSpan]:
        found: list[PhiSpan] = []
        for window in windows(text, self.window_chars, self.overlap_chars):
            local = self._analyze_window(text[window.start : window.end])
            found += whole_spans((span.shifted(window.start) for span in local), window, len(text))
        found = resolve_overlaps(found)
        found = resolve_overlaps([*found, *listed_with_names(text, found)])
        return resolve_overlaps([*found, *propagate(text, found)])

    def redact(self, text: str, vault: Vault) -> Redacted:
        """`text` with every PHI span replaced by the vault's placeholder for its value."""
        spans = self.analyze(text)
        return Redacted(replace_spans(text, spans, vault), spans)

    def _analyze_window(self, text: str) -> list[PhiSpan]:
        results = self.analyzer.analyze(text=text, language=LANGUAGE, ad_hoc_recognizers=self._ad_hoc or None)
        return phi_spans(text, results)
