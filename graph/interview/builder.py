"""The interview graph: intake → extract → confirm ⟲ → plan_questions → ask ⟲ → redact → compose → review ⟲ →
shadow → deliver (shadow writes a candidate prompt's or model's letter for the record, when one is set).

`build_interview(checkpointer)` compiles it; run it with an InterviewContext as `context=` and
`durability="sync"`, so an answer is on disk before the next question is shown.
"""

from __future__ import annotations

from typing import Any

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.graph import END, START, StateGraph
from langgraph.graph.state import CompiledStateGraph

from graph.interview import edges, nodes
from graph.interview.context import InterviewContext
from graph.interview.state import InterviewState

Interview = CompiledStateGraph[InterviewState, InterviewContext, InterviewState, InterviewState]


def build_interview(checkpointer: BaseCheckpointSaver[Any] | None) -> Interview:
    graph = StateGraph(InterviewState, context_schema=InterviewContext)
    graph.add_node("intake", nodes.intake)
    graph.add_node("extract", nodes.extract)
    graph.add_node("confirm", nodes.confirm)
    graph.add_node("plan_questions", nodes.plan_questions)
    graph.add_node("ask", nodes.ask)
    graph.add_node("redact", nodes.redact)
    graph.add_node("compose", nodes.compose)
    graph.add_node("review", nodes.review)
    graph.add_node("shadow", nodes.shadow)
    graph.add_node("deliver", nodes.deliver)

    graph.add_edge(START, "intake")
    graph.add_conditional_edges("intake", edges.after_intake, ["extract", END])
    graph.add_edge("extract", "confirm")
    graph.add_conditional_edges("confirm", edges.after_confirm, ["plan_questions", "confirm"])
    graph.add_conditional_edges("plan_questions", edges.to_questions, ["ask", "redact"])
    graph.add_conditional_edges("ask", edges.to_questions, ["ask", "redact"])
    graph.add_edge("redact", "compose")
    graph.add_edge("compose", "review")
    graph.add_conditional_edges("review", edges.after_review, ["shadow", "compose"])
    graph.add_edge("shadow", "deliver")
    graph.add_edge("deliver", END)
    return graph.compile(checkpointer=checkpointer)
