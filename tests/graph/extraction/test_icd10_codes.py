from __future__ import annotations

import pytest

from graph.extraction.icd10_codes import icd10_exists

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("code", "exists"),
    [
        ("M26.62", True),
        ("M2662", True),
        ("e11.9", True),
        ("G43.909", True),
        ("A99.8", False),
        ("Q99.99", False),
        ("", False),
    ],
)
def test_checks_the_icd10_cm_code_set(code: str, exists: bool) -> None:
    assert icd10_exists(code) is exists
