from __future__ import annotations

import argparse

import pytest

import bot.cli
from bot.cli import main


def _failing_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("boom")

    def run(args: argparse.Namespace) -> int:
        raise RuntimeError("Dear Zebulon Quattlebaum, member CANARY-778812")

    parser.set_defaults(run=run)


@pytest.fixture
def failing_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bot.cli, "COMMANDS", (*bot.cli.COMMANDS, _failing_command))


@pytest.mark.unit
@pytest.mark.usefixtures("failing_cli")
def test_unexpected_error_is_one_line_without_the_message(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OVERTURN_DEBUG", raising=False)
    assert main(["boom"]) == 1
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [
        "overturn: something went wrong (RuntimeError); set OVERTURN_DEBUG=1 for details"
    ]
    assert "Quattlebaum" not in err and "CANARY" not in err


@pytest.mark.unit
@pytest.mark.usefixtures("failing_cli")
def test_debug_setting_shows_the_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OVERTURN_DEBUG", "1")
    with pytest.raises(RuntimeError):
        main(["boom"])


@pytest.mark.unit
def test_every_command_is_registered() -> None:
    parser = bot.cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert {"extract", "redact", "eval"} <= set(sub.choices)
