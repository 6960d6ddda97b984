"""Opening the interview for a process: checkpointer, encryption, lock, context, compiled graph."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from bot.conversation import Conversation, ProgressSink
from bot.keys import resolve_key
from bot.settings import Settings
from bot.wiring import interview_context
from graph.interview.builder import Interview, build_interview
from graph.interview.context import InterviewContext
from store.checkpoint_cipher import encrypted_serializer
from store.checkpoints import open_checkpointer
from store.thread_lock import ThreadLock, thread_lock_for


@dataclass(frozen=True)
class InterviewRuntime:
    interview: Interview
    context: InterviewContext
    lock: ThreadLock

    def conversation(self, thread_id: str, on_progress: ProgressSink | None = None) -> Conversation:
        return Conversation(self.interview, self.context, self.lock, thread_id, on_progress)


@asynccontextmanager
async def interview_runtime(settings: Settings, *, in_memory: bool = False) -> AsyncIterator[InterviewRuntime]:
    """Everything a channel needs to run interviews; `in_memory` keeps nothing after the process (batch runs)."""
    url = "memory" if in_memory else settings.checkpoint_url
    # A run that keeps nothing needs no lasting key (and must not write a key file).
    serde = encrypted_serializer(AESGCM.generate_key(bit_length=256) if in_memory else resolve_key(settings))
    async with (
        open_checkpointer(url, serde) as saver,
        interview_context(settings, in_memory=in_memory) as context,
    ):
        lock = thread_lock_for(url)
        try:
            yield InterviewRuntime(build_interview(saver), context, lock)
        finally:
            await lock.aclose()
