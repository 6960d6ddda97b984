from __future__ import annotations

import pytest

from graph.composition.rights import appeal_rights
from graph.denial import PlanKind
from graph.guardrails import review_letter
from tests.graph.guardrails.letters import FACTS, GOOD_LETTER, REASON, RIGHTS_PARAGRAPH, corrupted

pytestmark = pytest.mark.unit

_ORDER = ["grounding", "citations", "placeholders", "reason", "remedy", "rights", "hygiene"]


def _ignoring_reason() -> str:
    letter = corrupted(f'says: "{REASON}"', "was wrong.")
    letter = corrupted("This MRI is medically necessary.", "This MRI matters to me.", letter)
    return corrupted("letter of medical necessity", "letter of support", letter)


def test_the_good_letter_passes_every_check_in_order() -> None:
    report = review_letter(GOOD_LETTER, FACTS)
    assert [result.name for result in report.results] == _ORDER
    assert report.passed, report.problems()
    assert report.summary() == "all 7 checks passed"


@pytest.mark.parametrize(
    ("letter", "failed", "problem"),
    [
        (corrupted("February 18, 2025", "February 19, 2025"), "grounding", '"February 19, 2025"'),
        (corrupted("(CPT 72148)", "(CPT 99213)"), "grounding", 'CPT code "99213" is not in the facts'),
        (corrupted("Dr. [PERSON_3]", "Dr. Hargreave"), "grounding", '"Dr. Hargreave"'),
        (corrupted("of methylprednisolone", "of Zorvimab"), "grounding", '"Zorvimab"'),
        (
            corrupted("so the policy's requirement", "so 45 C.F.R. 147.136"),
            "citations",
            'cites "45 C.F.R. 147.136"',
        ),
        (corrupted("with [PERSON_2]", "with [PERSON_7]"), "placeholders", "[PERSON_7] is not one of this case's"),
        (corrupted("Member: [PERSON_1]", "Member: [Person 1]"), "placeholders", '"[Person 1]"'),
        (GOOD_LETTER.replace("[PERSON_1]", "the member"), "placeholders", "member's name [PERSON_1] is missing"),
        (_ignoring_reason(), "reason", "does not answer the insurer's reason"),
        (
            corrupted("I request that you reverse this denial and approve coverage of the MRI.", "It was wrong."),
            "remedy",
            "never asks for the remedy",
        ),
        (
            corrupted(RIGHTS_PARAGRAPH, appeal_rights(PlanKind.medicare_advantage).next_level),
            "rights",
            '"Independent Review Entity" names another kind',
        ),
        (
            corrupted(" I am sending this appeal well before the August 30, 2025 deadline.", ""),
            "rights",
            "does not mention the appeal deadline",
        ),
        (corrupted("This MRI is", "As an AI language model, I find this MRI"), "hygiene", "model chatter"),
        (corrupted("an MRI of the lumbar spine (CPT", "an {{ service }} (CPT"), "hygiene", "template syntax"),
    ],
    ids=[
        "invented-date", "invented-cpt", "invented-doctor", "invented-drug", "invented-citation",
        "invented-placeholder", "garbled-placeholder", "missing-member", "ignores-reason", "no-remedy",
        "medicare-rights", "missing-deadline", "as-an-ai", "template-leftover",
    ],
)  # fmt: skip
def test_each_corruption_fails_exactly_its_check(letter: str, failed: str, problem: str) -> None:
    report = review_letter(letter, FACTS)
    assert report.failed_names() == [failed]
    assert any(problem in p for p in report.problems()), report.problems()


def test_the_insurer_s_own_policy_citation_is_allowed() -> None:
    letter = corrupted(
        "Your Clinical Policy Bulletin 0236, section 4.2(b),", "Your Clinical Policy Bulletin 0236, § 4.2(b),"
    )
    assert review_letter(letter, FACTS).passed


@pytest.mark.parametrize("kind", list(PlanKind))
def test_the_good_letter_with_each_plan_kind_s_rights_passes_the_rights_check(kind: PlanKind) -> None:
    facts = FACTS.model_copy(update={"plan_kind": kind})
    letter = corrupted(RIGHTS_PARAGRAPH, appeal_rights(kind).next_level)
    report = review_letter(letter, facts)
    assert "rights" not in report.failed_names(), report.problems()


def test_the_report_is_json_ready() -> None:
    dumped = review_letter(GOOD_LETTER, FACTS).model_dump(mode="json")
    assert [result["name"] for result in dumped["results"]] == _ORDER
