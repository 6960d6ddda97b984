"""Whatever escapes a chat handler becomes our apology, not Chainlit's.

Chainlit would show the member the exception's text and log its traceback; either can quote the letter.
Here the member reads one plain sentence (their answers are saved) and the log gets the exception's type.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from typing import ParamSpec

import chainlit as cl

from bot.web.metrics import TURN_ERRORS
from bot.web.views import TROUBLE

log = logging.getLogger("overturn.web")
P = ParamSpec("P")


def apologising(handler: Callable[P, Awaitable[None]]) -> Callable[P, Awaitable[None]]:
    @functools.wraps(handler)
    async def guarded(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            await handler(*args, **kwargs)
        except Exception as exc:
            TURN_ERRORS.inc()
            log.error("web handler %s failed: %s", handler.__name__, type(exc).__name__)
            await cl.Message(content=TROUBLE).send()

    return guarded
