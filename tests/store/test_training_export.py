"""The de-identified training export: approved and sent letters as chat examples, nothing from the vault."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from sqlalchemy import Engine

from graph.interview.records import AnswerRecord
from store.audit import AuditLog
from store.case_records import SqlCaseRecords
from store.training_export import case_hash, identifier_problem, training_examples
from store.vault import PhiVault, generate_vault_key, key_from_setting
from store.vault_repository import VaultRepository
from tests.store.records_db import ENGINES, records_database
from tests.store.records_samples import SHA_TEMPLATE, delivery

CANARY = "CANARY-EXPORT-5512"


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    with records_database(request.param, tmp_path) as engine:
        yield engine


@pytest.fixture
def records(engine: Engine) -> SqlCaseRecords:
    return SqlCaseRecords(engine, AuditLog(engine))


def _delivered(records: SqlCaseRecords, *, letter_text: str | None = None, extra: Sequence[AnswerRecord] = ()) -> int:
    case_id = f"case-{uuid.uuid4().hex[:12]}"
    record = delivery(case_id)
    update: dict[str, object] = {"answers": [*record.answers, *extra]}
    if letter_text is not None:
        update["letter_text"] = letter_text
    records.record_delivery(record.model_copy(update=update))
    [letter] = records.letters(case_id=case_id)
    return letter.id


def _approve(records: SqlCaseRecords, letter_id: int) -> None:
    records.set_letter_status(letter_id, "approved", actor="ana", role="staff")


def test_an_approved_letter_becomes_a_chat_example(engine: Engine, records: SqlCaseRecords) -> None:
    letter_id = _delivered(records)
    [letter] = [row for row in records.letters() if row.id == letter_id]
    vaults = VaultRepository(engine, key_from_setting(generate_vault_key()))
    vaults.save(letter.case_id, PhiVault(values={"[PERSON_1]": "Zebulon Quattlebaum", "[MEMBER_ID_1]": CANARY}))
    _delivered(records)  # a draft: not exported
    _approve(records, letter_id)

    lines = [json.dumps(example) for example in training_examples(engine)]
    assert len(lines) == 1
    example = json.loads(lines[0])
    assert [m["role"] for m in example["messages"]] == ["system", "user", "assistant"]
    system, user, assistant = (m["content"] for m in example["messages"])
    assert assistant == letter.text
    assert "Lumbar spine MRI" in user and "[CLAIM_NUMBER_1]" in user and "CPT 72148" in user
    assert "Member name: [PERSON_1]" in user and "Member ID: [MEMBER_ID_1]" in user
    assert "My medical records explain why I need this care." in user
    assert "chronic low back pain" in user  # the answer "This care is meant to treat my condition: {answer}."
    assert system.strip()

    metadata = example["metadata"]
    assert metadata["case"] == hashlib.sha256(letter.case_id.encode()).hexdigest()[:16] == case_hash(letter.case_id)
    assert metadata["categories"] == ["medical_necessity"] and metadata["plan_kind"] == "employer_erisa"
    assert metadata["written_by"]["source"] == "template"
    assert metadata["written_by"]["template_sha256"] == SHA_TEMPLATE
    assert len(metadata["prompt"]["system_sha256"]) == len(metadata["prompt"]["user_sha256"]) == 64
    assert metadata["letter_status"] == "approved"

    text = lines[0]
    for secret in (CANARY, "Zebulon", "Quattlebaum", letter.case_id):
        assert secret not in text, secret


def test_sent_letters_are_exported_and_drafts_are_not(engine: Engine, records: SqlCaseRecords) -> None:
    draft, sent = _delivered(records), _delivered(records)
    _approve(records, sent)
    records.set_letter_status(sent, "sent", actor="ana", role="staff")
    examples = list(training_examples(engine))
    assert [e["metadata"]["letter_status"] for e in examples] == ["sent"]
    assert draft != sent


def test_answers_to_questions_not_in_the_bank_are_left_out(engine: Engine, records: SqlCaseRecords) -> None:
    followup = AnswerRecord(question_id="followup_pain_scale", status="answered", value="eight out of ten")
    _approve(records, _delivered(records, extra=[followup]))
    [example] = training_examples(engine)
    assert "eight out of ten" not in example["messages"][1]["content"]


def test_a_letter_that_may_hold_an_identifier_is_refused(engine: Engine, records: SqlCaseRecords) -> None:
    good = _delivered(records)
    leaky = _delivered(records, letter_text="Dear insurer, my member number is 884412907. Sincerely, [PERSON_1]")
    for letter_id in (good, leaky):
        _approve(records, letter_id)
    refused: list[tuple[int, str]] = []
    examples = list(training_examples(engine, on_refused=lambda letter_id, why: refused.append((letter_id, why))))
    assert len(examples) == 1
    assert refused == [(leaky, "a run of seven or more digits in the assistant message")]


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Call 1-800-555-0199 or fax (888) 555-0100 about [CLAIM_NUMBER_1].", None),
        ("CPT 72148, ICD-10 M54.50, ZIP 60601-1234, dated 2025-04-02 and May 2, 2025.", None),
        ("Member [MEMBER_ID_1], claim [CLAIM_NUMBER_12].", None),
        ("My number is 312-555-0142.", "a phone number that is not toll-free"),
        ("Reach me at (312) 555 0142.", "a phone number that is not toll-free"),
        ("SSN 123-45-6789", "a number shaped like an SSN"),
        ("Member ID W12345678", "a run of seven or more digits"),
        ("Signed, [Person 1]", "a placeholder is garbled"),
        ("Signed, PERSON_1", "a placeholder is garbled"),
        ("Signed, [PERSON_", "a placeholder is broken"),
    ],
)
def test_identifier_problem(text: str, problem: str | None) -> None:
    assert identifier_problem(text) == problem
