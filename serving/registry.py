"""Which models Overturn may use and which one does each task: read from YAML, checked, then queried purely.

A pin names a model and optionally one of its LoRA adapters; the name sent as `model` in a request is the
adapter's name when there is one (vLLM serves adapters under their own names), else the model id.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

Task = Literal["extract", "questions", "compose"]
TASKS: tuple[Task, ...] = ("extract", "questions", "compose")
DEFAULT_REGISTRY_PATH = Path(__file__).with_name("models.yaml")


class AdapterEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1)
    path: str | None = None
    revision: str | None = None
    checksum: str | None = None


class ModelEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1)
    base: str = Field(min_length=1)
    revision: str = Field(min_length=1)
    source: str | None = None
    checksum: str | None = None
    max_context: int = Field(ge=1)
    adapters: list[AdapterEntry] = []
    tasks: list[Task] = []

    def adapter(self, name: str) -> AdapterEntry | None:
        return next((adapter for adapter in self.adapters if adapter.name == name), None)


class Pin(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    model: str
    adapter: str | None = None


class ModelChoice(BaseModel):
    """Everything an output must record about who wrote it."""

    model_config = ConfigDict(frozen=True)

    task: Task
    served_name: str
    model_id: str
    base: str
    revision: str
    adapter: str | None = None
    adapter_revision: str | None = None
    max_context: int


class Registry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    models: list[ModelEntry] = []
    pins: dict[Task, Pin] = {}

    @model_validator(mode="after")
    def _pins_point_at_real_things(self) -> Registry:
        ids = [model.id for model in self.models]
        if len(set(ids)) != len(ids):
            raise ValueError(f"model ids must be unique: {ids}")
        for entry in self.models:
            names = [adapter.name for adapter in entry.adapters]
            if len(set(names)) != len(names):
                raise ValueError(f"adapter names of {entry.id} must be unique: {names}")
        for task, pin in self.pins.items():
            model = self.model(pin.model)
            if model is None:
                raise ValueError(f"the {task} pin names model {pin.model!r}, which is not in the registry")
            if task not in model.tasks:
                raise ValueError(f"the {task} pin names model {pin.model!r}, which does not list {task} in its tasks")
            if pin.adapter is not None and model.adapter(pin.adapter) is None:
                raise ValueError(f"the {task} pin names adapter {pin.adapter!r}, which {pin.model!r} does not have")
        return self

    def model(self, model_id: str) -> ModelEntry | None:
        return next((model for model in self.models if model.id == model_id), None)

    def choice_for(self, task: Task) -> ModelChoice | None:
        """The pinned model (and adapter) for a task, or None when the task has no pin (use the fallback)."""
        pin = self.pins.get(task)
        if pin is None:
            return None
        model = self.model(pin.model)
        assert model is not None  # the validator guarantees it
        adapter = model.adapter(pin.adapter) if pin.adapter else None
        return ModelChoice(
            task=task,
            served_name=adapter.name if adapter else model.id,
            model_id=model.id,
            base=model.base,
            revision=model.revision,
            adapter=adapter.name if adapter else None,
            adapter_revision=adapter.revision if adapter else None,
            max_context=model.max_context,
        )

    def pinned_for(self, model_id: str) -> list[str]:
        """The tasks pinned to a model, as `task` or `task:adapter`."""
        return [
            f"{task}:{pin.adapter}" if pin.adapter else task
            for task, pin in sorted(self.pins.items())
            if pin.model == model_id
        ]


def parse_registry(text: str) -> Registry:
    """A registry from YAML text; raises ValueError (pydantic's ValidationError is one) when it is not valid."""
    try:
        data: Any = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise ValueError(f"the registry is not valid YAML ({type(exc).__name__})") from exc
    if not isinstance(data, dict):
        raise ValueError("a model registry is a YAML mapping with `models` and `pins`")
    return Registry.model_validate(data)


def load_registry(path: Path | None = None) -> Registry:
    """Read the registry file (the bundled serving/models.yaml by default). The one place this module does I/O."""
    return parse_registry((path or DEFAULT_REGISTRY_PATH).read_text(encoding="utf-8"))
