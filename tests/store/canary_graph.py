"""A tiny interview-shaped graph that plants a canary in every place PHI can travel through a checkpointer.

The canary goes into: the input (a bare `str` channel), node output (str and dict channels), an interrupt
payload, the resume value, a state update, and the run config (configurable and metadata), each with its own
suffix so a leak says where it came from.
"""

from __future__ import annotations

import uuid
from typing import Any, TypedDict

from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.graph import END, START, StateGraph
from langgraph.graph.state import CompiledStateGraph
from langgraph.types import Command, interrupt


class InterviewState(TypedDict, total=False):
    letter: str
    answers: dict[str, str]
    final_letter: str
    turns: int


def new_canary() -> str:
    return f"CANARY-PHI-5521-{uuid.uuid4().hex[:12]}"


def build_graph(checkpointer: BaseCheckpointSaver[Any]) -> CompiledStateGraph[Any, Any, Any, Any]:
    def read(state: InterviewState) -> InterviewState:
        return {"letter": state["letter"] + " (read)", "turns": 1}

    def ask(state: InterviewState) -> InterviewState:
        marker = state["letter"].split(" ")[0]
        answer = interrupt({"question": f"Why was it denied? {marker}-INTERRUPT"})
        return {"answers": {"why": answer}, "turns": state["turns"] + 1}

    def compose(state: InterviewState) -> InterviewState:
        return {"final_letter": f"Dear plan, {state['answers']['why']} -FINAL"}

    graph = StateGraph(InterviewState)
    graph.add_node("read", read)
    graph.add_node("ask", ask)
    graph.add_node("compose", compose)
    graph.add_edge(START, "read")
    graph.add_edge("read", "ask")
    graph.add_edge("ask", "compose")
    graph.add_edge("compose", END)
    return graph.compile(checkpointer=checkpointer)


def run_config(thread_id: str, canary: str) -> RunnableConfig:
    return {
        "configurable": {"thread_id": thread_id, "member_phone": f"{canary}-CONFIGURABLE"},
        "metadata": {"member_name": f"{canary}-METADATA"},
    }


async def run_interview(checkpointer: BaseCheckpointSaver[Any], thread_id: str, canary: str) -> dict[str, Any]:
    """Run the whole interview on `thread_id`, checking each step read back right; the final state values."""
    graph = build_graph(checkpointer)
    config = run_config(thread_id, canary)

    paused = await graph.ainvoke({"letter": f"{canary} letter-INPUT"}, config)
    [pending] = paused["__interrupt__"]
    assert pending.value == {"question": f"Why was it denied? {canary}-INTERRUPT"}

    done = await graph.ainvoke(Command(resume=f"{canary}-ANSWER"), config)
    assert done["final_letter"] == f"Dear plan, {canary}-ANSWER -FINAL"

    await graph.aupdate_state(config, {"letter": f"{canary}-UPDATE"})
    state = await graph.aget_state(config)
    assert len([s async for s in graph.aget_state_history(config)]) >= 5
    return dict(state.values)


def expected_values(canary: str) -> dict[str, Any]:
    return {
        "letter": f"{canary}-UPDATE",
        "answers": {"why": f"{canary}-ANSWER"},
        "final_letter": f"Dear plan, {canary}-ANSWER -FINAL",
        "turns": 2,
    }


async def read_values(checkpointer: BaseCheckpointSaver[Any], thread_id: str) -> dict[str, Any]:
    state = await build_graph(checkpointer).aget_state({"configurable": {"thread_id": thread_id}})
    return dict(state.values)
