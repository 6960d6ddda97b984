"""Names found after cue patterns: the loop the name recognizers share, with each one's own acceptance rule."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from graph.redaction.cue_search import cue_finditer
from graph.redaction.name_words import name_bounds

Accept = Callable[[str, int, int], bool]  # (text, start, end) -> is this span a name


def cued_name_spans(
    text: str, patterns: Iterable[tuple[re.Pattern[str], float]], accept: Accept
) -> dict[tuple[int, int], float]:
    """(start, end) -> best score of every accepted name in a pattern's `name` group, trimmed by name_bounds."""
    found: dict[tuple[int, int], float] = {}
    for pattern, score in patterns:
        for match in cue_finditer(pattern, text):
            bounds = name_bounds(match.group("name"))
            if bounds is None:
                continue
            start, end = match.start("name") + bounds[0], match.start("name") + bounds[1]
            if accept(text, start, end):
                found[(start, end)] = max(score, found.get((start, end), 0.0))
    return found
