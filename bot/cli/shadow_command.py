"""`overturn shadow report [--json] [--diff-lines N]`: shadow letters beside the live ones, to judge a pin before
it goes live. Set OVERTURN_SHADOW_PROMPT / OVERTURN_SHADOW_MODEL to have the interview write them."""

from __future__ import annotations

import argparse
import json

from sqlalchemy import inspect

from bot.cli.prompts_command import pin_errors
from bot.settings import get_settings
from store.db import engine_for
from store.shadow_report import DIFF_LINES, ShadowCase, ShadowReport, Side, shadow_report

SHORT = 12


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("shadow", help="compare shadow letters with the live ones")
    actions = parser.add_subparsers(dest="shadow_action", required=True, metavar="ACTION")
    report = actions.add_parser("report", help="per case: guardrails, length and a diff; pass rates over all")
    report.add_argument("--json", action="store_true", help="print the report as JSON")
    report.add_argument("--diff-lines", type=int, default=DIFF_LINES, help="longest diff shown per case")
    report.set_defaults(run=run_report)


def run_report(args: argparse.Namespace) -> int:
    with pin_errors():
        engine = engine_for(get_settings().database_url)
        try:
            if not inspect(engine).has_table("generations"):
                report = None
            else:
                report = shadow_report(engine, diff_lines=max(args.diff_lines, 0))
        finally:
            engine.dispose()
    if args.json:
        print(json.dumps(report.to_json() if report else {"cases": [], "summary": None}, indent=2))
    elif report is None or not report.cases:
        unpaired = report.summary.unpaired if report else 0
        print("No shadow letters to compare yet." + (f" ({unpaired} await a live letter.)" if unpaired else ""))
    else:
        print(render_report(report))
    return 0


def render_report(report: ShadowReport) -> str:
    summary = report.summary
    lines = [
        f"{summary.cases} case{'s' if summary.cases != 1 else ''} with a shadow letter"
        + (f" ({summary.unpaired} more await a live letter)" if summary.unpaired else ""),
        f"guardrails passed: live {_percent(summary.live_pass_rate)}, shadow {_percent(summary.shadow_pass_rate)}",
        f"mean length, shadow / live: {_ratio(summary.mean_length_ratio)}",
    ]
    for case in report.cases:
        lines += ["", *render_case(case)]
    return "\n".join(lines)


def render_case(case: ShadowCase) -> list[str]:
    lines = [
        f"case {case.case_id}  (length ratio {_ratio(case.length_ratio)})",
        f"  live    {_side(case.live)}",
        f"  shadow  {_side(case.shadow)}",
    ]
    if case.diff:
        lines += ["    " + line for line in case.diff.splitlines()]
    else:
        lines.append("    (the same text)")
    return lines


def _side(side: Side) -> str:
    verdict = "passed" if side.passed else f"FAILED {', '.join(side.failed_checks) or '(no check named)'}"
    model = f"{side.model_id}:{side.adapter}" if side.adapter else side.model_id or "—"
    template = f"{side.template or '—'}@{(side.template_sha256 or '—')[:SHORT]}"
    return f"{verdict}; {side.words} words; {template}; model {model}"


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.0%}"


def _ratio(ratio: float | None) -> str:
    return "—" if ratio is None else f"{ratio:.2f}"
