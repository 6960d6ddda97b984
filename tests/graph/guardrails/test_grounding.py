from __future__ import annotations

import pytest

from graph.guardrails.grounding import check_grounding
from tests.graph.guardrails.letters import FACTS, GOOD_LETTER, corrupted

pytestmark = pytest.mark.unit

_SPINE = "an MRI of the lumbar spine (CPT 72148)"
_DRUGS = "a six-day course of methylprednisolone"


def test_the_good_letter_is_grounded() -> None:
    assert check_grounding(GOOD_LETTER, FACTS).problems == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("March 3, 2025", "Mar. 3, 2025"),
        ("March 3, 2025", "3/3/2025"),
        ("March 3, 2025", "2025-03-03"),
        ("Since January 6, 2025", "Since January 2025"),  # a month of an answer's date
        ("April 14, 2025", "4/14/25"),
        ("well before the August", "within the 180 days, before the August"),  # the deadline's day count
        ("spine (CPT 72148)", "spine (CPT® 72148)"),
        ("(reason code CO-50)", "(CARC 50)"),
        ("ICD-10 M54.16", "ICD-10 M5416"),
        ("Fax: 1-859-555-0142", "Fax: (859) 555-0142"),
        ("naproxen 500 mg", "naproxen 500mg"),
        ("without relief.", "without relief, in 2025."),
        ("This MRI is medically", "Northwind Health and Medicare rules aside, this MRI is medically"),
        ("My doctor, Dr. [PERSON_3],", "My Doctor, whom I trust,"),
        ("and I fell twice", "and I fell 2 times"),
    ],
)
def test_grounded_variants_pass(old: str, new: str) -> None:
    assert check_grounding(corrupted(old, new), FACTS).problems == []


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("February 18, 2025", "February 19, 2025", 'the date "February 19, 2025" is not one the facts give'),
        ("February 18, 2025", "June 2025", 'the date "June 2025" is not one the facts give'),
        ("February 18, 2025", "02/30/2025", '"02/30/2025" is not a real calendar date'),
        ("(CPT 72148)", "(CPT 72149)", 'CPT code "72149" is not in the facts'),
        (_SPINE, _SPINE + " and J1745", 'HCPCS code "J1745" is not in the facts'),
        ("ICD-10 M54.16", "ICD-10 M54.17", 'ICD-10 code "M54.17" is not in the facts'),
        ("(reason code CO-50)", "(reason code CO-97)", 'CARC code "CO-97" is not in the facts'),
        ("naproxen 500 mg", "naproxen 750 mg", 'the number "750 mg" is not in the facts'),
        ("I completed 8 weeks", "I completed 12 weeks", 'the number "12 weeks" is not in the facts'),
        ("and I fell twice", "and I paid $1,250", 'the number "$1,250" is not in the facts'),
        ("and I fell twice", "and I fell 3 times", 'the number "3 times" is not in the facts'),
        ("well before the August", "within 45 days, before the August", 'the number "45 days" is not in the facts'),
        ("PO Box 14079", "PO Box 1407", 'the number "1407" is not in the facts'),
        ("Dr. [PERSON_3]", "Dr. Hargreave", 'names "Dr. Hargreave"; only placeholders may name people'),
        ("Dr. [PERSON_3]", "Doctor Elena Hargreave", 'names "Doctor Elena Hargreave"'),
        ("therapy with [PERSON_2]", "therapy with Ms. Okonkwo", 'names "Ms. Okonkwo"'),
        ("Sincerely,\n\n[PERSON_1]", "Sincerely,\n\nJane Roe", 'names "Jane Roe"'),
        (_DRUGS, "a six-day course of Zorvimab", 'names "Zorvimab", a drug or product that is not in the facts'),
        (_DRUGS, "a course of lisinopril", 'names "lisinopril"'),
        (_DRUGS, "a course of Relivex®", 'names "Relivex®"'),
    ],
)
def test_invented_details_fail_with_a_helpful_problem(old: str, new: str, problem: str) -> None:
    result = check_grounding(corrupted(old, new), FACTS)
    assert not result.passed
    assert len(result.problems) == 1
    assert problem in result.problems[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "This is my 2nd appeal after COVID-19 delays, and my ICD-10 diagnosis is above.",
        "I have Type 2 diabetes and take insulin twice a day, every day.",
        "In April my pain got worse, and the Medicare and Medicaid rules do not apply to me.",
        "My Doctor of Physical Therapy and my Mom agree.",
        "Peptide tests were normal, and None of this is in dispute.",
    ],
)
def test_ordinary_sentences_are_grounded(sentence: str) -> None:
    letter = corrupted("without relief.", f"without relief. {sentence}")
    assert check_grounding(letter, FACTS).problems == []


def test_the_expedited_decision_time_is_allowed_only_for_an_expedited_appeal() -> None:
    letter = corrupted("I request that you", "Please decide within 72 hours. I request that you")
    assert not check_grounding(letter, FACTS).passed
    assert check_grounding(letter, FACTS.model_copy(update={"expedited_available": True})).passed


def test_placeholders_and_citations_are_left_to_their_own_checks() -> None:
    letter = corrupted("with [PERSON_2]", "with [PERSON_17] under 45 C.F.R. 147.136, as Chen et al. (2019) found")
    assert check_grounding(letter, FACTS).passed


def test_a_name_written_in_the_facts_is_grounded() -> None:
    facts = FACTS.model_copy(update={"diagnosis": "lumbar radiculopathy per Dr. Hargreave"})
    assert check_grounding(corrupted("Dr. [PERSON_3]", "Dr. Hargreave"), facts).passed
