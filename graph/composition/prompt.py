"""The model prompt for an appeal letter: a constant system prompt, then the case's facts as quoted data.

The system prompt has no variables, so every request shares it as a prefix (vLLM's prefix cache). Everything
that varies, and every untrusted value, is in the user prompt, inside <data> blocks through the `quoted` filter.
Both templates' sha256s travel with the request, so a stored letter says which prompt wrote it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from graph.composition.facts import LetterFacts, letter_dates
from graph.composition.rights import appeal_rights
from prompts.loader import RenderedPrompt, render, render_pinned
from serving.types import ChatMessage, ChatRequest

SYSTEM_TEMPLATE = "compose/appeal.system.j2"
USER_TEMPLATE = "compose/appeal.user.j2"


@dataclass(frozen=True)
class PromptVersions:
    system_template: str
    system_version: str  # sha256 of the template source
    user_template: str
    user_version: str


def compose_messages(
    facts: LetterFacts, *, overrides: Mapping[str, str] | None = None
) -> tuple[list[ChatMessage], PromptVersions]:
    """`overrides` (template name -> source text) replaces templates with pinned or shadow versions."""
    system = _render(SYSTEM_TEMPLATE, overrides)
    user = _render(USER_TEMPLATE, overrides, **prompt_values(facts))
    versions = PromptVersions(
        system_template=system.name,
        system_version=system.version,
        user_template=user.name,
        user_version=user.version,
    )
    messages = [ChatMessage(role="system", content=system.text), ChatMessage(role="user", content=user.text)]
    return messages, versions


def compose_request(
    facts: LetterFacts,
    *,
    model: str,
    n: int,
    temperature: float,
    max_tokens: int,
    overrides: Mapping[str, str] | None = None,
) -> tuple[ChatRequest, PromptVersions]:
    messages, versions = compose_messages(facts, overrides=overrides)
    request = ChatRequest(messages=messages, model=model, n=n, temperature=temperature, max_tokens=max_tokens)
    return request, versions


def _render(name: str, overrides: Mapping[str, str] | None, **values: object) -> RenderedPrompt:
    return render(name, **values) if overrides is None else render_pinned(name, overrides, **values)


def prompt_values(facts: LetterFacts) -> dict[str, object]:
    """What the user template reads: the facts, plus the pieces worked out here (formatted dates, codes)."""
    return {
        "facts": facts,
        **letter_dates(facts),
        "codes": facts.code_labels,
        "categories": [facts.primary_category, *facts.additional_categories],
        "rights": appeal_rights(facts.plan_kind),
        "expedited": facts.wants_expedited,
    }
