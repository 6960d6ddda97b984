"""Progress lines for slow steps, sent on LangGraph's custom stream ("Reading your letter…")."""

from __future__ import annotations

from langgraph.config import get_stream_writer


def report(step: str, message: str) -> None:
    """Tell whoever is streaming the run what is happening now; a run that is not streamed ignores it."""
    try:
        writer = get_stream_writer()
    except RuntimeError:  # called outside a run (unit tests of a node body)
        return
    writer({"progress": {"step": step, "message": message}})
