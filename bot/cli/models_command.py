"""`overturn models list [--json] [--registry FILE]`: the models Overturn may call and which task each one does."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from pydantic import ValidationError

from bot.cli.errors import UserFacingError
from serving.registry import Registry, load_registry

_COLUMNS = ("model", "base", "revision", "max context", "adapters", "tasks", "pinned for")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("models", help="show the model registry")
    actions = parser.add_subparsers(dest="models_action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="list the registered models, their adapters and pins")
    listing.add_argument("--json", action="store_true", help="print the registry as JSON")
    listing.add_argument("--registry", type=Path, default=None, help="a registry YAML (default: the bundled one)")
    listing.set_defaults(run=run_list)


def run_list(args: argparse.Namespace) -> int:
    registry = _read(args.registry)
    if args.json:
        print(json.dumps(registry_rows(registry), indent=2))
    else:
        print(render_registry(registry))
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
