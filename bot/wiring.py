"""Everything the interview needs, built from settings: the model, redaction, the vaults, the question bank.

One place decides what "configured" means, so the terminal chat, batch appeals and the web app run the same
interview: no OVERTURN_MODEL_URL means rules-only reading, no follow-up questions and template letters.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

from bot.database import database
from bot.keys import resolve_key
from bot.model_access import router_from_settings
from bot.pins_access import open_pins
from bot.settings import Settings
from bot.store_access import open_store
from graph.composition.shadow import shadow_model
from graph.denial import DenialDetails
from graph.extraction.extractor import extract
from graph.interview.context import CaseRedactor, InterviewContext, ModelCall, ModelPin, ShadowSetup, VaultStore
from graph.redaction import KnownValue
from graph.redaction.engine import get_redactor
from prompts.question_bank import load_question_bank
from serving.errors import ServingError
from serving.registry import ModelChoice, Task, load_registry
from serving.router import Router
from serving.types import ChatRequest, Completion
from store.case_vaults import MemoryVaults, RepositoryVaults
from store.pins import PinStore
from store.vault_repository import VaultRepository

log = logging.getLogger(__name__)


def pin_for(task: Task, pins: PinStore | None = None) -> ModelPin | None:
    """The model a task uses: the store's pin when one was set (`overturn models pin`), else models.yaml's."""
    registry = load_registry()
    choice = pins.model_choice(task, registry) if pins is not None else registry.choice_for(task)
    return _as_pin(choice)


def _as_pin(choice: ModelChoice | None) -> ModelPin | None:
    if choice is None:
        return None
    return ModelPin(choice.served_name, choice.model_id, choice.revision, choice.adapter)


def shadow_setup(settings: Settings, pins: PinStore) -> ShadowSetup | None:
    """The candidate to try beside the live prompt or model, from OVERTURN_SHADOW_PROMPT / _MODEL (checked now,
    so a mistyped setting stops the process at start with one line, not mid-interview)."""
    if not settings.shadow_prompt and not settings.shadow_model:
        return None
    overrides = pins.shadow_overrides(settings.shadow_prompt) if settings.shadow_prompt else pins.overrides()
    model = _as_pin(shadow_model(settings.shadow_model, load_registry())) if settings.shadow_model else None
    return ShadowSetup(overrides=overrides, pin=model)


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
    return RepositoryVaults(VaultRepository(database(settings), resolve_key(settings)))


async def _rules_reading(text: str) -> DenialDetails:
    return await asyncio.to_thread(extract, text)  # CPU-bound: keep the event loop free for other members


@asynccontextmanager
async def interview_context(settings: Settings, *, in_memory: bool = False) -> AsyncIterator[InterviewContext]:
    """The context for one process's interviews; closes the model client when done. `in_memory` (batch runs)
    keeps no vault and records no letter, but follows the same prompt and model pins."""
    pins = open_pins(settings)
    base = InterviewContext(
        read_details=_rules_reading,
        redactor_for=redactor_for,
        vaults=vault_store(settings, in_memory=in_memory),
        bank=load_question_bank(),
        overrides=pins.overrides(),
        shadow=shadow_setup(settings, pins),
        records=None if in_memory else open_store(settings).records,
    )
    router = router_from_settings(settings)
    if router is None:
        yield base
        return
    try:
        extract_pin = pin_for("extract", pins)

        async def read_details(text: str) -> DenialDetails:
            if extract_pin is None:
                return await asyncio.to_thread(extract, text)
            from bot.assisted_extraction import read_with_model

            return (await read_with_model(text, router, extract_pin.served_name)).details

        yield dataclasses.replace(
            base,
            read_details=read_details,
            model=model_call(router),
            compose_pin=pin_for("compose", pins),
            questions_pin=pin_for("questions", pins),
            candidates=settings.compose_candidates,
            temperature=settings.compose_temperature,
        )
    finally:
        await router.aclose()
