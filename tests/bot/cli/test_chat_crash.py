"""Kill -9 `overturn chat` mid-interview, resume it, and lose nothing: on real PostgreSQL and real Redis.

Every answer is checkpointed (durability "sync") before the next question is printed, so once a question
shows, every earlier answer is on disk. After the crash `--resume` must show that same question, never one
already answered, and the letter must still carry the answers given before the crash.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest

from store.vault import generate_vault_key
from tests.bot.cli.live_process import LiveProcess
from tests.store.services import postgres_url, redis_url

pytestmark = pytest.mark.integration

LETTER = Path(__file__).resolve().parents[3] / "bot" / "examples" / "denial_mri.txt"
QUESTION = r"Question (\d+)[^:]*: ([^\n]+)\n"


def _environment(tmp_path: Path, checkpoint_url: str) -> dict[str, str]:
    return {
        "OVERTURN_CHECKPOINT_URL": checkpoint_url,
        "OVERTURN_VAULT_KEY": generate_vault_key(),
        "OVERTURN_DATABASE_URL": f"sqlite:///{tmp_path / 'vault.db'}",
        "OVERTURN_MODEL_URL": "",
    }


def _crash_and_resume(tmp_path: Path, checkpoint_url: str) -> None:
    env = _environment(tmp_path, checkpoint_url)
    first = LiveProcess(["chat", str(LETTER)], cwd=tmp_path, env=env)
    thread = first.wait_for(r"Conversation ([0-9a-f]+)\.").group(1)
    first.wait_for(r"Your name")
    first.send("Jordan Example")
    first.wait_for(r"Press Enter if everything is right")
    first.send("")
    answered: list[str] = []
    cursor = 0
    for reply in ("yes", "skip"):  # the urgency question first: "yes" must survive the crash
        match = first.wait_for(QUESTION, after=cursor)
        answered.append(match.group(2))
        cursor = match.end()
        first.send(reply)
    waiting = first.wait_for(QUESTION, after=cursor)
    first.kill_hard()
    assert waiting.group(1) == "3"

    second = LiveProcess(["chat", "--resume", thread], cwd=tmp_path, env=env)
    second.wait_for(rf"Continuing conversation {thread}\.")
    shown = second.wait_for(QUESTION)
    assert shown.group(2) == waiting.group(2), "resume shows the question that was waiting"
    assert shown.group(2) not in answered, "no answered question is asked again"
    cursor = shown.end()
    while True:
        second.send("skip")
        match = second.wait_for(rf"{QUESTION}|The letter is saved in (\S+)\.", after=cursor)
        cursor = match.end()
        if match.group(0).startswith("The letter"):
            break
        assert match.group(2) not in answered, "no answered question is asked again"
    assert second.finish() == 0
    letter = (tmp_path / f"appeal-{thread}.txt").read_text()
    assert "Jordan Example" in letter
    assert re.search(r"expedited", letter, re.IGNORECASE), "the 'yes, it is urgent' answer given before the crash"


def test_a_crash_mid_interview_loses_nothing_on_postgres(tmp_path: Path) -> None:
    _crash_and_resume(tmp_path, postgres_url())


def test_a_crash_mid_interview_loses_nothing_on_redis(tmp_path: Path) -> None:
    _crash_and_resume(tmp_path, f"{redis_url()}?prefix=overturn-test-{uuid.uuid4().hex[:8]}")
