"""What the interview's nodes are given at run time (LangGraph's runtime context): models, redaction, storage.

The nodes see only these small protocols, so graph/ never imports the serving or store layers; the channels
(bot/) build a context from settings, and unit tests build one around a scripted fake model.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from graph.denial import DenialDetails
from graph.interview.records import CaseRecords
from graph.questions.bank import QuestionBank
from graph.redaction import KnownValue, Redacted, Vault
from serving.types import ChatRequest, Completion


class ModelCall(Protocol):
    """One chat completion through the router, with redacted text only; None when no model answered."""

    def __call__(self, request: ChatRequest) -> Awaitable[Completion | None]: ...


class CaseRedactor(Protocol):
    def redact(self, text: str, vault: Vault) -> Redacted: ...


class VaultStore(Protocol):
    """The case's placeholder <-> value mapping, kept encrypted at rest."""

    def load_or_new(self, case_id: str) -> Vault: ...

    def save(self, case_id: str, vault: Vault) -> None: ...


@dataclass(frozen=True)
class ModelPin:
    """Who writes: recorded with every output."""

    served_name: str  # what the request names (the adapter's name when there is one)
    model_id: str
    revision: str
    adapter: str | None = None


@dataclass(frozen=True)
class ShadowSetup:
    """A candidate prompt version and/or model tried beside the live one: its letter is recorded, never shown."""

    overrides: Mapping[str, str]  # template name -> source text (the live pins with the candidate on top)
    pin: ModelPin | None = None  # None: the live model


@dataclass(frozen=True)
class InterviewContext:
    read_details: Callable[[str], Awaitable[DenialDetails]]  # the rules, or the rules helped by the model
    redactor_for: Callable[[Sequence[KnownValue]], CaseRedactor]  # a redactor that also finds these values
    vaults: VaultStore
    bank: QuestionBank
    model: ModelCall | None = None  # None: template letters and no follow-up questions
    compose_pin: ModelPin | None = None
    questions_pin: ModelPin | None = None
    overrides: Mapping[str, str] = field(default_factory=dict)  # pinned prompt texts that differ from the files
    shadow: ShadowSetup | None = None
    records: CaseRecords | None = None  # where delivered letters are recorded; None: nowhere (batch, tests)
    today: Callable[[], dt.date] = field(default=dt.date.today)
    candidates: int = 2  # letters the model writes per attempt; the best by the guardrails is kept
    temperature: float = 0.7
    max_tokens: int = 900
    question_limit: int = 8  # questions from the bank (follow-ups on earlier answers come on top)
