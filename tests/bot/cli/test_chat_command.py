"""`overturn chat` in a terminal with the laptop defaults (SQLite checkpoints, key file, no model)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from bot.cli import main
from tests.bot.cli.live_process import LiveProcess

pytestmark = pytest.mark.unit

LETTER = Path(__file__).resolve().parents[3] / "bot" / "examples" / "denial_mri.txt"


def test_a_pasted_letter_a_correction_a_pause_and_a_resume(tmp_path: Path) -> None:
    env = {"OVERTURN_MODEL_URL": ""}
    chat = LiveProcess(["chat"], cwd=tmp_path, env=env)
    chat.wait_for(r'Paste the denial letter, then a line with only "\."')
    for line in LETTER.read_text(encoding="utf-8").splitlines():
        chat.send(line)
    chat.send(".")
    thread = chat.wait_for(r"Conversation ([0-9a-f]+)\.").group(1)
    chat.wait_for("Your name")
    chat.send("")
    chat.wait_for("Press Enter if everything is right")
    chat.send("99")
    chat.wait_for("Type a number from 1 to 18")
    chat.send("4")
    chat.wait_for("What was denied")
    chat.send("Lumbar spine MRI")
    shown = chat.wait_for(r"What was denied\s+Lumbar spine MRI")
    chat.send("")
    chat.wait_for(r"Question 1", after=shown.end())
    assert chat.finish() == 0  # closing the input pauses the conversation
    assert f"Paused. Continue with: overturn chat --resume {thread}" in chat.output
    assert stat.S_IMODE((tmp_path / ".overturn" / "key").stat().st_mode) == 0o600

    resumed = LiveProcess(["chat", "--resume", thread], cwd=tmp_path, env=env)
    resumed.wait_for("Question 1")
    cursor = 0
    while True:
        resumed.send("skip")
        match = resumed.wait_for(r"Question \d+|The letter is saved in (\S+)\.", after=cursor)
        cursor = match.end()
        if match.group(0).startswith("The letter"):
            break
    assert resumed.finish() == 0
    letter = (tmp_path / f"appeal-{thread}.txt").read_text(encoding="utf-8")
    assert "Lumbar spine MRI" in letter
    assert stat.S_IMODE((tmp_path / f"appeal-{thread}.txt").stat().st_mode) == 0o600


def test_resuming_an_unknown_conversation_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("OVERTURN_MODEL_URL", "")
    assert main(["chat", "--resume", "feedface0000"]) == 2
    assert "no conversation 'feedface0000' was found" in capsys.readouterr().err


def test_a_letter_and_resume_together_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["chat", str(LETTER), "--resume", "abc"]) == 2
    assert "not both" in capsys.readouterr().err
