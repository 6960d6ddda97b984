"""Where the interview goes next: pure functions of the state (validation loops are edges, not while-loops)."""

from __future__ import annotations

from typing import Literal

from graph.interview.state import InterviewState


def after_intake(state: InterviewState) -> Literal["extract", "__end__"]:
    return "__end__" if state.get("outcome", {}).get("status") == "rejected" else "extract"


def after_confirm(state: InterviewState) -> Literal["plan_questions", "confirm"]:
    return "plan_questions" if state.get("confirmed") else "confirm"


def to_questions(state: InterviewState) -> Literal["ask", "redact"]:
    """Ask while a planned question is still open (its condition holding); then redact."""
    return "ask" if state.get("next_question") else "redact"


def after_review(state: InterviewState) -> Literal["shadow", "compose"]:
    draft = state["drafts"][-1]
    if draft["guardrails"]["passed"] or draft["source"] == "template":
        return "shadow"  # a template letter that fails goes to a person (deliver marks it), not round again
    return "compose"  # the model's letter failed: once more from the model, then the template
