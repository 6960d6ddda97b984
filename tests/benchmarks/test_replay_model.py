"""The replay model answers our own serving client the way the app needs: schemas kept, letters that pass."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import httpx
import pytest

from benchmarks.replay_model import create_app, minimal_instance
from graph.composition.candidates import clean_candidate
from graph.composition.prompt import compose_request
from graph.extraction.model_proposal import PROPOSAL_FIELDS, proposal_schema
from graph.guardrails.review import review_letter
from graph.questions.followups import FOLLOWUP_SCHEMA, followup_messages, parse_followups
from prompts.question_bank import load_question_bank
from serving.backend import Backend, BackendKind
from serving.client import ChatClient
from serving.registry import Task, load_registry
from serving.types import ChatMessage, ChatRequest
from tests.graph.guardrails.letters import FACTS

pytestmark = pytest.mark.unit
MODEL = "HuggingFaceTB/SmolLM2-135M-Instruct"
TASKS: tuple[Task, ...] = ("extract", "questions", "compose")


@pytest.fixture(params=["vllm", "openai"])
async def client(request: pytest.FixtureRequest) -> AsyncIterator[ChatClient]:
    kind: BackendKind = request.param
    backend = Backend(name="replay", base_url="http://replay", kind=kind)
    async with ChatClient(backend, transport=httpx.ASGITransport(app=create_app())) as chat:
        yield chat


async def test_lists_every_pinned_model(client: ChatClient) -> None:
    choices = [load_registry().choice_for(task) for task in TASKS]
    pinned = {choice.served_name for choice in choices if choice is not None}
    assert pinned <= set(await client.list_models())


async def test_follow_up_questions_follow_the_schema(client: ChatClient) -> None:
    messages, _ = followup_messages("Service denied: an MRI")
    request = ChatRequest(model=MODEL, messages=messages, json_schema=FOLLOWUP_SCHEMA, schema_name="followups")
    completion = await client.complete(request)
    questions = parse_followups(completion.candidates[0], load_question_bank())
    assert [question.id for question in questions] == ["followup_1"]


async def test_extraction_gets_the_smallest_answer_its_schema_allows(client: ChatClient) -> None:
    request = ChatRequest(
        model=MODEL, messages=[ChatMessage(role="user", content="a letter")], json_schema=proposal_schema()
    )
    completion = await client.complete(request)
    assert json.loads(completion.candidates[0]) == dict.fromkeys(PROPOSAL_FIELDS)


@pytest.mark.parametrize("stream", [False, True])
async def test_compose_gets_n_letters_that_pass_the_guardrails(client: ChatClient, stream: bool) -> None:
    request, _ = compose_request(FACTS, model=MODEL, n=3, temperature=0.7, max_tokens=900)
    completion = await client.complete(request.model_copy(update={"stream": stream}))
    assert len(completion.candidates) == 3
    letter = clean_candidate(completion.candidates[0])
    assert "[PERSON_1]" in letter and "[CLAIM_NUMBER_1]" in letter
    report = review_letter(letter, FACTS)
    assert report.passed, report.problems()


def test_minimal_instances() -> None:
    schema = {
        "type": "object",
        "properties": {"a": {"type": "string", "minLength": 2}, "b": {"type": ["integer", "null"]}, "c": {}},
        "required": ["a", "b"],
    }
    assert minimal_instance(schema) == {"a": "xx", "b": None}
    assert minimal_instance({"type": "array", "minItems": 1, "items": {"enum": ["x", "y"]}}) == ["x"]
