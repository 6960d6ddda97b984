from __future__ import annotations

import datetime as dt

import pytest

from graph.guardrails.dates import find_dates

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "written",
    ["March 3, 2025", "Mar. 3, 2025", "Mar 3 2025", "3/3/2025", "03/03/25", "2025-03-03", "3 March 2025"],
)
def test_full_dates_in_common_us_forms(written: str) -> None:
    [found] = find_dates(f"On {written}, the plan wrote.")
    assert found.value == dt.date(2025, 3, 3)
    assert found.text == written


@pytest.mark.parametrize("written", ["March 2025", "Mar. 2025", "March of 2025"])
def test_a_month_with_its_year(written: str) -> None:
    [found] = find_dates(f"Since {written} I have been in pain.")
    assert found.value is None
    assert found.month == (2025, 3)


def test_an_impossible_date_is_found_but_not_real() -> None:
    [found] = find_dates("on 02/30/2025")
    assert not found.is_real


@pytest.mark.parametrize("text", ["I may 2025 times", "call 1-859-555-0142", "CPT 72148", "section 4.2(b)"])
def test_no_date_in_ordinary_text(text: str) -> None:
    assert find_dates(text) == []
