"""Settings and command registration for the command-line tests of the case records (tests/bot/cli)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import cli
from bot.cli import Registrar
from bot.settings import Settings, get_settings
from store.vault import generate_vault_key


def use_commands(monkeypatch: pytest.MonkeyPatch, *registers: Registrar) -> None:
    """These commands in `overturn`, whether or not the lead has registered them in bot.cli yet."""
    missing = tuple(register for register in registers if register not in cli.COMMANDS)
    monkeypatch.setattr(cli, "COMMANDS", (*cli.COMMANDS, *missing))


def use_settings(monkeypatch: pytest.MonkeyPatch, folder: Path, *, database_url: str | None = None) -> Settings:
    """Settings for one test: its own SQLite database (unless given another), checkpoints and vault key."""
    monkeypatch.chdir(folder)  # a stray .env or .overturn/ of the checkout must not count
    monkeypatch.setenv("OVERTURN_DATABASE_URL", database_url or f"sqlite:///{folder / 'overturn.db'}")
    monkeypatch.setenv("OVERTURN_CHECKPOINT_URL", f"sqlite:///{folder / 'checkpoints.db'}")
    monkeypatch.setenv("OVERTURN_VAULT_KEY", generate_vault_key())
    monkeypatch.setenv("OVERTURN_MODEL_URL", "")
    monkeypatch.setenv("USER", "ana")
    get_settings.cache_clear()  # the caller clears it again after the test
    return get_settings()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
