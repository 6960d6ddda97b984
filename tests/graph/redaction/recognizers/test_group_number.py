from __future__ import annotations

import pytest

from graph.redaction.recognizers.group_number import GroupNumberRecognizer
from tests.graph.redaction.recognizers.helpers import found

SCORE = GroupNumberRecognizer.SCORE


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Group number: 4498918", [("4498918", SCORE)]),
        ("Plan group no.: HX97545A", [("HX97545A", SCORE)]),
        ("Group: GRP-484585", [("GRP-484585", SCORE)]),
        ("Group #: 687734-1524", [("687734-1524", SCORE)]),
        ("Rx Group: 942947-5825", [("942947-5825", SCORE)]),
        ("a group health plan with 5000 members", []),
        ("Group: Acme Widgets", []),
    ],
)
def test_group_numbers(text: str, expected: list[tuple[str, float]]) -> None:
    assert found(GroupNumberRecognizer(), text) == expected
