"""The plain work behind the interview's nodes: pure functions of the state and the domain types."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any

from graph.composition.facts import LetterFacts
from graph.composition.prompt import PromptVersions
from graph.composition.template_letter import template_letter
from graph.confirmation import LABELS, CorrectionError, apply_correction
from graph.denial import DenialDetails
from graph.guardrails.report import GuardrailReport
from graph.guardrails.review import review_letter
from graph.interview.context import ModelPin
from graph.interview.replies import ConfirmDecision
from graph.interview.state import InterviewState
from graph.questions.bank import QuestionBank
from graph.questions.model import Question
from graph.questions.planning import prefill_for
from graph.reading.language import looks_english
from graph.redaction import KnownValue
from serving.types import Completion

MIN_LETTER_CHARS = 80


def intake_problem(text: str) -> str | None:
    """Why this text cannot be read as a denial letter, or None."""
    if not text.strip():
        return "The letter is empty. Paste the whole denial letter, or upload it as a file."
    if len(text.strip()) < MIN_LETTER_CHARS:
        return "That is too short to be a denial letter. Paste the whole letter, from the date to the signature."
    if not looks_english(text):
        return "This letter does not look like English; Overturn reads English letters for now."
    return None


def known_values(state: InterviewState, extra: Iterable[tuple[str, str]] = ()) -> list[KnownValue]:
    """What we know is PHI in this case: the member's name, and (later) every identifier found in the letter."""
    pairs: list[tuple[str, str]] = []
    name = str(state.get("member", {}).get("name") or "").strip()
    if name:
        pairs.append(("PERSON", name))
    pairs.extend(extra)
    unique = dict.fromkeys((kind, " ".join(value.split())) for kind, value in pairs if len(value.strip()) >= 2)
    return [KnownValue(kind, value) for kind, value in unique]


def case_bank(bank: QuestionBank, followups: Iterable[Question | Mapping[str, Any]]) -> QuestionBank:
    """The bank with this case's generated follow-up questions added."""
    extra = [q if isinstance(q, Question) else Question.model_validate(q) for q in followups]
    if not extra:
        return bank
    areas = {**bank.areas, "followup": "Follow-up questions"}
    return QuestionBank(questions=[*bank.questions, *extra], areas=areas, version=bank.version)


def question_payload(question: Question, details: DenialDetails, state: InterviewState) -> dict[str, Any]:
    """What the member is asked, as a channel renders it."""
    reask = state.get("reask", {})
    asked = len(state.get("answers", {}))
    return {
        "kind": "question",
        "id": question.id,
        "text": question.text,
        "answer_type": question.answer_type.value,
        "choices": list(question.choices),
        "why": question.why,
        "prefill": prefill_for(question, details),
        "reask": reask.get("message") if reask.get("question_id") == question.id else None,
        "number": asked + 1,
        "planned": len(state.get("plan", [])),
    }


def apply_confirm_decision(
    details: DenialDetails, corrections: Mapping[str, Any], decision: ConfirmDecision
) -> dict[str, Any]:
    """Apply the member's corrections in order; the first one we cannot take stops and says why."""
    updated, taken = details, dict(corrections)
    for name, value in decision.corrections.items():
        result = apply_correction(updated, name, value)
        if isinstance(result, CorrectionError):
            label = LABELS.get(name, name)
            return {
                "details": updated.model_dump(mode="json"),
                "corrections": taken,
                "confirmed": False,
                "confirm_notice": {"message": f"{label}: {result.message}"},
            }
        updated = result
        taken[name] = value
    return {
        "details": updated.model_dump(mode="json"),
        "corrections": taken,
        "confirmed": decision.accept,
        "confirm_notice": {},
    }


def summary_for_followups(details: DenialDetails) -> str:
    """The redacted facts a model may see when it suggests follow-up questions (no ids, no addresses)."""
    lines = [
        f"Insurer: {details.insurer}" if details.insurer else "",
        f"Plan kind: {details.plan_kind.value}",
        f"Denied service: {details.service}" if details.service else "",
        f"Kind of service: {details.service_kind.value}" if details.service_kind else "",
        f"Diagnosis: {details.diagnosis}" if details.diagnosis else "",
        f"Denial categories: {', '.join(c.value for c in details.categories)}" if details.categories else "",
        f"Insurer's reason: {details.reason}" if details.reason else "",
        f"Policy cited: {details.policy_cited}" if details.policy_cited else "",
    ]
    return "\n".join(line for line in lines if line)


def _score(report: GuardrailReport) -> float:
    return sum(1.0 for result in report.results if result.passed)


def choose_model_draft(
    candidates: list[str],
    facts: LetterFacts,
    completion: Completion,
    versions: PromptVersions,
    pin: ModelPin,
    parameters: Mapping[str, Any],
) -> dict[str, Any]:
    """The candidate that passes the most checks (ties: the first), as a draft with its provenance."""
    reports = [review_letter(text, facts) for text in candidates]
    best = max(range(len(candidates)), key=lambda i: (_score(reports[i]), -i))
    return {
        "source": "model",
        "text": candidates[best],
        "candidates": len(candidates),
        "provenance": {
            "prompt": dataclasses.asdict(versions),
            "model": pin.model_id,
            "served_name": pin.served_name,
            "revision": pin.revision,
            "adapter": pin.adapter,
            "server_model": completion.model,
            "backend": completion.backend,
            "request_id": completion.request_id,
            "parameters": dict(parameters),
            "latency_s": round(completion.latency_s, 3),
            "prompt_tokens": completion.usage.prompt_tokens,
            "completion_tokens": completion.usage.completion_tokens,
        },
    }


def template_draft(facts: LetterFacts, overrides: Mapping[str, str], reason: str) -> dict[str, Any]:
    """The category's template letter as a draft: what stands when no model writes a letter that passes."""
    letter = template_letter(facts, overrides=overrides or None)
    return {
        "source": "template",
        "text": letter.text,
        "fallback_reason": reason,
        "provenance": {"template": letter.template, "template_sha256": letter.version},
    }
