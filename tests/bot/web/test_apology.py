from __future__ import annotations

import logging
from typing import Any

import chainlit
import pytest

from bot.web import apology
from bot.web.views import TROUBLE

pytestmark = pytest.mark.unit


class SentMessages:
    def __init__(self) -> None:
        self.sent: list[str] = []

    def __call__(self, content: str, **_: Any) -> SentMessages.Message:
        return SentMessages.Message(self, content)

    class Message:
        def __init__(self, outbox: SentMessages, content: str) -> None:
            self.outbox, self.content = outbox, content

        async def send(self) -> None:
            self.outbox.sent.append(self.content)


async def test_an_escaping_error_reaches_the_member_as_our_apology_and_the_log_as_its_type(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    outbox = SentMessages()
    monkeypatch.setattr(chainlit, "Message", outbox)

    @apology.apologising
    async def handler(letter: str) -> None:
        raise ValueError(f"cannot parse {letter}")

    with caplog.at_level(logging.DEBUG):
        await handler(letter="Member: Jordan Canary")
    assert outbox.sent == [TROUBLE]
    assert "ValueError" in caplog.text
    assert "Jordan Canary" not in caplog.text


async def test_a_handler_that_succeeds_sends_nothing_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    outbox = SentMessages()
    monkeypatch.setattr(chainlit, "Message", outbox)
    calls: list[str] = []

    @apology.apologising
    async def handler(action: str) -> None:
        calls.append(action)

    await handler(action="yes")
    assert calls == ["yes"] and outbox.sent == []
