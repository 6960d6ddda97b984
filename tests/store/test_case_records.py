"""SqlCaseRecords on SQLite and on a fresh PostgreSQL schema: deliveries, letter status, outcomes, audit events."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError

from graph.interview.records import CaseRecords
from store.audit import AuditLog
from store.case_records import (
    CaseDeletedError,
    CaseRecordError,
    InvalidDeliveryError,
    LetterStatusError,
    SqlCaseRecords,
    UnknownCaseError,
    UnknownLetterError,
)
from store.records_schema import case_answers, case_details, cases
from tests.store.records_samples import SHA_TEMPLATE, delivery


def _case_id() -> str:
    return f"case-{uuid.uuid4().hex[:12]}"


def test_it_is_the_interviews_case_records(records: SqlCaseRecords) -> None:
    recorder: CaseRecords = records
    assert recorder is records


def test_a_delivery_keeps_the_letter_and_every_generation(records: SqlCaseRecords, audit: AuditLog) -> None:
    case_id = _case_id()
    record = delivery(case_id)
    records.record_delivery(record)

    case = records.case(case_id)
    assert case is not None
    assert (case.status, case.channel, case.owner, case.thread_id) == ("delivered", "terminal", "member-7", case_id)
    assert case.deadline == record.deadline and case.created_at.tzinfo is not None

    [letter] = records.letters(case_id=case_id)
    assert (letter.status, letter.text, letter.vault_case_id) == ("draft", record.letter_text, case_id)
    assert letter.question_bank_version == "d" * 64

    everything = records.generations(case_id)
    assert [g.source for g in everything] == ["model", "model", "template", "model"]
    [chosen] = [g for g in everything if g.chosen]
    assert (chosen.source, chosen.letter_id, chosen.template_sha256) == ("template", letter.id, SHA_TEMPLATE)
    assert chosen.fallback_used and chosen.guardrails_passed
    [shadow] = records.generations(case_id, shadow=True)
    assert shadow.letter_id is None and not shadow.chosen and shadow.guardrails_passed
    drafts = records.generations(case_id, shadow=False)
    assert len(drafts) == 3 and all(g.letter_id == letter.id for g in drafts)
    first = drafts[0]
    assert (first.model_id, first.revision, first.adapter, first.backend) == (
        "overturn/appeal-writer",
        "r1",
        "lora-7",
        "vllm",
    )
    assert first.parameters == {"n": 2, "temperature": 0.7, "max_tokens": 900}
    assert (first.prompt_tokens, first.completion_tokens, first.latency_s) == (812, 401, 3.25)
    assert not first.guardrails_passed and first.guardrails["results"][0]["name"] == "grounding"

    [event] = audit.events(case_id=case_id, action="letter.delivered")
    assert event.details["letter_id"] == letter.id
    assert event.details["generation_ids"] == [g.id for g in everything]
    assert event.details["shadow_generation_ids"] == [shadow.id]
    assert event.details["chosen_generation_id"] == chosen.id
    assert event.details["chosen_template_sha256"] == SHA_TEMPLATE
    assert event.details["status"] == "delivered"


def test_details_and_answers_are_replaced_on_a_second_delivery(records: SqlCaseRecords, engine: Engine) -> None:
    case_id = _case_id()
    records.record_delivery(delivery(case_id))
    second = delivery(case_id, owner=None).model_copy(
        update={"status": "needs_review", "answers": delivery(case_id).answers[:1], "details": {"insurer": "Beta"}}
    )
    records.record_delivery(second)
    with engine.connect() as connection:
        stored = connection.execute(select(case_details.c.details).where(case_details.c.case_id == case_id)).all()
        answers = connection.execute(select(case_answers.c.question_id).where(case_answers.c.case_id == case_id)).all()
    assert [row.details for row in stored] == [{"insurer": "Beta"}]
    assert [row.question_id for row in answers] == ["mn_records_explain_need"]
    case = records.case(case_id)
    assert case is not None and case.status == "needs_review" and case.owner == "member-7"
    assert len(records.letters(case_id=case_id)) == 2
    assert sum(g.chosen for g in records.generations(case_id)) == 2  # one per letter


def test_evidence_is_never_stored(records: SqlCaseRecords) -> None:
    case_id = _case_id()
    record = delivery(case_id)
    record = record.model_copy(update={"details": {**record.details, "evidence": {"insurer": "quoted letter"}}})
    records.record_delivery(record)
    with records.engine.connect() as connection:
        stored = connection.execute(
            select(case_details.c.details).where(case_details.c.case_id == case_id)
        ).scalar_one()
    assert "evidence" not in stored and stored["insurer"] == "Acme Health"


@pytest.mark.parametrize("chosen", [[], [0, 2]])
def test_a_delivery_needs_exactly_one_chosen_generation(records: SqlCaseRecords, chosen: list[int]) -> None:
    record = delivery(_case_id())
    generations = [g.model_copy(update={"chosen": i in chosen}) for i, g in enumerate(record.generations)]
    with pytest.raises(InvalidDeliveryError, match="exactly one chosen"):
        records.record_delivery(record.model_copy(update={"generations": generations}))
    assert records.case(record.case_id) is None  # refused before anything was written


def test_a_shadow_generation_cannot_be_the_letter(records: SqlCaseRecords) -> None:
    record = delivery(_case_id())
    generations = [g.model_copy(update={"chosen": g.shadow}) for g in record.generations]
    with pytest.raises(InvalidDeliveryError, match="shadow"):
        records.record_delivery(record.model_copy(update={"generations": generations}))


def test_a_failed_delivery_writes_nothing(records: SqlCaseRecords, engine: Engine, audit: AuditLog) -> None:
    case_id = _case_id()
    record = delivery(case_id)
    broken = record.generations[-1].model_copy(update={"source": "oracle"})  # refused by the table's check
    with pytest.raises(IntegrityError):
        records.record_delivery(record.model_copy(update={"generations": [*record.generations[:-1], broken]}))
    assert records.case(case_id) is None and records.letters(case_id=case_id) == []
    with engine.connect() as connection:
        assert connection.execute(select(cases).where(cases.c.case_id == case_id)).first() is None
    assert audit.events(case_id=case_id) == []


def test_opening_a_case_is_idempotent(records: SqlCaseRecords, audit: AuditLog) -> None:
    case_id = _case_id()
    assert records.open_case(case_id, channel="web", owner="member-9") is True
    assert records.open_case(case_id, channel="web", owner="member-9") is False
    case = records.case(case_id)
    assert case is not None and (case.status, case.channel, case.owner) == ("open", "web", "member-9")
    assert [e.action for e in audit.events(case_id=case_id)] == ["case.opened"]
    records.record_delivery(delivery(case_id))
    case = records.case(case_id)
    assert case is not None and case.status == "delivered" and case.created_at <= case.updated_at


def test_letters_move_forward_only(records: SqlCaseRecords, audit: AuditLog) -> None:
    case_id = _case_id()
    records.record_delivery(delivery(case_id))
    [letter] = records.letters(case_id=case_id)

    with pytest.raises(LetterStatusError, match="approve it before marking it sent"):
        records.set_letter_status(letter.id, "sent", actor="ana", role="staff")
    approved = records.set_letter_status(letter.id, "approved", actor="ana", role="staff")
    assert approved.status == "approved" and approved.status_changed_at >= letter.status_changed_at
    assert records.set_letter_status(letter.id, "approved", actor="ana", role="staff").status == "approved"
    assert records.set_letter_status(letter.id, "sent", actor="bo", role="staff").status == "sent"
    with pytest.raises(LetterStatusError, match="already sent; it cannot go back to approved"):
        records.set_letter_status(letter.id, "approved", actor="ana", role="staff")
    with pytest.raises(LetterStatusError, match="not 'draft'"):
        records.set_letter_status(letter.id, "draft", actor="ana", role="staff")
    with pytest.raises(UnknownLetterError):
        records.set_letter_status(letter.id + 1000, "approved", actor="ana", role="staff")

    assert [row.id for row in records.letters(status="sent")] == [letter.id]
    assert records.letters(case_id=case_id, status="draft") == []
    events = audit.events(case_id=case_id)
    assert [(e.action, e.actor, e.role) for e in events] == [
        ("letter.delivered", "interview", "system"),
        ("letter.approved", "ana", "staff"),
        ("letter.sent", "bo", "staff"),
    ]
    assert events[1].details == {"letter_id": letter.id, "from": "draft", "to": "approved"}
    assert audit.verify().ok


def test_outcomes(records: SqlCaseRecords, audit: AuditLog) -> None:
    case_id = _case_id()
    records.record_delivery(delivery(case_id))
    records.record_outcome(case_id, "pending", actor="ana", role="staff")
    outcome = records.record_outcome(case_id, "overturned", actor="ana", role="staff", note="[PERSON_1] called")
    assert (outcome.result, outcome.note) == ("overturned", "[PERSON_1] called")
    assert [o.result for o in records.outcomes(case_id)] == ["pending", "overturned"]
    [event, _] = reversed(audit.events(case_id=case_id, action="outcome.reported"))
    assert event.details == {"outcome_id": outcome.id, "result": "overturned", "has_note": True}
    with pytest.raises(CaseRecordError, match="unknown outcome 'won'"):
        records.record_outcome(case_id, "won", actor="ana", role="staff")
    with pytest.raises(UnknownCaseError):
        records.record_outcome("no-such-case", "upheld", actor="ana", role="staff")


def test_a_deleted_case_takes_no_new_records(records: SqlCaseRecords, engine: Engine) -> None:
    case_id = _case_id()
    records.record_delivery(delivery(case_id))
    with engine.begin() as connection:
        connection.execute(cases.update().where(cases.c.case_id == case_id).values(status="deleted", owner=None))
    with pytest.raises(CaseDeletedError):
        records.record_delivery(delivery(case_id))
    with pytest.raises(CaseDeletedError):
        records.open_case(case_id, channel="web", owner=None)
    with pytest.raises(CaseDeletedError):
        records.record_outcome(case_id, "upheld", actor="ana", role="staff")
