"""Presenting an Evaluation: a text table, a JSON-able dict, and miss lists that show shapes, never values."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from graph.redaction.evaluation import EntityScore, Evaluation, LabelledText, SpanOutcome
from graph.redaction.evaluation_targets import Shortfall, shortfalls

CONTEXT_CHARS = 24


@dataclass(frozen=True)
class Timing:
    """Milliseconds per text for one dataset, after warm-up."""

    samples_ms: tuple[float, ...]

    @property
    def p50(self) -> float:
        return percentile(self.samples_ms, 0.50)

    @property
    def p95(self) -> float:
        return percentile(self.samples_ms, 0.95)


def percentile(samples: Sequence[float], share: float) -> float:
    """Nearest-rank percentile; NaN for no samples."""
    if not samples:
        return math.nan
    ordered = sorted(samples)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def value_shape(value: str) -> str:
    """'Ana Ruiz' -> 'Aaa Aaaa', 'W12-3' -> 'A99-9': the pattern of a value without the value."""
    return "".join("9" if c.isdigit() else ("A" if c.isupper() else "a") if c.isalpha() else c for c in value)


def masked(text: LabelledText, start: int, end: int) -> str:
    """text[start:end] with every character of a gold span shown as its shape, on one line."""
    chars = list(text.text[start:end])
    for span in text.spans:
        for index in range(max(start, span.start), min(end, span.end)):
            chars[index - start] = value_shape(chars[index - start])
    return "".join(chars).replace("\n", "⏎")


def describe(outcome: SpanOutcome, text: LabelledText) -> str:
    """One line for a miss or false positive: type, where, the words before it, and the span itself.

    Labelled values appear only as shapes (in the span and in its context); unlabelled text, such as the
    words a false positive flagged, is shown as written.
    """
    before = masked(text, max(0, outcome.start - CONTEXT_CHARS), outcome.start)
    shape = masked(text, outcome.start, outcome.end)
    also = f" (overlapped by {', '.join(outcome.overlapping_types)})" if outcome.overlapping_types else ""
    return f"{outcome.entity_type:<17} {outcome.text_id:<22} …{before}[{shape}]{also}"


def _fmt(value: float | None) -> str:
    return "    -" if value is None else f"{value:5.3f}"


def _row(score: EntityScore, flagged: set[str]) -> str:
    flag = "  << below target" if score.entity_type in flagged else ""
    return (
        f"{score.entity_type:<17} {score.gold:>5} {_fmt(score.recall)} {_fmt(score.any_type_recall)} "
        f"{score.predicted:>5} {_fmt(score.precision)} {_fmt(score.f2)}{flag}"
    )


def render_table(evaluation: Evaluation, timing: Timing | None = None) -> str:
    below = shortfalls(evaluation)
    flagged = {item.entity_type for item in below}
    lines = [
        f"{evaluation.dataset}: {evaluation.texts} texts",
        f"{'entity':<17} {'gold':>5} {'recall':>5} {'any-t':>5} {'pred':>5} {'prec.':>5} {'F2':>5}",
    ]
    lines += [_row(score, flagged) for score in evaluation.entities()]
    lines.append(_row(evaluation.overall, flagged))
    lines.append(f"any-type recall (identifier removed under any label): {_fmt(evaluation.overall.any_type_recall)}")
    if timing is not None:
        lines.append(f"time per text (warm): p50 {timing.p50:.1f} ms, p95 {timing.p95:.1f} ms")
    lines.append("below target: " + ("; ".join(str(item) for item in below) if below else "none"))
    return "\n".join(lines)


def render_outcomes(evaluation: Evaluation, texts: Sequence[LabelledText], limit: int = 200) -> str:
    by_id = {text.id: text for text in texts}
    lines = [f"{evaluation.dataset}: {len(evaluation.misses)} missed gold spans"]
    lines += ["  " + describe(miss, by_id[miss.text_id]) for miss in evaluation.misses[:limit]]
    lines.append(f"{evaluation.dataset}: {len(evaluation.false_positives)} false positives")
    lines += ["  " + describe(fp, by_id[fp.text_id]) for fp in evaluation.false_positives[:limit]]
    return "\n".join(lines)


def _score_dict(score: EntityScore) -> dict[str, Any]:
    return {
        "entity": score.entity_type,
        "gold": score.gold,
        "found": score.found,
        "recall": score.recall,
        "any_type_recall": score.any_type_recall,
        "predicted": score.predicted,
        "precision": score.precision,
        "f2": score.f2,
    }


def _shortfall_dict(item: Shortfall) -> dict[str, Any]:
    return {"entity": item.entity_type, "metric": item.metric, "value": item.value, "target": item.target}


def evaluation_dict(
    evaluation: Evaluation,
    timing: Timing | None = None,
    texts: Sequence[LabelledText] | None = None,
) -> dict[str, Any]:
    """Machine-readable form; with texts, misses and false positives are listed as described lines."""
    result: dict[str, Any] = {
        "dataset": evaluation.dataset,
        "texts": evaluation.texts,
        "entities": [_score_dict(score) for score in evaluation.entities()],
        "overall": _score_dict(evaluation.overall),
        "below_target": [_shortfall_dict(item) for item in shortfalls(evaluation)],
    }
    if timing is not None:
        result["ms_per_text"] = {"p50": timing.p50, "p95": timing.p95, "samples": len(timing.samples_ms)}
    if texts is not None:
        by_id = {text.id: text for text in texts}
        result["misses"] = [describe(m, by_id[m.text_id]) for m in evaluation.misses]
        result["false_positives"] = [describe(f, by_id[f.text_id]) for f in evaluation.false_positives]
    return result
