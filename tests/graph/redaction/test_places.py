from __future__ import annotations

import pytest

from graph.redaction.places import is_larger_than_a_state, is_state


@pytest.mark.unit
@pytest.mark.parametrize(
    ("place", "larger"),
    [
        ("Texas", True),
        ("NY", True),
        ("New York", True),
        ("Puerto Rico", True),
        ("Mexico", True),
        ("United Kingdom", True),
        ("Southern Tunisia", True),
        ("New England", True),
        ("Boston", False),
        ("Hampden County", False),
        ("Springfield", False),
    ],
)
def test_is_larger_than_a_state(place: str, larger: bool) -> None:
    assert is_larger_than_a_state(place) is larger


@pytest.mark.unit
def test_states_by_name_or_code_but_not_countries() -> None:
    assert is_state("Massachusetts") and is_state("MA") and is_state("District of Columbia")
    assert not is_state("Canada") and not is_state("ma")
