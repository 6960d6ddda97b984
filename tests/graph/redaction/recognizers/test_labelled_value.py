from __future__ import annotations

import pytest

from graph.redaction.recognizers.labelled_value import is_a_date

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-15", True),
        ("03/15/2024", True),
        ("15.03.2024", True),  # day first
        ("3/9/22", True),
        ("7781-22-19", False),  # no year 7781, no month 22
        ("2024-13-40", False),
        ("44-12-12", False),  # a two-digit first number needs a year last
        ("12-31-123", False),
        ("W123-45", False),
    ],
)
def test_is_a_date(value: str, expected: bool) -> None:
    assert is_a_date(value) is expected
