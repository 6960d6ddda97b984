"""`overturn models`: the models Overturn may call, which one does each task, and pinning a task to another.

    overturn models list [--json] [--registry FILE]        the registry (serving/models.yaml) and its pins
    overturn models pins [--registry FILE]                  the model each task uses now, and where that comes from
    overturn models pin TASK MODEL [--adapter A] [--reason R] [--registry FILE]
    overturn models rollback TASK [--registry FILE]         pin again the model pinned before the live one

A pin made here (kept in the database, audited) overrides the registry's own pin for that task.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from pydantic import ValidationError

from bot.cli.errors import UserFacingError
from bot.cli.prompts_command import pin_errors
from bot.pins_access import STAFF_ROLE, cli_actor, open_pins
from bot.settings import get_settings
from serving.registry import TASKS, Registry, load_registry

_COLUMNS = ("model", "base", "revision", "max context", "adapters", "tasks", "pinned for")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("models", help="show the model registry")
    actions = parser.add_subparsers(dest="models_action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="list the registered models, their adapters and pins")
    listing.add_argument("--json", action="store_true", help="print the registry as JSON")
    listing.add_argument("--registry", type=Path, default=None, help="a registry YAML (default: the bundled one)")
    listing.set_defaults(run=run_list)
    pins = actions.add_parser("pins", help="the model each task uses now: a pin made here, else the registry's")
    pins.add_argument("--registry", type=Path, default=None, help="a registry YAML (default: the bundled one)")
    pins.set_defaults(run=run_pins)
    pin = actions.add_parser("pin", help="pin a task to a registered model (overrides the registry's pin)")
    pin.add_argument("task", help=f"one of: {', '.join(TASKS)}")
    pin.add_argument("model", help="a model id from `overturn models list`")
    pin.add_argument("--adapter", default=None, help="one of the model's adapters")
    pin.add_argument("--reason", default=None, help="why, kept with the pin")
    pin.add_argument("--registry", type=Path, default=None, help="a registry YAML (default: the bundled one)")
    pin.set_defaults(run=run_pin)
    rollback = actions.add_parser("rollback", help="pin a task again to the model pinned before the live one")
    rollback.add_argument("task", help=f"one of: {', '.join(TASKS)}")
    rollback.add_argument("--registry", type=Path, default=None, help="a registry YAML (default: the bundled one)")
    rollback.set_defaults(run=run_rollback)


def run_list(args: argparse.Namespace) -> int:
    registry = _read(args.registry)
    if args.json:
        print(json.dumps(registry_rows(registry), indent=2))
    else:
        print(render_registry(registry))
    return 0


def run_pins(args: argparse.Namespace) -> int:
    registry = _read(args.registry)
    with pin_errors():
        store = open_pins(get_settings())
        pinned = store.current_model_pins()
        choices = {task: store.model_choice(task, registry) for task in TASKS}
    for task, choice in choices.items():
        pin = pinned.get(task)
        if choice is None:
            print(f"{task}: no model (template letters)")
            continue
        served = f"{choice.model_id}:{choice.adapter}" if choice.adapter else choice.model_id
        here = pin is not None and pin.target == served
        source = f"pinned by {pin.actor} on {pin.pinned_at:%Y-%m-%d}" if pin is not None and here else "registry pin"
        print(f"{task}: {served} ({source})")
    return 0


def run_pin(args: argparse.Namespace) -> int:
    registry = _read(args.registry)
    with pin_errors():
        store = open_pins(get_settings())
        previous = store.current_model_pins().get(args.task)
        pin = store.pin_model(
            args.task,
            args.model,
            args.adapter,
            actor=cli_actor(),
            role=STAFF_ROLE,
            reason=args.reason,
            registry=registry,
        )
    print(f"pinned {pin.task} to {pin.target}; was {previous.target if previous else 'the registry pin'}")
    return 0


def run_rollback(args: argparse.Namespace) -> int:
    registry = _read(args.registry)
    with pin_errors():
        pin = open_pins(get_settings()).rollback_model(args.task, actor=cli_actor(), role=STAFF_ROLE, registry=registry)
    print(f"rolled {pin.task} back to {pin.target}")
    return 0


def registry_rows(registry: Registry) -> list[dict[str, object]]:
    return [
        {
            "model": model.id,
            "base": model.base,
            "revision": model.revision,
            "source": model.source,
            "checksum": model.checksum,
            "max_context": model.max_context,
            "adapters": [adapter.model_dump() for adapter in model.adapters],
            "tasks": list(model.tasks),
            "pinned_for": registry.pinned_for(model.id),
        }
        for model in registry.models
    ]


def render_registry(registry: Registry) -> str:
    if not registry.models:
        return "No models registered: every task uses the template letters."
    rows = [
        (
            model.id,
            model.base,
            model.revision,
            str(model.max_context),
            ", ".join(adapter.name for adapter in model.adapters) or "—",
            ", ".join(model.tasks) or "—",
            ", ".join(registry.pinned_for(model.id)) or "—",
        )
        for model in registry.models
    ]
    widths = [max(len(cell) for cell in column) for column in zip(_COLUMNS, *rows, strict=True)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]
    header = "  ".join(name.ljust(width) for name, width in zip(_COLUMNS, widths, strict=True)).rstrip()
    return "\n".join([header, "  ".join("-" * width for width in widths), *lines])


def _read(path: Path | None) -> Registry:
    shown = path or "the bundled registry"
    try:
        return load_registry(path)
    except FileNotFoundError as exc:
        raise UserFacingError(f"{shown}: no such file") from exc
    except (ValidationError, ValueError) as exc:
        first = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
        raise UserFacingError(f"{shown}: not a valid model registry ({first})") from exc
    except OSError as exc:
        raise UserFacingError(f"{shown}: cannot be read ({exc.strerror})") from exc
