"""Delivering the letter: the member's values put back, and the record the store keeps of how it was made."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from graph.interview.records import AnswerRecord, DeliveryRecord, GenerationRecord
from graph.interview.state import InterviewState, answers_of, facts_of
from graph.redaction import Vault, placeholders_in, rehydrate


def delivered(state: InterviewState, vault: Vault) -> dict[str, Any]:
    """The final letter: the last draft with the member's values put back, and the record of how it was made."""
    drafts = state["drafts"]
    draft = drafts[-1]
    facts_text = " ".join(_strings(state["facts"]))
    restored = rehydrate(draft["text"], vault, expected=placeholders_in(facts_text))
    passed = bool(draft["guardrails"]["passed"])
    return {
        "status": "ready" if passed and not restored.unknown else "needs_review",
        "text": restored.text,
        "redacted_text": draft["text"],
        "source": draft["source"],
        "fallback_reason": draft.get("fallback_reason"),
        "provenance": {**draft["provenance"], "question_bank": state.get("question_bank_version")},
        "guardrails": draft["guardrails"],
        "invented_placeholders": restored.unknown,
        "attempts": [
            {
                "source": d["source"],
                "passed": d["guardrails"]["passed"],
                "failed": [r["name"] for r in d["guardrails"]["results"] if not r["passed"]],
            }
            for d in drafts
        ],
    }


def delivery_record(state: InterviewState, outcome: Mapping[str, Any]) -> DeliveryRecord:
    """What the store keeps: redacted details, answers and every draft (shadow ones too), never values."""
    facts = facts_of(state)
    redacted = state.get("redacted_answers", {})
    answers = [
        AnswerRecord(question_id=qid, status=answer.status.value, value=redacted.get(qid))
        for qid, answer in answers_of(state).items()
    ]
    drafts = state["drafts"]
    generations = [_generation(draft, chosen=index == len(drafts) - 1) for index, draft in enumerate(drafts)]
    generations += [_generation(draft, chosen=False, shadow=True) for draft in state.get("shadow_drafts", [])]
    return DeliveryRecord(
        case_id=state["case_id"],
        channel=state.get("channel", "unknown"),
        owner=state.get("owner"),
        status=outcome["status"],
        deadline=facts.appeal_deadline.date if facts.appeal_deadline else None,
        details=facts.model_dump(mode="json", exclude={"answers", "today"}),
        answers=answers,
        letter_text=outcome["redacted_text"],
        question_bank_version=state.get("question_bank_version"),
        generations=generations,
    )


def _generation(draft: Mapping[str, Any], *, chosen: bool, shadow: bool = False) -> GenerationRecord:
    provenance = draft.get("provenance", {})
    prompt = provenance.get("prompt") or {}
    return GenerationRecord(
        source=draft["source"],
        shadow=shadow,
        text=draft["text"],
        template=provenance.get("template") or prompt.get("user_template"),
        template_sha256=provenance.get("template_sha256") or prompt.get("user_version"),
        system_sha256=prompt.get("system_version"),
        model_id=provenance.get("model"),
        revision=provenance.get("revision"),
        adapter=provenance.get("adapter"),
        parameters=provenance.get("parameters", {}),
        backend=provenance.get("backend"),
        latency_s=provenance.get("latency_s"),
        prompt_tokens=provenance.get("prompt_tokens"),
        completion_tokens=provenance.get("completion_tokens"),
        fallback_used=draft["source"] == "template",
        fallback_reason=draft.get("fallback_reason"),
        guardrails=draft.get("guardrails", {}),
        chosen=chosen,
    )


def _strings(value: object) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
