"""The interview's nodes: each reads the state, calls one domain function, and returns an update.

At most one `interrupt()` per node, and nothing with side effects before it: a node re-runs from its first
line when the member's reply resumes it. Slow steps report progress on the custom stream.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

from langgraph.runtime import Runtime
from langgraph.types import interrupt

from graph.case_redaction import case_letter_facts, redacted_details
from graph.composition.candidates import clean_candidate
from graph.composition.facts import LetterFacts
from graph.composition.prompt import compose_request
from graph.confirmation import confirmation_view
from graph.guardrails.review import review_letter
from graph.interview import progress
from graph.interview.context import InterviewContext, ModelPin
from graph.interview.delivery import delivered, delivery_record
from graph.interview.replies import confirm_decision, question_reply
from graph.interview.state import InterviewState, answers_of, details_of, facts_of, letter_text
from graph.interview.steps import (
    apply_confirm_decision,
    case_bank,
    choose_model_draft,
    intake_problem,
    known_values,
    question_payload,
    summary_for_followups,
    template_draft,
)
from graph.questions.answers import Reask, parse_answer
from graph.questions.followups import FOLLOWUP_SCHEMA, followup_messages, parse_followups
from graph.questions.planning import next_question
from graph.questions.planning import plan_questions as plan_from_bank
from graph.redaction.entities import MEMBER_ID
from serving.types import ChatRequest

Update = dict[str, Any]


async def intake(state: InterviewState, runtime: Runtime[InterviewContext]) -> Update:
    problem = intake_problem(letter_text(state))
    if problem is not None:
        return {"outcome": {"status": "rejected", "message": problem}}
    return {"answers": state.get("answers", {}), "compose_attempts": 0, "drafts": []}


async def extract(state: InterviewState, runtime: Runtime[InterviewContext]) -> Update:
    progress.report("extract", "Reading your letter…")
    details = await runtime.context.read_details(letter_text(state))
    return {"details": details.model_dump(mode="json"), "confirmed": False, "confirm_notice": {}}


async def confirm(state: InterviewState, runtime: Runtime[InterviewContext]) -> Update:
    details = details_of(state)
    reply = interrupt(
        {
            "kind": "confirm",
            "rows": confirmation_view(details),
            "notice": state.get("confirm_notice", {}).get("message"),
        }
    )
    return apply_confirm_decision(details, state.get("corrections", {}), confirm_decision(reply))


async def plan_questions(state: InterviewState, runtime: Runtime[InterviewContext]) -> Update:
    context = runtime.context
    details = details_of(state)
    plan = plan_from_bank(context.bank, details, limit=context.question_limit)
    followups = []
    if context.model is not None and context.questions_pin is not None:
        progress.report("plan_questions", "Choosing the questions that matter for your appeal…")
        vault = await asyncio.to_thread(context.vaults.load_or_new, state["case_id"])
        redactor = context.redactor_for(known_values(state))
        redacted = await asyncio.to_thread(
            redacted_details, details, lambda text: redactor.redact(text, vault).text, vault.placeholder_for
        )
        messages, _version = followup_messages(summary_for_followups(redacted))
        request = ChatRequest(
            model=context.questions_pin.served_name,
            messages=messages,
            temperature=0.2,
            max_tokens=400,
            json_schema=FOLLOWUP_SCHEMA,
            schema_name="followups",
        )
        completion = await context.model(request)
        await asyncio.to_thread(context.vaults.save, state["case_id"], vault)
        if completion is not None and not completion.fallback_used and completion.candidates:
            followups = parse_followups(completion.candidates[0], context.bank)
    bank = case_bank(context.bank, followups)
    ids = plan + [question.id for question in followups]
    upcoming = next_question(bank, ids, answers_of(state))
    return {
        "plan": ids,
        "followups": [question.model_dump(mode="json") for question in followups],
        "question_bank_version": context.bank.version,
        "next_question": upcoming.id if upcoming else "",
        "reask": {},
    }


async def ask(state: InterviewState, runtime: Runtime[InterviewContext]) -> Update:
    context = runtime.context
    bank = case_bank(context.bank, state.get("followups", []))
    question = bank.by_id(state["next_question"])
    details = details_of(state)
    payload = question_payload(question, details, state)
    reply = question_reply(interrupt(payload), payload.get("prefill"))
    parsed = parse_answer(question, reply, today=context.today())
    if isinstance(parsed, Reask):
        return {"reask": {"question_id": question.id, "message": parsed.message}}
    answers = {**state.get("answers", {}), question.id: parsed.model_dump(mode="json")}
    upcoming = next_question(bank, state["plan"], answers_of({"answers": answers}))
    return {"answers": answers, "reask": {}, "next_question": upcoming.id if upcoming else ""}


async def redact(state: InterviewState, runtime: Runtime[InterviewContext]) -> Update:
    progress.report("redact", "Removing your personal details before anything is written…")
    # spaCy and the vault's database are slow and blocking: off the event loop, which serves other members.
    return await asyncio.to_thread(_redacted_case, state, runtime.context)


def _redacted_case(state: InterviewState, context: InterviewContext) -> Update:
    vault = context.vaults.load_or_new(state["case_id"])
    member = context.redactor_for(known_values(state))
    found = member.redact(letter_text(state), vault)
    text = letter_text(state)
    from_letter = [(span.entity_type, text[span.start : span.end]) for span in found.spans]
    member_id = next((value for kind, value in from_letter if kind == MEMBER_ID), None)
    case = context.redactor_for(known_values(state, extra=from_letter))
    redacted: dict[str, str] = {}

    def redact_value(value: str) -> str:
        if value not in redacted:
            redacted[value] = case.redact(value, vault).text
        return redacted[value]

    bank = case_bank(context.bank, state.get("followups", []))
    answered = [(bank.by_id(qid), answer) for qid, answer in answers_of(state).items() if qid in bank]
    facts = case_letter_facts(
        details_of(state),
        answered,
        member_name=state.get("member", {}).get("name"),
        member_id=member_id,
        today=context.today(),
        redact=redact_value,
        placeholder=vault.placeholder_for,
    )
    redacted_answers = {
        qid: redact_value(answer.value) for qid, answer in answers_of(state).items() if answer.value is not None
    }
    context.vaults.save(state["case_id"], vault)
    return {"facts": facts.model_dump(mode="json"), "redacted_answers": redacted_answers}


async def _model_draft(
    context: InterviewContext, facts: LetterFacts, pin: ModelPin, overrides: Mapping[str, str]
) -> dict[str, Any] | None:
    """The best of the model's candidate letters as a draft, or None when no model answered."""
    assert context.model is not None
    request, versions = compose_request(
        facts,
        model=pin.served_name,
        n=context.candidates,
        temperature=context.temperature,
        max_tokens=context.max_tokens,
        overrides=overrides or None,
    )
    completion = await context.model(request)
    if completion is None or completion.fallback_used or not completion.candidates:
        return None
    cleaned = [clean_candidate(text) for text in completion.candidates]
    parameters = {"n": request.n, "temperature": request.temperature, "max_tokens": request.max_tokens}
    return choose_model_draft(cleaned, facts, completion, versions, pin, parameters)


async def compose(state: InterviewState, runtime: Runtime[InterviewContext]) -> Update:
    context = runtime.context
    facts = facts_of(state)
    attempts = state.get("compose_attempts", 0)
    drafts = list(state.get("drafts", []))
    reason = "no model is configured"
    if context.model is not None and context.compose_pin is not None and attempts < 2:
        progress.report("compose", "Writing your letter…" if attempts == 0 else "Rewriting your letter…")
        draft = await _model_draft(context, facts, context.compose_pin, context.overrides)
        attempts += 1
        if draft is not None:
            return {"drafts": [*drafts, draft], "compose_attempts": attempts}
        reason = "no model answered"
    elif attempts >= 2:
        reason = "the model's letters did not pass the checks twice"
    progress.report("compose", "Writing your letter from our template…")
    draft = template_draft(facts, context.overrides, reason)
    return {"drafts": [*drafts, draft], "compose_attempts": attempts}


async def review(state: InterviewState, runtime: Runtime[InterviewContext]) -> Update:
    drafts = list(state["drafts"])
    report = await asyncio.to_thread(review_letter, drafts[-1]["text"], facts_of(state))
    drafts[-1] = {**drafts[-1], "guardrails": {**report.model_dump(mode="json"), "passed": report.passed}}
    return {"drafts": drafts}


async def shadow(state: InterviewState, runtime: Runtime[InterviewContext]) -> Update:
    """With a candidate prompt or model configured, write the case's letter with it too: reviewed and recorded
    beside the live one, never shown. Once per case; without a candidate, nothing happens."""
    context = runtime.context
    setup = context.shadow
    if setup is None or state.get("shadow_drafts"):
        return {}
    facts = facts_of(state)
    pin = setup.pin or context.compose_pin
    draft = None
    if context.model is not None and pin is not None:
        draft = await _model_draft(context, facts, pin, setup.overrides)
    if draft is None:
        draft = template_draft(facts, setup.overrides, "shadow run without a model")
    report = await asyncio.to_thread(review_letter, draft["text"], facts)
    draft["guardrails"] = {**report.model_dump(mode="json"), "passed": report.passed}
    return {"shadow_drafts": [draft]}


async def deliver(state: InterviewState, runtime: Runtime[InterviewContext]) -> Update:
    return await asyncio.to_thread(_delivered_case, state, runtime.context)


def _delivered_case(state: InterviewState, context: InterviewContext) -> Update:
    outcome = delivered(state, context.vaults.load_or_new(state["case_id"]))
    if context.records is not None:
        context.records.record_delivery(delivery_record(state, outcome))
    return {"outcome": outcome}
