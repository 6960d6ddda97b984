"""The interview state survives its trip to storage: serialize, deserialize, equal — for every state type."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.composition.facts import AnsweredQuestion, LetterFacts
from graph.denial import AppealDeadline, Category, Codes, DenialDetails, FieldEvidence, PlanKind, Span
from graph.interview.state import InterviewState, answers_of, details_of, facts_of
from graph.questions.model import Answer, AnswerStatus, AnswerType, Condition, Prefill, Question
from store.checkpoint_cipher import encrypted_serializer
from store.vault import generate_vault_key, key_from_setting
from tests.graph.interview.harness import context, conversation, run_through

pytestmark = pytest.mark.unit

SERDE = encrypted_serializer(key_from_setting(generate_vault_key()))

DETAILS = DenialDetails(
    insurer="Aetna",
    plan_kind=PlanKind.employer_erisa,
    service="Humira",
    codes=Codes(cpt=["97110"], icd10=["M05.79"]),
    categories=[Category.step_therapy, Category.formulary],
    reason="You have not tried methotrexate first.",
    claim_id="C-77",
    letter_date=dt.date(2026, 1, 5),
    appeal_deadline=AppealDeadline(days=180, counted_from="the date of this letter"),
    expedited_available=True,
    evidence={"service": FieldEvidence(spans=[Span(start=3, end=9, text="Humira")], confidence=0.9)},
)
QUESTION = Question(
    id="tried_methotrexate",
    area="drugs",
    text="Have you taken methotrexate before?",
    answer_type=AnswerType.yes_no,
    why="Step therapy asks what you tried first.",
    prefill=Prefill(field="service"),
    condition=Condition(categories_any=[Category.step_therapy], answered={"other_q": ["yes"]}),
    letter_phrase="I have already taken methotrexate.",
)
FACTS = LetterFacts(
    today=dt.date(2026, 2, 1),
    member_name="[PERSON_1]",
    service="Humira",
    categories=[Category.step_therapy],
    appeal_deadline=AppealDeadline(date=dt.date(2026, 7, 4)),
    answers=[
        AnsweredQuestion(
            question_id="q", area="drugs", question="Tried?", answer="yes", statement="I tried methotrexate."
        )
    ],
)


def _round_trip(value: object) -> object:
    return SERDE.loads_typed(SERDE.dumps_typed(value))


@pytest.mark.parametrize(
    "model",
    [DETAILS, QUESTION, FACTS, Answer(question_id="q", status=AnswerStatus.unknown)],
    ids=lambda m: type(m).__name__,
)
def test_every_state_type_round_trips_as_json(model: DenialDetails | Question | LetterFacts | Answer) -> None:
    stored = _round_trip(model.model_dump(mode="json"))
    assert type(model).model_validate(stored) == model


async def test_a_whole_finished_state_round_trips_and_validates() -> None:
    convo = conversation(context())
    await run_through(convo, answer=lambda payload: "yes" if payload["answer_type"] == "yes_no" else "skip")
    state = (await convo.interview.aget_state({"configurable": {"thread_id": convo.thread_id}})).values
    assert state["outcome"]["status"] == "ready"
    back = _round_trip(dict(state))
    assert back == state
    typed: InterviewState = back  # type: ignore[assignment]
    assert details_of(typed) == details_of(state)  # type: ignore[arg-type]
    assert answers_of(typed) and all(isinstance(a, Answer) for a in answers_of(typed).values())
    assert facts_of(typed).member_name == "[PERSON_1]"
