"""Reading a letter with the model's help: rules always, a model's proposal where one is configured and answers.

The letter goes only to our own backends (the router's privacy gate: unredacted text never reaches an external
one), as quoted data in a versioned prompt, under a JSON schema. Whatever goes wrong with the model (no server,
a timeout, an answer that is not the schema) leaves the rules' reading as it is: a member always gets one.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from pydantic import BaseModel, ValidationError

from graph.denial import DenialDetails
from graph.extraction.extractor import extract, extract_with_proposal
from graph.extraction.model_proposal import proposal_schema
from prompts.loader import render, template_version
from serving.errors import ServingError
from serving.router import Router
from serving.types import ChatMessage, ChatRequest

log = logging.getLogger(__name__)

SYSTEM_PROMPT = "extract/denial_details.system.j2"
USER_PROMPT = "extract/denial_details.user.j2"
MAX_TOKENS = 700


class _Proposal(BaseModel):
    """Only the shape is checked here; grounding in the letter decides what is kept."""

    model_config = {"extra": "ignore"}

    insurer: str | None = None
    plan_name: str | None = None
    service: str | None = None
    diagnosis: str | None = None
    reason: str | None = None
    policy_cited: str | None = None
    claim_id: str | None = None
    reference_id: str | None = None
    appeal_address: str | None = None
    appeal_fax: str | None = None


@dataclass(frozen=True)
class AssistedReading:
    details: DenialDetails
    model_used: bool
    prompt_versions: tuple[str, str]  # sha256 of the system and user templates
    model: str | None = None
    note: str | None = None  # why the model's proposal was not used, for logs and the member's progress line


def extraction_request(text: str, model: str) -> ChatRequest:
    system = render(SYSTEM_PROMPT)
    user = render(USER_PROMPT, letter=text)
    return ChatRequest(
        model=model,
        messages=[ChatMessage(role="system", content=system.text), ChatMessage(role="user", content=user.text)],
        temperature=0.0,
        max_tokens=MAX_TOKENS,
        json_schema=proposal_schema(),
        schema_name="denial_details",
    )


async def read_with_model(text: str, router: Router, model: str) -> AssistedReading:
    versions = (template_version(SYSTEM_PROMPT), template_version(USER_PROMPT))
    try:
        completion = await router.complete(extraction_request(text, model), redacted=False)
    except ServingError as exc:
        log.warning("model extraction unavailable: %s", type(exc).__name__)
        return AssistedReading(extract(text), False, versions, note="no model answered")
    if completion.fallback_used or not completion.candidates:
        return AssistedReading(extract(text), False, versions, note="no model answered")
    try:
        proposal = _Proposal.model_validate(json.loads(completion.candidates[0]))
    except (json.JSONDecodeError, ValidationError):
        log.warning("model extraction answer was not the schema (request %s)", completion.request_id)
        return AssistedReading(extract(text), False, versions, model=completion.model, note="model answer unusable")
    details = extract_with_proposal(text, proposal.model_dump())
    return AssistedReading(details, True, versions, model=completion.model)
