from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from bot.cli import models_command
from bot.cli.errors import UserFacingError

REGISTRY = """
models:
  - id: gpu-large
    base: example/large-instruct
    revision: abc123
    max_context: 32768
    adapters: [{name: compose-v1, path: /adapters/compose-v1, revision: run-7}]
    tasks: [compose, questions]
pins:
  compose: {model: gpu-large, adapter: compose-v1}
  questions: {model: gpu-large}
"""


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    parser = argparse.ArgumentParser(prog="overturn")
    models_command.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(list(argv))
    code: int = args.run(args)
    return code, capsys.readouterr().out


@pytest.fixture
def registry_file(tmp_path: Path) -> Path:
    path = tmp_path / "models.yaml"
    path.write_text(REGISTRY)
    return path


@pytest.mark.unit
def test_table_lists_the_bundled_model(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(capsys, "models", "list")
    header, rule, row = out.splitlines()
    assert code == 0
    assert header.split("  ")[0].strip() == "model" and "pinned for" in header
    assert set(rule) <= {"-", " "}
    assert row.startswith("HuggingFaceTB/SmolLM2-135M-Instruct")
    assert "8192" in row and "compose, extract, questions" in row


@pytest.mark.unit
def test_table_shows_adapters_and_pins(capsys: pytest.CaptureFixture[str], registry_file: Path) -> None:
    code, out = _run(capsys, "models", "list", "--registry", str(registry_file))
    row = out.splitlines()[2]
    assert code == 0
    assert "compose-v1" in row and "compose:compose-v1, questions" in row and "32768" in row


@pytest.mark.unit
def test_json_output(capsys: pytest.CaptureFixture[str], registry_file: Path) -> None:
    code, out = _run(capsys, "models", "list", "--json", "--registry", str(registry_file))
    [model] = json.loads(out)
    assert code == 0
    assert model["model"] == "gpu-large" and model["revision"] == "abc123" and model["max_context"] == 32768
    assert model["adapters"] == [
        {"name": "compose-v1", "path": "/adapters/compose-v1", "revision": "run-7", "checksum": None}
    ]
    assert model["tasks"] == ["compose", "questions"]
    assert model["pinned_for"] == ["compose:compose-v1", "questions"]


@pytest.mark.unit
def test_an_empty_registry_says_templates_are_used(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text("models: []\n")
    _, out = _run(capsys, "models", "list", "--registry", str(path))
    assert "template letters" in out


@pytest.mark.unit
@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), ("models: [", "not a valid model registry"),
     ("models: [{id: x}]", "not a valid model registry (Field required)")],
)  # fmt: skip
def test_bad_registries_are_one_line_errors(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "models.yaml"
    if content is not None:
        path.write_text(content)
    parser = argparse.ArgumentParser(prog="overturn")
    models_command.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["models", "list", "--registry", str(path)])
    with pytest.raises(UserFacingError) as caught:
        args.run(args)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)
