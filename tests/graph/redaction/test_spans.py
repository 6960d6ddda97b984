from __future__ import annotations

import itertools

import pytest

from graph.redaction.entities import PhiSpan
from graph.redaction.spans import resolve_overlaps


def span(entity: str, start: int, end: int, score: float = 0.8) -> PhiSpan:
    return PhiSpan(entity, start, end, score)


@pytest.mark.unit
@pytest.mark.parametrize(
    ("spans", "kept"),
    [
        ([span("PERSON", 0, 5), span("PERSON", 0, 5)], [span("PERSON", 0, 5)]),  # duplicates collapse
        ([span("ADDRESS", 0, 20), span("ADDRESS", 5, 10)], [span("ADDRESS", 0, 20)]),  # longest wins
        ([span("MEMBER_ID", 0, 9, 0.85), span("PHONE_NUMBER", 0, 9, 0.4)], [span("MEMBER_ID", 0, 9, 0.85)]),
        ([span("PERSON", 0, 8), span("ADDRESS", 6, 20)], [span("ADDRESS", 6, 20)]),  # partial overlap
        ([span("URL", 10, 12), span("PERSON", 0, 5)], [span("PERSON", 0, 5), span("URL", 10, 12)]),
        ([span("PERSON", 0, 5), span("PERSON", 5, 9)], [span("PERSON", 0, 5), span("PERSON", 5, 9)]),  # touching
        ([], []),
    ],
)
def test_resolve_overlaps(spans: list[PhiSpan], kept: list[PhiSpan]) -> None:
    assert resolve_overlaps(spans) == kept


@pytest.mark.unit
def test_many_nested_spans_resolve_to_disjoint_ones() -> None:
    spans = [span("PERSON", i, i + 3 + i % 5) for i in range(0, 400, 2)]
    kept = resolve_overlaps(spans)
    assert all(a.end <= b.start for a, b in itertools.pairwise(kept))
    assert all(any(k.overlaps(s) for k in kept) for s in spans)  # nothing dropped without a winner over it
