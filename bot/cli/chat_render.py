"""How the interview's turns read in a terminal: plain text, one thing at a time."""

from __future__ import annotations

import textwrap
from typing import Any

_VALUE_WIDTH = 44
_WORDS_WIDTH = 50


def confirmation(payload: dict[str, Any]) -> str:
    lines = ["", "Here is what we read in your letter. Please check each fact."]
    if payload.get("notice"):
        lines.append(f"  ! {payload['notice']}")
    lines.append(f"  {'#':>2}  {'fact':<32}{'value':<{_VALUE_WIDTH}}  sure  the letter's words")
    for number, row in enumerate(payload["rows"], start=1):
        value = textwrap.shorten(row["value"] or "—", _VALUE_WIDTH - 2, placeholder="…")
        confidence = f"{row['confidence']:.2f}" if row.get("confidence") is not None else "  — "
        words = textwrap.shorten(row.get("evidence") or "", _WORDS_WIDTH, placeholder="…")
        quoted = f'"{words}"' if words else ""
        lines.append(f"  {number:>2}  {row['label']:<32}{value:<{_VALUE_WIDTH}}  {confidence}  {quoted}".rstrip())
    lines.append("Press Enter if everything is right, or type a fact's number to correct it.")
    return "\n".join(lines)


def question(payload: dict[str, Any]) -> str:
    lines = [""]
    if payload.get("reask"):
        lines.append(f"  ! {payload['reask']}")
    count = f"Question {payload['number']}" + (f" of about {payload['planned']}" if payload.get("planned") else "")
    lines.append(f"{count}: {payload['text']}")
    hint = _hint(payload)
    if hint:
        lines.append(f"  {hint}")
    if payload.get("prefill"):
        lines.append(f"  From your letter: {payload['prefill']} (press Enter to keep it)")
    lines.append('  Type "skip" to skip, "I don\'t know" if you are not sure, or "why" to see why we ask.')
    return "\n".join(lines)


def _hint(payload: dict[str, Any]) -> str:
    kind = payload["answer_type"]
    if kind == "yes_no":
        return "Answer yes or no."
    if kind == "date":
        return "A date, for example 2025-03-14 or March 14, 2025."
    if kind == "number":
        return "A number."
    if kind == "choice":
        return "Choose one: " + "; ".join(f"{i}) {choice}" for i, choice in enumerate(payload["choices"], 1))
    return ""


def finished(payload: dict[str, Any]) -> str:
    lines = ["", "=" * 72, payload["text"].rstrip(), "=" * 72]
    if payload.get("status") == "needs_review":
        failed = ", ".join(payload.get("guardrails", {}).get("failed", []) or _failed(payload))
        lines.append(f"Please have someone review this letter before you send it (checks not passed: {failed}).")
    if payload.get("source") == "template":
        lines.append("This letter was written from our template" + _reason(payload) + ".")
    return "\n".join(lines)


def _failed(payload: dict[str, Any]) -> list[str]:
    results = payload.get("guardrails", {}).get("results", [])
    return [r["name"] for r in results if not r["passed"]]


def _reason(payload: dict[str, Any]) -> str:
    reason = payload.get("fallback_reason")
    return f" ({reason})" if reason else ""
