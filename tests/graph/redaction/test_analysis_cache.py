from __future__ import annotations

import pytest

from graph.redaction.analysis_cache import AnalysisCache
from graph.redaction.entities import PhiSpan

pytestmark = pytest.mark.unit


class CountingAnalyzer:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, text: str) -> list[PhiSpan]:
        self.calls.append(text)
        return [PhiSpan("PERSON", 0, len(text), 0.8)]


def test_a_text_seen_lately_is_not_analysed_again() -> None:
    cache, analyze = AnalysisCache(2), CountingAnalyzer()
    first = cache.spans("Ana Ruiz", analyze)
    first.clear()  # a caller's changes do not reach the cache
    assert cache.spans("Ana Ruiz", analyze) == [PhiSpan("PERSON", 0, 8, 0.8)]
    assert analyze.calls == ["Ana Ruiz"]


def test_the_least_recently_used_text_goes_first() -> None:
    cache, analyze = AnalysisCache(2), CountingAnalyzer()
    for text in ["a", "b", "a", "c", "a", "b"]:
        cache.spans(text, analyze)
    assert analyze.calls == ["a", "b", "c", "b"]
    assert len(cache) == 2


def test_size_zero_analyses_every_time() -> None:
    cache, analyze = AnalysisCache(0), CountingAnalyzer()
    cache.spans("a", analyze)
    cache.spans("a", analyze)
    assert analyze.calls == ["a", "a"] and len(cache) == 0


def test_a_negative_size_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        AnalysisCache(-1)
