"""Delivery records for the case-record tests: redacted, with an optional canary planted in every text."""

from __future__ import annotations

import datetime as dt

from graph.denial import AppealDeadline, Category, Codes, DenialDetails, PlanKind, ServiceKind
from graph.interview.records import AnswerRecord, DeliveryRecord, GenerationRecord

SHA_SYSTEM = "a" * 64
SHA_USER = "b" * 64
SHA_TEMPLATE = "c" * 64

LETTER = (
    "May 2, 2025\n\n[PERSON_1]\nMember ID: [MEMBER_ID_1]\n\nAcme Health Appeals\n\n"
    "Re: Appeal of claim [CLAIM_NUMBER_1] for a lumbar spine MRI (CPT 72148)\n\n"
    "I am writing to appeal the denial of my lumbar spine MRI. My medical records explain why I need this care. "
    "Without this care, my condition is likely to get worse. Please call 1-800-555-0199 with questions.\n\n"
    "Sincerely,\n[PERSON_1]\n"
)


def details(reason: str = "Not medically necessary for [PERSON_1].") -> dict[str, object]:
    denial = DenialDetails(
        insurer="Acme Health",
        plan_kind=PlanKind.employer_erisa,
        service="Lumbar spine MRI",
        service_kind=ServiceKind.imaging,
        diagnosis="Low back pain",
        codes=Codes(cpt=["72148"], icd10=["M54.50"]),
        categories=[Category.medical_necessity],
        reason=reason,
        claim_id="[CLAIM_NUMBER_1]",
        letter_date=dt.date(2025, 4, 20),
        service_date=dt.date(2025, 4, 2),
        appeal_deadline=AppealDeadline(days=180, counted_from="the date of this letter"),
        appeal_fax="1-800-555-0100",
    )
    # What the interview records: the letter's facts without answers and date, so with the member's placeholders.
    return {
        **denial.model_dump(mode="json", exclude={"evidence"}),
        "member_name": "[PERSON_1]",
        "member_id": "[MEMBER_ID_1]",
    }


def _draft(text: str, *, chosen: bool = False, shadow: bool = False, passed: bool = False) -> GenerationRecord:
    return GenerationRecord(
        source="model",
        shadow=shadow,
        text=text,
        template="compose/appeal.user.j2",
        template_sha256=SHA_USER,
        system_sha256=SHA_SYSTEM,
        model_id="overturn/appeal-writer" if not shadow else "overturn/appeal-writer-next",
        revision="r1",
        adapter="lora-7",
        parameters={"n": 2, "temperature": 0.7, "max_tokens": 900},
        backend="vllm",
        latency_s=3.25,
        prompt_tokens=812,
        completion_tokens=401,
        guardrails={"passed": passed, "results": [{"name": "grounding", "passed": passed}]},
        chosen=chosen,
    )


def delivery(case_id: str, *, canary: str = "", owner: str | None = "member-7") -> DeliveryRecord:
    """Two model drafts that failed the checks, the template letter the member got, and one shadow draft.
    With `canary`, the canary is written into the letter, an answer, the details and every generation."""
    plant = f" {canary}" if canary else ""
    letter = LETTER + plant
    return DeliveryRecord(
        case_id=case_id,
        channel="terminal",
        owner=owner,
        status="ready",
        deadline=dt.date(2025, 10, 17),
        details=details(reason="Not medically necessary for [PERSON_1]." + plant),
        answers=[
            AnswerRecord(question_id="mn_records_explain_need", status="answered", value="yes"),
            AnswerRecord(question_id="mn_worse_without_care", status="answered", value="yes"),
            AnswerRecord(question_id="mn_diagnosis", status="answered", value="chronic low back pain" + plant),
            AnswerRecord(question_id="mn_guideline_known", status="skipped"),
        ],
        letter_text=letter,
        question_bank_version="d" * 64,
        generations=[
            _draft("first model draft" + plant),
            _draft("second model draft" + plant),
            GenerationRecord(
                source="template",
                text=letter,
                template="letters/medical_necessity.j2",
                template_sha256=SHA_TEMPLATE,
                fallback_used=True,
                fallback_reason="the model's letters did not pass the checks twice",
                guardrails={"passed": True, "results": [{"name": "grounding", "passed": True}]},
                chosen=True,
            ),
            _draft("shadow draft" + plant, shadow=True, passed=True),
        ],
    )
