"""The model, as the settings describe it: a router over the configured server, and the model pinned per task."""

from __future__ import annotations

from bot.settings import Settings
from serving.backend import Backend, Timeouts
from serving.registry import Task, load_registry
from serving.router import Router


def router_from_settings(settings: Settings) -> Router | None:
    """A router over OVERTURN_MODEL_URL, or None when no model is configured."""
    if not settings.model_url:
        return None
    total = settings.model_timeout_s
    backend = Backend(
        name="primary",
        base_url=settings.model_url,
        api_key=settings.model_api_key,
        timeouts=Timeouts(connect=min(3.0, total), read=total, total=total),
    )
    return Router([backend])


def model_for(task: Task) -> str | None:
    """The served name pinned for a task in serving/models.yaml (a base model id or an adapter name)."""
    choice = load_registry().choice_for(task)
    return choice.served_name if choice else None
