from __future__ import annotations

import pytest

from graph.extraction.reason import find_policy, find_reason
from tests.graph.extraction.helpers import assert_spans_exact, body_letter, letter_with_rights, values


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We are denying coverage because:\n\n\u201cThe pump is not needed for your condition.\u201d\n\nIf you",
            "The pump is not needed for your condition.",
        ),
        (
            "This request is denied because: Your notes do not show six weeks of therapy.\nNext line",
            "Your notes do not show six weeks of therapy.",
        ),
        (
            "Reason for Denial: Out-of-network provider without referral\n",
            "Out-of-network provider without referral",
        ),
        (
            "Hello. The reason for the denial is that the drug is not on the formulary. Please call.",
            "the drug is not on the formulary.",
        ),
        (
            "this request was denied because you did not meet the following:\n\nYou have not tried two "
            "preferred drugs.\n\nOther text.",
            "You have not tried two preferred drugs.",
        ),
        (
            "Dear Member;\n\nWe cannot approve your knee scope request as it is not medically necessary. Thanks.",
            "We cannot approve your knee scope request as it is not medically necessary.",
        ),
    ],
)
def test_finds_the_stated_reason_verbatim(text: str, expected: str) -> None:
    letter = body_letter(text)
    found = find_reason(letter)
    assert values(found, "reason")[:1] == [expected]
    assert_spans_exact(letter, found)


@pytest.mark.unit
@pytest.mark.parametrize(
    "text",
    [
        "We denied the items listed above because {Provide specific rationale for decision}:\n",
        "Reason for Denial:\n\nStandard Used in Making the Decision:\n",
        "Thank you for choosing our plan. Call us with questions.",
    ],
)
def test_no_reason_from_templates_or_chatter(text: str) -> None:
    assert find_reason(body_letter(text)) == []


@pytest.mark.unit
def test_reason_in_appeal_rights_is_not_the_denial_reason() -> None:
    text = "Dear Member,\nThanks.\nYour rights\nWe may deny an appeal because: it was filed more than 180 days late."
    assert find_reason(letter_with_rights(text, "Your rights")) == []


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Acme Medical Policy SURG.00123 (Treatments for Chronic Pain) states, "..."',
            "Acme Medical Policy SURG.00123 (Treatments for Chronic Pain)",
        ),
        ("under Clinical Policy Bulletin 0349 we", "Clinical Policy Bulletin 0349"),
        ("Medicare LCD L33718 applies", "LCD L33718"),
        (
            "We used Acme Health Guideline titled Imaging of the Chest to make this decision.",
            "Acme Health Guideline titled Imaging of the Chest",
        ),
        ("This decision is based on health plan criteria for the drug.", None),
    ],
)
def test_policy_cited(text: str, expected: str | None) -> None:
    found = values(find_policy(body_letter(text)), "policy_cited")
    assert found[:1] == ([expected] if expected else [])


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Why this claim was denied\nThis claim was denied because the provider is not in your\nnetwork.\n",
            "This claim was denied because the provider is not in your\nnetwork.",
        ),
        (
            "Why did we deny your request?\nWe denied it because the drug is not on the drug list.\n\nNext",
            "We denied it because the drug is not on the drug list.",
        ),
        (
            "Reason for denial: The notes do not show new symptoms since the\nlast scan. It is not needed.\nNext\n",
            "The notes do not show new symptoms since the\nlast scan. It is not needed.",
        ),
        ("We denied the drug because {Provide specific rationale,\nincluding any rule.}:\n", None),
    ],
)
def test_reason_over_wrapped_lines_and_headings(text: str, expected: str | None) -> None:
    found = values(find_reason(body_letter(text)), "reason")
    assert found[:1] == ([expected] if expected else [])
