"""A progress line for a slow step, shown only when the step is slow.

Most turns answer in tens of milliseconds; a "One moment…" that flashes and vanishes is noise, and each
Chainlit message costs the server time. So the line appears only after `delay_s`, follows the graph's own
progress reports while it is shown, and is removed when the step ends.
"""

from __future__ import annotations

import asyncio
import contextlib

import chainlit as cl

from bot.web.views import escape

DELAY_S = 0.4


class SlowStepProgress:
    def __init__(self, text: str, delay_s: float = DELAY_S) -> None:
        self.text = text
        self.message: cl.Message | None = None
        # The task copies the Chainlit context, so the message goes to this member's session.
        self._pending = asyncio.create_task(self._show_after(delay_s))

    async def _show_after(self, delay_s: float) -> None:
        await asyncio.sleep(delay_s)
        message = cl.Message(content=self._content())
        self.message = message
        await message.send()

    def _content(self) -> str:
        return f"⏳ {escape(self.text)}"

    async def tell(self, text: str) -> None:
        self.text = text
        if self.message is not None:
            self.message.content = self._content()
            await self.message.update()

    async def finish(self) -> None:
        self._pending.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._pending
        if self.message is not None:
            await self.message.remove()
            self.message = None
