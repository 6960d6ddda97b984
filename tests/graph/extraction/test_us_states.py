from __future__ import annotations

import re

import pytest

from graph.extraction.us_states import STATE, STATE_NAME, ZIP

pytestmark = pytest.mark.unit

_STATE_ZIP = re.compile(rf"(?i){STATE},?[ \t]+{ZIP}")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Garden City, New York 11530", "New York 11530"),
        ("Dayton, OH 45402-1234", "OH 45402-1234"),
        ("Charleston, West Virginia 25301", "West Virginia 25301"),
        ("Washington, D.C. 20001", "D.C. 20001"),
    ],
)
def test_state_and_zip(text: str, found: str) -> None:
    match = _STATE_ZIP.search(text)
    assert match is not None and match.group(0) == found


@pytest.mark.parametrize("text", ["in 12345", "OH 4540", "OH 454021", "Narnia 12345", "oh 45402"])
def test_not_a_state_and_zip(text: str) -> None:
    assert _STATE_ZIP.search(text) is None


def test_full_names_only_in_state_name() -> None:
    assert re.fullmatch(STATE_NAME, "North Dakota")
    assert re.fullmatch(STATE_NAME, "ND") is None
