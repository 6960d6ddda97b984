"""Everything the interview needs, built from settings: the model, redaction, the vaults, the question bank.

One place decides what "configured" means, so the terminal chat, batch appeals and the web app run the same
interview: no OVERTURN_MODEL_URL means rules-only reading, no follow-up questions and template letters.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

from sqlalchemy import create_engine

from bot.keys import resolve_key
from bot.model_access import router_from_settings
from bot.settings import Settings
from graph.denial import DenialDetails
from graph.extraction.extractor import extract
from graph.interview.context import CaseRedactor, InterviewContext, ModelCall, ModelPin, VaultStore
from graph.redaction import KnownValue
from graph.redaction.engine import get_redactor
from prompts.question_bank import load_question_bank
from serving.errors import ServingError
from serving.registry import Task, load_registry
from serving.router import Router
from serving.types import ChatRequest, Completion
from store.case_vaults import MemoryVaults, RepositoryVaults
from store.vault_repository import VaultRepository

log = logging.getLogger(__name__)


def pin_for(task: Task) -> ModelPin | None:
    choice = load_registry().choice_for(task)
    if choice is None:
        return None
    return ModelPin(choice.served_name, choice.model_id, choice.revision, choice.adapter)


def model_call(router: Router) -> ModelCall:
    """The router as the interview calls it: redacted text only, and None (never an exception) when no model
    answers, so the interview falls back to what it can do without one."""

    async def call(request: ChatRequest) -> Completion | None:
        try:
            return await router.complete(request, redacted=True)
        except ServingError as exc:
            log.warning("model unavailable for the interview: %s", type(exc).__name__)
            return None

    return call


def redactor_for(known: Sequence[KnownValue]) -> CaseRedactor:
    return get_redactor().with_known_values(known)


def vault_store(settings: Settings, *, in_memory: bool = False) -> VaultStore:
    if in_memory:
        return MemoryVaults()
    url = settings.database_url
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    repository = VaultRepository(create_engine(url), resolve_key(settings))
    repository.create_schema()
    return RepositoryVaults(repository)


async def _rules_reading(text: str) -> DenialDetails:
    return extract(text)


@asynccontextmanager
async def interview_context(settings: Settings, *, in_memory: bool = False) -> AsyncIterator[InterviewContext]:
    """The context for one process's interviews; closes the model client when done."""
    router = router_from_settings(settings)
    try:
        if router is None:
            yield InterviewContext(
                read_details=_rules_reading,
                redactor_for=redactor_for,
                vaults=vault_store(settings, in_memory=in_memory),
                bank=load_question_bank(),
            )
            return
        model = model_call(router)
        extract_pin = pin_for("extract")

        async def read_details(text: str) -> DenialDetails:
            if extract_pin is None:
                return extract(text)
            from bot.assisted_extraction import read_with_model

            return (await read_with_model(text, router, extract_pin.served_name)).details

        yield InterviewContext(
            read_details=read_details,
            redactor_for=redactor_for,
            vaults=vault_store(settings, in_memory=in_memory),
            bank=load_question_bank(),
            model=model,
            compose_pin=pin_for("compose"),
            questions_pin=pin_for("questions"),
            candidates=settings.compose_candidates,
            temperature=settings.compose_temperature,
        )
    finally:
        if router is not None:
            await router.aclose()
