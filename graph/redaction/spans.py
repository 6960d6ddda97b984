"""One answer per stretch of text: overlapping spans are resolved, longest first, then highest score."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from graph.redaction.entities import PhiSpan


def resolve_overlaps(spans: Iterable[PhiSpan]) -> list[PhiSpan]:
    """Non-overlapping spans in text order. A longer span beats a shorter one it overlaps (it removes more of
    the identifier); between equal lengths the higher score wins, then the earlier start."""
    ranked = sorted(set(spans), key=lambda s: (-(s.end - s.start), -s.score, s.start, s.entity_type))
    starts: list[int] = []
    kept: list[PhiSpan] = []  # sorted by start, pairwise disjoint
    for span in ranked:
        at = bisect.bisect_left(starts, span.start)
        before = kept[at - 1] if at > 0 else None
        after = kept[at] if at < len(kept) else None
        if (before and before.end > span.start) or (after and after.start < span.end):
            continue
        starts.insert(at, span.start)
        kept.insert(at, span)
    return kept
