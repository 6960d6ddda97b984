"""`overturn prompts` and `overturn models pin|rollback|pins`: pins from the command line, audited, one-line errors."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import models_command, prompts_command
from bot.cli.errors import UserFacingError
from bot.settings import get_settings
from prompts.loader import PROMPTS_DIR, template_version
from store.audit import AuditLog
from store.db import engine_for
from tests.store.pins_databases import TEST_REGISTRY

pytestmark = pytest.mark.unit

USER = "compose/appeal.user.j2"


@pytest.fixture(autouse=True)
def _database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("OVERTURN_DATABASE_URL", f"sqlite:///{tmp_path}/overturn.db")
    monkeypatch.setenv("USER", "dana")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def candidate(tmp_path: Path) -> Path:
    path = tmp_path / "candidate.j2"
    path.write_text((PROMPTS_DIR / USER).read_text(encoding="utf-8") + "CANDIDATE-MARKER\n", encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    parser = argparse.ArgumentParser(prog="overturn")
    sub = parser.add_subparsers(dest="command", required=True)
    prompts_command.register(sub)
    models_command.register(sub)
    args = parser.parse_args(list(argv))
    assert args.run(args) == 0
    return capsys.readouterr().out


def _fails(*argv: str) -> str:
    parser = argparse.ArgumentParser(prog="overturn")
    sub = parser.add_subparsers(dest="command", required=True)
    prompts_command.register(sub)
    models_command.register(sub)
    args = parser.parse_args(list(argv))
    with pytest.raises(UserFacingError) as caught:
        args.run(args)
    assert caught.value.exit_code == 2 and "\n" not in str(caught.value)
    return str(caught.value)


def _audit() -> list[tuple[str, str, dict[str, object]]]:
    engine = engine_for(get_settings().database_url)
    try:
        return [(event.actor, event.action, event.details) for event in AuditLog(engine).events()]
    finally:
        engine.dispose()


def _add(capsys: pytest.CaptureFixture[str], candidate: Path) -> str:
    out = _run(capsys, "prompts", "add", USER, str(candidate))
    return out.split("@", 1)[1][:12]


def test_list_shows_each_template_with_its_file_sha_pin_and_versions(capsys: pytest.CaptureFixture[str]) -> None:
    lines = _run(capsys, "prompts", "list").splitlines()
    assert lines[0].split() == ["template", "file", "pinned", "versions"]
    [row] = [line for line in lines if line.startswith(USER + " ")]
    assert row.split() == [USER, template_version(USER)[:12], "—", "1"]
    assert any(line.startswith("letters/base.j2") for line in lines)


def test_add_pin_diff_history_rollback(capsys: pytest.CaptureFixture[str], candidate: Path) -> None:
    short = _add(capsys, candidate)
    current = template_version(USER)
    out = _run(capsys, "prompts", "pin", USER, short[:8], "--reason", "try the candidate")
    assert out.strip() == f"pinned {USER} to {short}; was the file"

    rows = json.loads(_run(capsys, "prompts", "list", "--json"))
    [row] = [row for row in rows if row["name"] == USER]
    assert (row["file_sha256"], row["pinned_sha256"][:12], row["versions"]) == (current, short, 2)

    diff = _run(capsys, "prompts", "diff", USER).splitlines()  # pinned vs the file
    assert diff[:2] == [f"--- {USER}@{short}", f"+++ {USER}@{current[:12]}"]
    assert "-CANDIDATE-MARKER" in diff
    reverse = _run(capsys, "prompts", "diff", USER, current[:12], short).splitlines()
    assert "+CANDIDATE-MARKER" in reverse
    assert "are the same" in _run(capsys, "prompts", "diff", USER, short, short)

    assert "(the current file)" in _run(capsys, "prompts", "pin", USER, current)
    assert _run(capsys, "prompts", "rollback", USER).strip() == f"rolled {USER} back to {short}"
    history = _run(capsys, "prompts", "history", USER).splitlines()
    assert [line.split()[2] for line in history] == [short, current[:12], short]
    assert history[0].endswith("dana  try the candidate")

    actions = [(actor, action) for actor, action, _ in _audit()]
    assert actions == [("dana", "prompt.pinned"), ("dana", "prompt.pinned"), ("dana", "prompt.rolled_back")]


def test_a_template_never_pinned_has_no_history(capsys: pytest.CaptureFixture[str]) -> None:
    assert "never been pinned" in _run(capsys, "prompts", "history", USER)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("prompts", "pin", USER, "0123456789abcdef"), "has no registered version 0123456789abcdef"),
        (("prompts", "pin", USER, "abc"), "8 to 64 hex digits"),
        (("prompts", "pin", "compose/nope.j2", "0123456789abcdef"), "no registered versions"),
        (("prompts", "rollback", USER), "has no pin to roll back"),
        (("prompts", "diff", USER), "has no pin; name the version"),
        (("prompts", "diff", "compose/nope.j2", "0123456789"), "is not a prompt template"),
        (("prompts", "add", USER, "/nonexistent/candidate.j2"), "no such file"),
    ],
)
def test_bad_input_is_one_line(argv: tuple[str, ...], message: str) -> None:
    assert message in _fails(*argv)


def test_adding_a_broken_template_is_refused(tmp_path: Path) -> None:
    broken = tmp_path / "broken.j2"
    broken.write_text("{% if %}", encoding="utf-8")
    assert "not a valid template" in _fails("prompts", "add", USER, str(broken))


@pytest.fixture
def registry_file(tmp_path: Path) -> Path:
    path = tmp_path / "models.yaml"
    path.write_text(TEST_REGISTRY, encoding="utf-8")
    return path


def test_models_pin_and_rollback(capsys: pytest.CaptureFixture[str], registry_file: Path) -> None:
    registry = ("--registry", str(registry_file))
    assert "compose: small (registry pin)" in _run(capsys, "models", "pins", *registry)
    out = _run(capsys, "models", "pin", "compose", "large", "--adapter", "compose-v1", "--reason", "eval", *registry)
    assert out.strip() == "pinned compose to large:compose-v1; was the registry pin"
    assert _run(capsys, "models", "pin", "compose", "large", *registry).strip().endswith("was large:compose-v1")
    pins = _run(capsys, "models", "pins", *registry).splitlines()
    assert pins[2].startswith("compose: large (pinned by dana on ")
    assert pins[:2] == ["extract: small (registry pin)", "questions: no model (template letters)"]
    assert _run(capsys, "models", "rollback", "compose", *registry).strip() == "rolled compose back to large:compose-v1"
    assert [action for _, action, _ in _audit()] == ["model.pinned", "model.pinned", "model.rolled_back"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("models", "pin", "compose", "huge"), "'huge' is not in the registry"),
        (("models", "pin", "extract", "large"), "is not for extract"),
        (("models", "pin", "compose", "large", "--adapter", "v9"), "has no adapter 'v9'"),
        (("models", "pin", "write", "small"), "'write' is not a task"),
        (("models", "rollback", "compose"), "no model pin to roll back"),
    ],
)
def test_bad_model_pins_are_one_line(registry_file: Path, argv: tuple[str, ...], message: str) -> None:
    assert message in _fails(*argv, "--registry", str(registry_file))
    assert _audit() == []
