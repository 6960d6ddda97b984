from __future__ import annotations

import datetime as dt

import pytest

from graph.extraction.dates import DATE_PATTERN, find_dates, parse_date
from tests.graph.extraction.helpers import assert_spans_exact, body_letter, values

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10/4/2017", dt.date(2017, 10, 4)),
        ("07/11/2017", dt.date(2017, 7, 11)),
        ("3/9/21", dt.date(2021, 3, 9)),
        ("10-04-2017", dt.date(2017, 10, 4)),
        ("2017-10-11", dt.date(2017, 10, 11)),
        ("October 11, 2017", dt.date(2017, 10, 11)),
        ("Oct. 11, 2017", dt.date(2017, 10, 11)),
        ("Sept 3 2022", dt.date(2022, 9, 3)),
        ("11 October 2017", dt.date(2017, 10, 11)),
        ("MARCH 1ST, 2024", dt.date(2024, 3, 1)),
    ],
)
def test_parses_us_date_formats(text: str, expected: dt.date) -> None:
    match = DATE_PATTERN.search(text)
    assert match is not None
    assert parse_date(match) == expected


@pytest.mark.parametrize("text", ["02/30/2020", "13/01/2020", "February 30, 2021", "1/1/1850", "2017-14-01"])
def test_impossible_dates_parse_to_none(text: str) -> None:
    match = DATE_PATTERN.search(text)
    assert match is None or parse_date(match) is None


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("Date of Request: 07/10/2017\nDate of Decision: 07/11/2017\n", "letter_date", dt.date(2017, 7, 11)),
        ("Date of this notice: March 3, 2023", "letter_date", dt.date(2023, 3, 3)),
        ("Notice Date: 2023-05-06", "letter_date", dt.date(2023, 5, 6)),
        ("Member: Ann Rivera      Date: 04/05/2023", "letter_date", dt.date(2023, 4, 5)),
        ("Bright Valley Health\n\n    June 2, 2022\n\nDear Member,", "letter_date", dt.date(2022, 6, 2)),
        ("Date of Service: 02/14/2023", "service_date", dt.date(2023, 2, 14)),
        ("DOS: 3/4/21", "service_date", dt.date(2021, 3, 4)),
        ("Service Date(s): March 3, 2023 - March 5, 2023", "service_date", dt.date(2023, 3, 3)),
        (
            "coverage of the inpatient stay at Mercy West from 10/4/2017-10/10/2017.",
            "service_date",
            dt.date(2017, 10, 4),
        ),
        ("the surgery you received on May 4, 2022 was reviewed", "service_date", dt.date(2022, 5, 4)),
    ],
)
def test_finds_letter_and_service_dates(text: str, field: str, expected: dt.date) -> None:
    letter = body_letter(text)
    found = find_dates(letter)
    best = max((f for f in found if f.field == field), key=lambda f: f.confidence)
    assert best.value == expected
    assert_spans_exact(letter, found)


@pytest.mark.parametrize(
    "text",
    [
        "Date:\n\nMember number:\n",
        "Date of Notice\n\nName of Plan",
        "DATE OF NOTICE: / Initial Notice",
        "Claim #: / Date of Service:",
        "Date of Request: 07/10/2017",
        "Date of birth: 01/02/1980",
        "OMB Control Number 1210-0144 (expires 01/31/2011)",
        "Your coverage from 1/1/2020 to 12/31/2020 includes inpatient care.",
        "Your inpatient care coverage was effective from 1/1/2020 to 12/31/2020.",
        "Date: [DATE]",
        "Date of Service: XX/XX/XXXX",
        "Dates of service:\n01/09/2023\n",
        "Date of Service: 02/30/2020",
    ],
)
def test_templates_and_other_dates_give_no_letter_or_service_date(text: str) -> None:
    found = find_dates(body_letter(text))
    assert values(found, "letter_date") == []
    assert values(found, "service_date") == [] or "Dates of service" in text


def test_a_notice_date_beats_a_letterhead_date() -> None:
    found = find_dates(body_letter("January 3, 2023\n\nDate of Decision: 01/02/2023\n"))
    best = max((f for f in found if f.field == "letter_date"), key=lambda f: f.confidence)
    assert best.value == dt.date(2023, 1, 2)
