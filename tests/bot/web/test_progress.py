from __future__ import annotations

import asyncio
from typing import Any

import chainlit
import pytest

from bot.web.progress import SlowStepProgress

pytestmark = pytest.mark.unit


class Screen:
    """Stands in for Chainlit's messages: what the member would see, in order."""

    def __init__(self) -> None:
        self.events: list[tuple[str, str]] = []

    def __call__(self, content: str, **_: Any) -> Screen.Message:
        return Screen.Message(self, content)

    class Message:
        def __init__(self, screen: Screen, content: str) -> None:
            self.screen, self.content = screen, content

        async def send(self) -> None:
            self.screen.events.append(("shown", self.content))

        async def update(self) -> None:
            self.screen.events.append(("updated", self.content))

        async def remove(self) -> None:
            self.screen.events.append(("removed", self.content))


@pytest.fixture
def screen(monkeypatch: pytest.MonkeyPatch) -> Screen:
    fake = Screen()
    monkeypatch.setattr(chainlit, "Message", fake)
    return fake


async def test_a_fast_step_shows_nothing(screen: Screen) -> None:
    progress = SlowStepProgress("One moment…", delay_s=0.2)
    await progress.tell("Reading your letter…")
    await progress.finish()
    await asyncio.sleep(0.3)
    assert screen.events == []


async def test_a_slow_step_shows_follows_and_removes_its_line(screen: Screen) -> None:
    progress = SlowStepProgress("One moment…", delay_s=0.01)
    await asyncio.sleep(0.05)
    await progress.tell("Writing your letter…")
    await progress.finish()
    assert screen.events == [
        ("shown", "⏳ One moment…"),
        ("updated", "⏳ Writing your letter…"),
        ("removed", "⏳ Writing your letter…"),
    ]
