"""A realistic, redacted appeal letter and the facts it was written from; every name and number is made up.

GOOD_LETTER passes every guardrail. `corrupted` swaps one passage, so a test can break exactly one check.
"""

from __future__ import annotations

import datetime as dt

from graph.composition.facts import AnsweredQuestion, LetterFacts
from graph.composition.rights import appeal_rights
from graph.denial import AppealDeadline, Category, Codes, PlanKind, ServiceKind

REASON = (
    "The requested MRI of the lumbar spine is not medically necessary because you have not completed six "
    "weeks of conservative treatment such as physical therapy."
)

FACTS = LetterFacts(
    today=dt.date(2025, 4, 14),
    member_name="[PERSON_1]",
    insurer="Northwind Health",
    plan_name="Northwind Choice POS II",
    plan_kind=PlanKind.employer_erisa,
    service="MRI of the lumbar spine",
    service_kind=ServiceKind.imaging,
    diagnosis="lumbar radiculopathy",
    codes=Codes(cpt=["72148"], icd10=["M54.16"], carc=["CO-50"]),
    categories=[Category.medical_necessity],
    reason=REASON,
    policy_cited="Clinical Policy Bulletin 0236, section 4.2(b)",
    claim_id="[CLAIM_NUMBER_1]",
    reference_id="[REFERENCE_NUMBER_1]",
    letter_date=dt.date(2025, 3, 3),
    service_date=dt.date(2025, 2, 18),
    appeal_deadline=AppealDeadline(date=dt.date(2025, 8, 30), days=180, counted_from="the date of this notice"),
    expedited_available=False,
    appeal_address="Northwind Health Appeals, PO Box 14079, Lexington, KY 40512",
    appeal_fax="1-859-555-0142",
    answers=[
        AnsweredQuestion(
            question_id="conservative_treatment",
            area="history",
            question="What treatments have you already tried?",
            answer="8 weeks of physical therapy with [PERSON_2]; naproxen 500 mg; methylprednisolone",
            statement=(
                "I completed 8 weeks of physical therapy with [PERSON_2], took naproxen 500 mg twice daily "
                "and a six-day course of methylprednisolone, without relief."
            ),
        ),
        AnsweredQuestion(
            question_id="symptoms",
            area="impact",
            question="How does your condition affect you?",
            answer="numbness and weakness in the left leg since January 6, 2025; two falls",
            statement="Since January 6, 2025, I have had numbness and weakness in my left leg, and I fell twice.",
        ),
        AnsweredQuestion(
            question_id="doctor_support",
            area="support",
            question="Does your doctor support this appeal?",
            answer="yes, Dr. [PERSON_3] will send a letter",
            statement="My doctor, Dr. [PERSON_3], ordered the MRI and will send a letter of medical necessity.",
        ),
    ],
)

RIGHTS_PARAGRAPH = appeal_rights(PlanKind.employer_erisa).next_level

GOOD_LETTER = f"""April 14, 2025

Northwind Health Appeals
PO Box 14079
Lexington, KY 40512
Fax: 1-859-555-0142

Re: Appeal of denied claim [CLAIM_NUMBER_1], reference [REFERENCE_NUMBER_1]
Member: [PERSON_1]
Plan: Northwind Choice POS II

To whom it may concern:

I am writing to appeal Northwind Health's decision of March 3, 2025 to deny coverage for an MRI of the lumbar \
spine (CPT 72148) on February 18, 2025, ordered for lumbar radiculopathy (ICD-10 M54.16). The denial (reason \
code CO-50) says: "The requested MRI of the lumbar spine is not medically necessary because you have not \
completed six weeks of conservative treatment such as physical therapy."

This MRI is medically necessary. I completed 8 weeks of physical therapy with [PERSON_2], took naproxen 500 mg \
twice daily and a six-day course of methylprednisolone, without relief. Since January 6, 2025, I have had \
numbness and weakness in my left leg, and I fell twice. My doctor, Dr. [PERSON_3], ordered the MRI and will \
send a letter of medical necessity.

Your Clinical Policy Bulletin 0236, section 4.2(b), asks for six weeks of conservative treatment before \
imaging. I have done more than that, so the policy's requirement is met.

I request that you reverse this denial and approve coverage of the MRI. I am sending this appeal well before \
the August 30, 2025 deadline.

{RIGHTS_PARAGRAPH}

Sincerely,

[PERSON_1]
"""


def corrupted(old: str, new: str, letter: str = GOOD_LETTER) -> str:
    """`letter` with every `old` replaced by `new`; fails loudly when `old` is not there."""
    if old not in letter:
        raise ValueError(f"{old!r} is not in the letter")
    return letter.replace(old, new)
