from __future__ import annotations

import pytest

from graph.denial import PlanKind
from graph.guardrails.citations import check_citations, find_citations, normalise_citation
from graph.guardrails.review import review_letter
from tests.graph.guardrails.letters import FACTS, GOOD_LETTER, corrupted

pytestmark = pytest.mark.unit

_MET = "so the policy's requirement is met."


def _citing(citation: str) -> str:
    return corrupted(_MET, f"so the requirement of {citation} is met.")


def test_the_good_letter_cites_only_what_it_was_given() -> None:
    assert check_citations(GOOD_LETTER, FACTS).passed


@pytest.mark.parametrize(
    "citation",
    [
        "29 C.F.R. 2560.503-1",  # the ERISA rights table's own
        "29 CFR § 2560.503-1",
        "29 c.f.r. section 2560.503-1",
        "ERISA section 502(a)",
        "ERISA § 502(a)",
        "Clinical Policy Bulletin 0236, § 4.2(b)",  # the insurer's own policy
        "Section 4.2(b)",
    ],
)
def test_supplied_citations_pass(citation: str) -> None:
    assert check_citations(_citing(citation), FACTS).passed


def test_a_regulation_the_insurer_itself_cited_is_allowed() -> None:
    policy = "Clinical Policy Bulletin 0236, section 4.2(b), and 45 C.F.R. § 147.136(b)"
    facts = FACTS.model_copy(update={"policy_cited": policy})
    letter = _citing("45 CFR 147.136(b)")
    assert check_citations(letter, facts).passed
    assert not check_citations(letter, FACTS).passed


@pytest.mark.parametrize(
    "citation",
    [
        "45 C.F.R. 147.136",
        "42 U.S.C. § 300gg-19",
        "§ 2719",
        "section 2719(b) of the Public Health Service Act",
        "Pub. L. 111-148",
        "124 Stat. 119",
        "Smith v. Northwind Health",
        "Chen et al.",
        "Lancet (2019)",
        "https://example.org/guidelines",
        "www.cms.gov",
        "doi:10.1000/xyz123",
        "PMID 31234567",
    ],
)
def test_invented_citations_fail_this_check_alone(citation: str) -> None:
    letter = _citing(citation)
    result = check_citations(letter, FACTS)
    assert not result.passed
    assert any("which neither the facts nor the appeal-rights table supplies" in p for p in result.problems)
    assert review_letter(letter, FACTS).failed_names() == ["citations"]


def test_the_problem_quotes_the_citation() -> None:
    result = check_citations(_citing("45 C.F.R. 147.136"), FACTS)
    assert result.problems == [
        'cites "45 C.F.R. 147.136", which neither the facts nor the appeal-rights table supplies'
    ]


def test_rights_citations_belong_to_their_plan_kind() -> None:
    medicaid = FACTS.model_copy(update={"plan_kind": PlanKind.medicaid})
    assert not check_citations(GOOD_LETTER, medicaid).passed


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("29 C.F.R. § 2560.503-1", "29 CFR 2560.503-1"),
        ("section 502(a)", "§ 502(a)"),
        ("Sec. 502(a)", "SECTION 502(a)"),
    ],
)
def test_normalisation_folds_dots_case_and_section_marks(left: str, right: str) -> None:
    assert normalise_citation(left) == normalise_citation(right)


@pytest.mark.parametrize(
    "text",
    [
        "I was seen on March 3, 2025 at 10:30 a.m., e.g. for pain.",
        "See my records, pages 1-4, and section three of the plan booklet.",
        "The U.S. plan covers 80% of the cost.",
    ],
)
def test_ordinary_sentences_hold_no_citation(text: str) -> None:
    assert find_citations(text) == []
