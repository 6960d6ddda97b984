"""Reading pins and shadow settings, and checking a model pin against the registry: pure, no I/O.

Shadow mode tries a prompt version or a model beside the live one and records the letter it writes, never shown.
OVERTURN_SHADOW_PROMPT is "name@sha256prefix" (e.g. "compose/appeal.user.j2@3f2a9c1d"), a registered version of
one template; OVERTURN_SHADOW_MODEL is "task=model_id[:adapter]" (e.g. "compose=Qwen/Qwen2.5-7B-Instruct:v2").
store.pins looks the prompt version up; the model is checked here against the registry it is given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from serving.registry import TASKS, ModelChoice, Pin, Registry, Task

MIN_SHA_PREFIX = 8
_SHA_PREFIX = re.compile(rf"[0-9a-f]{{{MIN_SHA_PREFIX},64}}")


class PinError(ValueError):
    """A pin or shadow setting that cannot be used; the message is one line for the person who gave it."""


@dataclass(frozen=True)
class PromptShadow:
    name: str  # e.g. "compose/appeal.user.j2"
    sha_prefix: str  # at least MIN_SHA_PREFIX lowercase hex digits of the version's sha256


@dataclass(frozen=True)
class ModelShadow:
    task: Task
    target: str  # "model_id" or "model_id:adapter"; which one is decided against the registry


def as_task(value: str) -> Task:
    if value not in TASKS:
        raise PinError(f"{value!r} is not a task (one of: {', '.join(TASKS)})")
    return value


def sha_prefix(value: str) -> str:
    """A sha256 or a prefix of one, lowercased; raises when it is not 8 to 64 hex digits."""
    prefix = value.strip().lower()
    if not _SHA_PREFIX.fullmatch(prefix):
        raise PinError(f"{value!r} is not a version: give {MIN_SHA_PREFIX} to 64 hex digits of its sha256")
    return prefix


def parse_prompt_shadow(spec: str) -> PromptShadow:
    name, at, version = spec.strip().rpartition("@")
    if not at or not name.strip():
        raise PinError(f"shadow prompt {spec!r} is not NAME@SHA256 (e.g. compose/appeal.user.j2@3f2a9c1d)")
    return PromptShadow(name=name.strip(), sha_prefix=sha_prefix(version))


def parse_model_shadow(spec: str) -> ModelShadow:
    task, equals, target = spec.strip().partition("=")
    if not equals or not target.strip():
        raise PinError(f"shadow model {spec!r} is not TASK=MODEL[:ADAPTER] (e.g. compose=my-model:adapter-v2)")
    return ModelShadow(task=as_task(task.strip()), target=target.strip())


def validated_choice(registry: Registry, task: str, model_id: str, adapter: str | None = None) -> ModelChoice:
    """What pinning `task` to `model_id` (and `adapter`) would choose; PinError when the registry does not allow it."""
    checked = as_task(task)
    model = registry.model(model_id)
    if model is None:
        raise PinError(f"model {model_id!r} is not in the registry (`overturn models list` shows them)")
    if checked not in model.tasks:
        raise PinError(f"model {model_id!r} is not for {checked} (its tasks: {', '.join(model.tasks) or 'none'})")
    if adapter is not None and model.adapter(adapter) is None:
        names = ", ".join(a.name for a in model.adapters) or "none"
        raise PinError(f"model {model_id!r} has no adapter {adapter!r} (its adapters: {names})")
    choice = Registry(models=registry.models, pins={checked: Pin(model=model_id, adapter=adapter)}).choice_for(checked)
    assert choice is not None  # pinned on the line above
    return choice


def shadow_model(spec: str, registry: Registry) -> ModelChoice:
    """The model for a shadow run of OVERTURN_SHADOW_MODEL ("task=model_id[:adapter]"), checked against the
    registry. A model id that itself contains ":" is taken whole when the registry has it."""
    shadow = parse_model_shadow(spec)
    model_id, colon, adapter = shadow.target.rpartition(":")
    if registry.model(shadow.target) is not None or not colon:
        return validated_choice(registry, shadow.task, shadow.target)
    return validated_choice(registry, shadow.task, model_id, adapter or None)
