"""How the shadow letters compare with the live ones: the evidence for taking a pin live, or not.

In shadow mode the compose step writes a second letter per case with the shadow prompt or model, reviews it,
and records it (`generations.shadow`), never showing it. Here each case's shadow generation is set beside the
live generation the member got (`chosen`): guardrails, failed checks, length, and a diff of the two redacted
texts. The summary compares pass rates and lengths over all such cases.
"""

from __future__ import annotations

import difflib
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, and_, or_, select

from store.records_schema import generations

DIFF_LINES = 60


@dataclass(frozen=True)
class Side:
    """One of the two generations compared."""

    generation_id: int
    passed: bool
    failed_checks: list[str]
    words: int
    template: str | None
    template_sha256: str | None
    model_id: str | None
    adapter: str | None


@dataclass(frozen=True)
class ShadowCase:
    case_id: str
    live: Side
    shadow: Side
    length_ratio: float | None  # shadow words / live words; None when the live letter is empty
    diff: str  # unified diff, live -> shadow, of the redacted texts
    diff_truncated: bool


@dataclass(frozen=True)
class ShadowSummary:
    cases: int
    live_pass_rate: float | None  # None without cases
    shadow_pass_rate: float | None
    mean_length_ratio: float | None
    unpaired: int  # cases with a shadow generation but no live letter chosen (yet)


@dataclass(frozen=True)
class ShadowReport:
    cases: list[ShadowCase]
    summary: ShadowSummary

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def shadow_report(engine: Engine, *, since: datetime | None = None, diff_lines: int = DIFF_LINES) -> ShadowReport:
    """Every case with a shadow generation (created at or after `since`): its latest shadow against its latest
    chosen live generation, however old."""
    shadows = generations.c.shadow if since is None else and_(generations.c.shadow, generations.c.created_at >= since)
    query = select(generations).where(or_(shadows, generations.c.chosen))
    with engine.connect() as connection:
        result = connection.execute(query.order_by(generations.c.created_at, generations.c.id)).mappings()
        rows: list[dict[str, Any]] = [dict(row) for row in result]
    live, shadow = _latest(row for row in rows if not row["shadow"]), _latest(row for row in rows if row["shadow"])
    cases = [compare(live[case_id], shadow[case_id], diff_lines) for case_id in sorted(shadow) if case_id in live]
    return ShadowReport(cases=cases, summary=summarise(cases, unpaired=len(shadow.keys() - live.keys())))


def compare(live: Mapping[str, Any], shadow: Mapping[str, Any], diff_lines: int = DIFF_LINES) -> ShadowCase:
    live_side, shadow_side = _side(live), _side(shadow)
    diff, truncated = text_diff(live["text"], shadow["text"], diff_lines)
    return ShadowCase(
        case_id=live["case_id"],
        live=live_side,
        shadow=shadow_side,
        length_ratio=shadow_side.words / live_side.words if live_side.words else None,
        diff=diff,
        diff_truncated=truncated,
    )


def summarise(cases: list[ShadowCase], *, unpaired: int = 0) -> ShadowSummary:
    ratios = [case.length_ratio for case in cases if case.length_ratio is not None]
    return ShadowSummary(
        cases=len(cases),
        live_pass_rate=_rate(case.live.passed for case in cases),
        shadow_pass_rate=_rate(case.shadow.passed for case in cases),
        mean_length_ratio=statistics.fmean(ratios) if ratios else None,
        unpaired=unpaired,
    )


def text_diff(live: str, shadow: str, max_lines: int = DIFF_LINES) -> tuple[str, bool]:
    """A unified diff of two letters, at most `max_lines` lines; True when it was cut short."""
    lines = list(
        difflib.unified_diff(live.splitlines(), shadow.splitlines(), fromfile="live", tofile="shadow", lineterm="")
    )
    if len(lines) <= max_lines:
        return "\n".join(lines), False
    kept = lines[:max_lines]
    return "\n".join([*kept, f"… {len(lines) - max_lines} more diff lines"]), True


def failed_checks(guardrails: Mapping[str, Any]) -> list[str]:
    """The names of the failed checks in a stored GuardrailReport JSON ({"results": [{name, passed, ...}]})."""
    results = guardrails.get("results") or []
    return [str(result.get("name")) for result in results if isinstance(result, Mapping) and not result.get("passed")]


def _latest(rows: Iterable[Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    latest: dict[str, Mapping[str, Any]] = {}
    for row in rows:  # oldest first, so the last one per case stays
        latest[row["case_id"]] = row
    return latest


def _side(row: Mapping[str, Any]) -> Side:
    return Side(
        generation_id=row["id"],
        passed=bool(row["guardrails_passed"]),
        failed_checks=failed_checks(row["guardrails"] or {}),
        words=len(row["text"].split()),
        template=row["template"],
        template_sha256=row["template_sha256"],
        model_id=row["model_id"],
        adapter=row["adapter"],
    )


def _rate(verdicts: Iterable[bool]) -> float | None:
    values = list(verdicts)
    return sum(values) / len(values) if values else None
