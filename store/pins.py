"""Prompt and model pins: which version of each prompt and which model each task uses, with history and undo.

Every prompt version ever seen is kept (`prompt_versions`: name, sha256, text), so any of them can be pinned
again. A pin is a row: the latest row for a name (or task) is the live one, the earlier rows its history, and a
rollback is one more row. Pinned texts reach rendering through `overrides()` (prompts.loader.render_pinned); a
model pin here overrides the YAML pin in serving/models.yaml. Every change is an audit event (names, sha256s).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from jinja2 import Environment, TemplateSyntaxError
from sqlalchemy import Column, DateTime, Engine, ForeignKeyConstraint, Integer, String, Table, Text, insert, select
from sqlalchemy.exc import IntegrityError

from graph.composition.shadow import PinError as PinError
from graph.composition.shadow import parse_prompt_shadow, sha_prefix, validated_choice
from graph.composition.shadow import shadow_model as shadow_model
from prompts.loader import PROMPTS_DIR, text_version
from serving.registry import ModelChoice, Registry, Task, load_registry
from store.db import metadata, utcnow

log = logging.getLogger(__name__)

prompt_versions = Table(
    "prompt_versions",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("sha256", String(64), primary_key=True),
    Column("text", Text, nullable=False),
    Column("first_seen", DateTime(timezone=True), nullable=False),
)
prompt_pins = Table(
    "prompt_pins",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False, index=True),
    Column("sha256", String(64), nullable=False),
    Column("pinned_at", DateTime(timezone=True), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("reason", Text, nullable=True),
    ForeignKeyConstraint(["name", "sha256"], [prompt_versions.c.name, prompt_versions.c.sha256]),
)
model_pins = Table(
    "model_pins",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("task", String(32), nullable=False, index=True),
    Column("model_id", String(300), nullable=False),
    Column("adapter", String(300), nullable=True),
    Column("pinned_at", DateTime(timezone=True), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("reason", Text, nullable=True),
)
TABLES = (prompt_versions, prompt_pins, model_pins)
_PROMPT_PIN_COLUMNS = [column for column in prompt_pins.c if column.name != "id"]
_MODEL_PIN_COLUMNS = [column for column in model_pins.c if column.name != "id"]


class AuditTrail(Protocol):
    """What the pins need of store.audit.AuditLog."""

    def append(
        self,
        *,
        actor: str,
        role: str,
        action: str,
        case_id: str | None = None,
        details: Mapping[str, object] | None = None,
    ) -> object: ...


@dataclass(frozen=True)
class PromptVersion:
    name: str
    sha256: str
    text: str
    first_seen: datetime


@dataclass(frozen=True)
class PromptPin:
    name: str
    sha256: str
    pinned_at: datetime
    actor: str
    reason: str | None


@dataclass(frozen=True)
class ModelPin:
    task: str
    model_id: str
    adapter: str | None
    pinned_at: datetime
    actor: str
    reason: str | None

    @property
    def target(self) -> str:
        return f"{self.model_id}:{self.adapter}" if self.adapter else self.model_id


class PinStore:
    """Changes are committed first and audited after: the audit log writes through its own connection."""

    def __init__(self, engine: Engine, audit: AuditTrail, prompts_dir: Path = PROMPTS_DIR) -> None:
        self.engine = engine
        self.audit = audit
        self.prompts_dir = prompts_dir

    def create_schema(self) -> None:
        """Create the pin tables if missing (tests and the laptop default; production uses migrations)."""
        metadata.create_all(self.engine, tables=list(TABLES))

    def template_names(self) -> list[str]:
        return sorted(path.relative_to(self.prompts_dir).as_posix() for path in self.prompts_dir.rglob("*.j2"))

    def file_sha(self, name: str) -> str | None:
        """The sha256 of the template file as it is now, or None when there is no such file."""
        path = self.prompts_dir / name
        return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None

    def register_file_versions(self, prompts_dir: Path | None = None) -> list[str]:
        """Record every template's current text as a version (idempotent); returns the names that were new."""
        folder = prompts_dir or self.prompts_dir
        files = sorted(
            (path.relative_to(folder).as_posix(), path.read_bytes().decode()) for path in folder.rglob("*.j2")
        )
        query = select(prompt_versions.c.name, prompt_versions.c.sha256)
        with self.engine.connect() as connection:
            known = {(name, sha) for name, sha in connection.execute(query)}
        new = [(name, text) for name, text in files if (name, text_version(text)) not in known]
        return [name for name, text in new if self._insert_version(name, text)]

    def register_text(self, name: str, text: str) -> str:
        """Record `text` as a version of the template `name` (e.g. a candidate to shadow); returns its sha256."""
        if self.file_sha(name) is None:
            raise PinError(f"{name} is not a prompt template under {self.prompts_dir}")
        try:
            Environment().parse(text)
        except TemplateSyntaxError as exc:
            raise PinError(f"{name}: the new text is not a valid template (line {exc.lineno}: {exc.message})") from exc
        self._insert_version(name, text)
        return text_version(text)

    def prompt_versions(self, name: str) -> list[PromptVersion]:
        """Every registered version of a template, oldest first."""
        query = select(prompt_versions).where(prompt_versions.c.name == name)
        with self.engine.connect() as connection:
            rows = connection.execute(query.order_by(prompt_versions.c.first_seen, prompt_versions.c.sha256)).all()
        return [PromptVersion(name=r.name, sha256=r.sha256, text=r.text, first_seen=r.first_seen) for r in rows]

    def version(self, name: str, sha_or_prefix: str) -> PromptVersion:
        """One registered version, by its sha256 or a unique prefix of at least 8 hex digits."""
        prefix = sha_prefix(sha_or_prefix)
        versions = self.prompt_versions(name)
        if not versions:
            raise PinError(f"{name} has no registered versions (`overturn prompts list` shows the templates)")
        matches = [version for version in versions if version.sha256.startswith(prefix)]
        if not matches:
            raise PinError(f"{name} has no registered version {prefix}")
        if len(matches) > 1:
            raise PinError(f"{prefix} matches {len(matches)} versions of {name}; give more digits")
        return matches[0]

    def prompt_history(self, name: str) -> list[PromptPin]:
        """Every pin of a template, oldest first; the last one is live."""
        query = select(*_PROMPT_PIN_COLUMNS).where(prompt_pins.c.name == name).order_by(prompt_pins.c.id)
        with self.engine.connect() as connection:
            return [PromptPin(**row._asdict()) for row in connection.execute(query)]

    def current_prompt_pins(self) -> dict[str, str]:
        with self.engine.connect() as connection:
            rows = connection.execute(select(prompt_pins.c.name, prompt_pins.c.sha256).order_by(prompt_pins.c.id))
            return {row.name: row.sha256 for row in rows}

    def pin_prompt(self, name: str, sha256: str, *, actor: str, role: str, reason: str | None = None) -> PromptPin:
        """Make a registered version of `name` the live one; `sha256` may be a unique prefix (8+ hex digits)."""
        chosen = self.version(name, sha256)
        previous = self.current_prompt_pins().get(name)
        pin = self._add_prompt_pin(name, chosen.sha256, actor, reason)
        details = {"name": name, "sha256": chosen.sha256, "previous_sha256": previous}
        self.audit.append(actor=actor, role=role, action="prompt.pinned", details=details)
        return pin

    def rollback_prompt(self, name: str, *, actor: str, role: str) -> PromptPin:
        """Pin again the last version pinned before the live one. Twice in a row undoes the rollback."""
        history = self.prompt_history(name)
        if not history:
            raise PinError(f"{name} has no pin to roll back")
        live = history[-1].sha256
        previous = next((pin.sha256 for pin in reversed(history) if pin.sha256 != live), None)
        if previous is None:
            raise PinError(f"{name} has no earlier pin to roll back to (its only pinned version is {live[:12]})")
        pin = self._add_prompt_pin(name, previous, actor, f"rollback from {live[:12]}")
        details = {"name": name, "sha256": previous, "previous_sha256": live}
        self.audit.append(actor=actor, role=role, action="prompt.rolled_back", details=details)
        return pin

    def overrides(self) -> dict[str, str]:
        """The pinned texts that differ from their files: what render_pinned (and compose_messages) needs."""
        overrides: dict[str, str] = {}
        for name, sha in self.current_prompt_pins().items():
            if self.file_sha(name) != sha:
                overrides[name] = self.version(name, sha).text
        return overrides

    def shadow_overrides(self, spec: str) -> dict[str, str]:
        """The overrides for a shadow run of OVERTURN_SHADOW_PROMPT ("name@sha256prefix"): the live pins, with
        the shadow version in place of its template."""
        shadow = parse_prompt_shadow(spec)
        return {**self.overrides(), shadow.name: self.version(shadow.name, shadow.sha_prefix).text}

    def model_history(self, task: str) -> list[ModelPin]:
        query = select(*_MODEL_PIN_COLUMNS).where(model_pins.c.task == task).order_by(model_pins.c.id)
        with self.engine.connect() as connection:
            return [ModelPin(**row._asdict()) for row in connection.execute(query)]

    def current_model_pins(self) -> dict[str, ModelPin]:
        with self.engine.connect() as connection:
            rows = connection.execute(select(*_MODEL_PIN_COLUMNS).order_by(model_pins.c.id))
            return {row.task: ModelPin(**row._asdict()) for row in rows}

    def pin_model(
        self,
        task: str,
        model_id: str,
        adapter: str | None = None,
        *,
        actor: str,
        role: str,
        reason: str | None = None,
        registry: Registry | None = None,
    ) -> ModelPin:
        """Pin a task to a model (and adapter) of the registry (the bundled serving/models.yaml by default)."""
        choice = validated_choice(registry or load_registry(), task, model_id, adapter)
        previous = self.current_model_pins().get(task)
        pin = self._add_model_pin(choice.task, model_id, adapter, actor, reason)
        details = {"task": task, "model_id": model_id, "adapter": adapter, "previous": previous and previous.target}
        self.audit.append(actor=actor, role=role, action="model.pinned", details=details)
        return pin

    def rollback_model(self, task: str, *, actor: str, role: str, registry: Registry | None = None) -> ModelPin:
        """Pin again the model pinned before the live one, if the registry still has it."""
        history = self.model_history(task)
        if not history:
            raise PinError(f"the {task} task has no model pin to roll back")
        live = history[-1]
        previous = next((pin for pin in reversed(history) if pin.target != live.target), None)
        if previous is None:
            raise PinError(f"the {task} task has no earlier model pin to roll back to (only {live.target})")
        validated_choice(registry or load_registry(), task, previous.model_id, previous.adapter)
        reason = f"rollback from {live.target}"
        pin = self._add_model_pin(task, previous.model_id, previous.adapter, actor, reason)
        details = {"task": task, "model_id": previous.model_id, "adapter": previous.adapter, "previous": live.target}
        self.audit.append(actor=actor, role=role, action="model.rolled_back", details=details)
        return pin

    def model_choice(self, task: Task, registry: Registry) -> ModelChoice | None:
        """The model for a task: the pin made here, else the registry's own pin, else None (template letters)."""
        pin = self.current_model_pins().get(task)
        if pin is None:
            return registry.choice_for(task)
        try:
            return validated_choice(registry, task, pin.model_id, pin.adapter)
        except PinError as exc:
            # A deploy removed the pinned model: what the registry now pins is what the deploy meant.
            log.warning("ignoring the %s model pin: %s", task, exc)
            return registry.choice_for(task)

    def _insert_version(self, name: str, text: str) -> bool:
        """Insert a version; False when it was already there (another process may have just added it)."""
        row = {"name": name, "sha256": text_version(text), "text": text, "first_seen": utcnow()}
        try:
            with self.engine.begin() as connection:
                connection.execute(insert(prompt_versions).values(**row))
        except IntegrityError:
            return False
        return True

    def _add_prompt_pin(self, name: str, sha256: str, actor: str, reason: str | None) -> PromptPin:
        pin = PromptPin(name=name, sha256=sha256, pinned_at=utcnow(), actor=actor, reason=reason)
        with self.engine.begin() as connection:
            connection.execute(insert(prompt_pins).values(**vars(pin)))
        return pin

    def _add_model_pin(self, task: str, model_id: str, adapter: str | None, actor: str, reason: str | None) -> ModelPin:
        pin = ModelPin(task=task, model_id=model_id, adapter=adapter, pinned_at=utcnow(), actor=actor, reason=reason)
        with self.engine.begin() as connection:
            connection.execute(insert(model_pins).values(**vars(pin)))
        return pin
