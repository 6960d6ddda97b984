from __future__ import annotations

import pytest

from graph.redaction.recognizers.auth_number import AuthNumberRecognizer
from tests.graph.redaction.recognizers.helpers import found

SCORE = AuthNumberRecognizer.SCORE


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Authorization #: PA-26373919", [("PA-26373919", SCORE)]),
        ("Authorization number: 595276829", [("595276829", SCORE)]),
        ("Prior authorization number A845-63-6624", [("A845-63-6624", SCORE)]),
        ("Pre-cert #: 7781-0021", [("7781-0021", SCORE)]),
        ("Decision number: 755930193.", [("755930193", SCORE)]),
        ("PA # 90012884", [("90012884", SCORE)]),
        ("Prior authorization is required for 30 days", []),
        ("The authorization expired", []),
    ],
)
def test_authorization_numbers(text: str, expected: list[tuple[str, float]]) -> None:
    assert found(AuthNumberRecognizer(), text) == expected
