from __future__ import annotations

import itertools

import pytest

from graph.extraction.letter import Letter, Section, SectionKind
from graph.extraction.sections import find_sections

BODY, RIGHTS, FORM = SectionKind.body, SectionKind.appeal_rights, SectionKind.instructions

DENIAL_THEN_RIGHTS = (
    "Dear Ms. Quill,\n\n"
    "We reviewed the request for a sleep study. It is not medically necessary because your notes show no snoring.\n\n"
    "If you do not agree with our decision\n"
    "You have the right to appeal. An external review is also available if the denial was experimental.\n"
    "ATTENCION: free language assistance is available.\n"
)
RIGHTS_ON_TOP = (
    "Important: This notice explains your right to appeal our decision. If you need help, call us.\n\n"
    "NOTICE OF DENIAL OF COVERAGE\n"
    "Why did we deny your request?\n"
    "We denied the walker because it is a convenience item.\n\n"
    "You have the right to appeal our decision.\n"
)
RIGHTS_MID_PARAGRAPH = (
    "We have declined to pay for the service below. If you think this decision was made in error, you have the "
    "right to appeal (see your rights below).\n\nCase Details\nReason: the provider is out-of-network.\n"
)
DEFINITION = (
    "This notice explains a denial. An Adverse Coverage Decision is a decision we make not to pay because a "
    "service is not medically necessary or not covered.\n\nWe have declined to cover the item below.\n"
)
RIGHTS_THEN_SALUTATION = (
    "IMPORTANT: This notice explains your right to appeal. Keep it for your records.\n\n"
    "Dear Mr. Brannock,\n"
    "We have reviewed the request for a home sleep test and have decided to deny it. The test is unproven.\n"
)
TEMPLATE = (
    "Your request was {Insert term: denied, reduced {or stopped}}\n"
    "[Insert the member's plan number and other facts as needed]\n"
    "Dear [Member],\n"
    "Findings:Discuss the reason for the decision here.\n"
    "You have the right to ask {plan name} for an appeal.\n"
    "{Explain the next steps for the member, which run on\nto the next line\n\nNew paragraph."
)


def _kind_at(text: str, sections: tuple[Section, ...], words: str) -> SectionKind:
    return Letter.of(text, sections).section_at(text.index(words))


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "words", "kind"),
    [
        (DENIAL_THEN_RIGHTS, "It is not medically necessary", BODY),
        (DENIAL_THEN_RIGHTS, "If you do not agree", RIGHTS),
        (DENIAL_THEN_RIGHTS, "denial was experimental", RIGHTS),
        (DENIAL_THEN_RIGHTS, "language assistance", RIGHTS),
        (RIGHTS_ON_TOP, "explains your right", RIGHTS),
        (RIGHTS_ON_TOP, "NOTICE OF DENIAL", BODY),
        (RIGHTS_ON_TOP, "convenience item", BODY),
        (RIGHTS_ON_TOP, "You have the right to appeal our", RIGHTS),
        (RIGHTS_MID_PARAGRAPH, "We have declined", BODY),
        (RIGHTS_MID_PARAGRAPH, "If you think", RIGHTS),
        (RIGHTS_MID_PARAGRAPH, "Case Details", BODY),
        (RIGHTS_MID_PARAGRAPH, "out-of-network", BODY),
        (DEFINITION, "This notice explains", BODY),
        (DEFINITION, "not medically necessary", RIGHTS),
        (DEFINITION, "We have declined", BODY),
        (RIGHTS_THEN_SALUTATION, "Keep it for your records", RIGHTS),
        (RIGHTS_THEN_SALUTATION, "Dear Mr. Brannock", BODY),
        (RIGHTS_THEN_SALUTATION, "The test is unproven", BODY),
        (TEMPLATE, "Insert term", FORM),
        (TEMPLATE, "or stopped", FORM),
        (TEMPLATE, "Insert the member", FORM),
        (TEMPLATE, "[Member]", BODY),
        (TEMPLATE, "Discuss the reason", FORM),
        (TEMPLATE, "Findings:", BODY),
        (TEMPLATE, "plan name", FORM),
        (TEMPLATE, " for an appeal", RIGHTS),
        (TEMPLATE, "to the next line", FORM),
        (TEMPLATE, "New paragraph", RIGHTS),
    ],
)
def test_each_part_of_a_letter_gets_its_kind(text: str, words: str, kind: SectionKind) -> None:
    assert _kind_at(text, find_sections(text), words) is kind


@pytest.mark.unit
@pytest.mark.parametrize(
    "text", [DENIAL_THEN_RIGHTS, RIGHTS_ON_TOP, RIGHTS_MID_PARAGRAPH, DEFINITION, RIGHTS_THEN_SALUTATION, TEMPLATE]
)
def test_sections_are_a_flat_partition(text: str) -> None:
    sections = find_sections(text)
    assert list(sections) == sorted(sections, key=lambda s: s.start)
    for before, after in itertools.pairwise(sections):
        assert before.end <= after.start
    assert all(0 <= s.start < s.end <= len(text) for s in sections)


@pytest.mark.unit
@pytest.mark.parametrize(
    "text",
    [
        "Dear [Customer],\nWe cannot approve the MRI as it is not medically necessary.\n",
        "Your claim was denied. Please call [Plan Name] with questions.",
        "Sincerely,\n[Logo]\n[InsuranceCompany], IPA",
        "",
    ],
)
def test_plain_letters_are_all_body(text: str) -> None:
    assert find_sections(text) == ()


@pytest.mark.unit
def test_curly_braces_are_always_form_text() -> None:
    text = "Call {name} today."
    assert find_sections(text) == (Section(FORM, 5, 11),)


@pytest.mark.unit
def test_a_denial_sentence_that_mentions_appeal_rights_stays_body() -> None:
    text = "Dear Member,\nWe denied the claim as not medically necessary, and you have the right to appeal it.\n"
    assert find_sections(text) == ()


@pytest.mark.unit
def test_an_unclosed_square_bracket_is_not_an_instruction() -> None:
    text = "Reason: [OCR junk the scan cut off here and never closed\nWe denied the claim."
    assert find_sections(text) == ()
