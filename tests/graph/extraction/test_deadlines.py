from __future__ import annotations

import datetime as dt

import pytest

from graph.denial import AppealDeadline
from graph.extraction.deadlines import find_deadlines
from graph.extraction.letter import Letter, Section, SectionKind
from tests.graph.extraction.helpers import assert_spans_exact, body_letter, values

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "You can file a grievance with us within 180 days from the date you received this notice.",
            AppealDeadline(days=180, counted_from="the date you received this notice"),
        ),
        (
            "You must file your appeal within sixty (60) days of the date of this notice.",
            AppealDeadline(days=60, counted_from="the date of this notice"),
        ),
        (
            "You have one hundred eighty (180) days from the date you receive this letter to file an appeal.",
            AppealDeadline(days=180, counted_from="the date you receive this letter"),
        ),
        (
            "To appeal, send your letter within 180 calendar days after the date of the denial, or call us.",
            AppealDeadline(days=180, counted_from="the date of the denial"),
        ),
        ("You have 65 days to appeal this decision.", AppealDeadline(days=65)),
        ("Ask for a redetermination within ninety days.", AppealDeadline(days=90)),
        ("Your appeal must reach us no later than March 1, 2024.", AppealDeadline(date=dt.date(2024, 3, 1))),
    ],
)
def test_reads_the_appeal_deadline(text: str, expected: AppealDeadline) -> None:
    letter = body_letter(text)
    found = find_deadlines(letter)
    assert values(found, "appeal_deadline") == [expected]
    assert_spans_exact(letter, found)


@pytest.mark.parametrize(
    "text",
    [
        "We will send you a decision within 30 days of receiving your appeal.",
        "We must decide your appeal within 72 hours.",
        "You may request an external review within 4 months after receiving this notice.",
        "You can ask for a State Fair Hearing within 120 days of our appeal decision.",
        "Please pay your premium within 30 days.",
        "Ask {health plan name} for an appeal within {number} days of the date of this notice.",
        "Your provider must submit the claim within 90 days of the date of service.",
    ],
)
def test_other_time_limits_are_not_the_appeal_deadline(text: str) -> None:
    assert values(find_deadlines(body_letter(text)), "appeal_deadline") == []


@pytest.mark.parametrize(
    "text",
    [
        "If waiting could seriously harm your health, you can ask for an expedited appeal.",
        "Ask for a fast appeal by calling us.",
        "You may request an urgent review of this decision.",
        "If your case is urgent, we will decide your appeal within 72 hours.",
    ],
)
def test_an_offered_fast_appeal_is_expedited(text: str) -> None:
    letter = body_letter(text)
    found = find_deadlines(letter)
    assert values(found, "expedited_available") == [True]
    assert_spans_exact(letter, found)


@pytest.mark.parametrize(
    "text",
    [
        "You cannot request an expedited appeal because the service was already provided.",
        "An expedited appeal is not available for payment requests.",
        "You have the right to appeal within 60 days of this notice.",
        "Call us within 72 hours to schedule the visit.",
        "We process urgent care claims quickly.",
    ],
)
def test_no_fast_appeal_offer_gives_nothing(text: str) -> None:
    assert values(find_deadlines(body_letter(text)), "expedited_available") == []


def test_deadlines_in_form_instructions_are_ignored() -> None:
    text = "Insert: You must appeal within 30 days of this notice.\nYou must appeal within 60 days of this notice."
    letter = Letter.of(text, (Section(SectionKind.instructions, 0, text.index("\n")),))
    assert values(find_deadlines(letter), "appeal_deadline") == [AppealDeadline(days=60, counted_from="this notice")]


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "days", "counted_from"),
    [
        (
            "Send a written appeal within 180 days of the date you receive this\nstatement to: Appeals Unit.",
            180,
            "the date you receive this statement",
        ),
        (
            "You have the right to ask us for a redetermination (appeal). You must ask within 65 days of the date "
            "of this notice.",
            65,
            "the date of this notice",
        ),
    ],
)
def test_deadline_over_a_wrap_or_named_in_the_sentence_before(text: str, days: int, counted_from: str) -> None:
    found = [f.value for f in find_deadlines(body_letter(text)) if f.field == "appeal_deadline"]
    assert found == [AppealDeadline(days=days, counted_from=counted_from)]


@pytest.mark.unit
def test_a_deadline_for_records_after_an_appeal_sentence_is_not_the_appeal_deadline() -> None:
    text = "You may file an appeal. Your doctor has 14 days to send the records."
    assert [f for f in find_deadlines(body_letter(text)) if f.field == "appeal_deadline"] == []


@pytest.mark.unit
def test_fast_parenthetical_expedited_counts() -> None:
    text = "If waiting could seriously harm your health, ask for a fast (expedited) redetermination."
    assert [f.value for f in find_deadlines(body_letter(text)) if f.field == "expedited_available"] == [True]
