from __future__ import annotations

import pytest

from graph.redaction.name_words import is_everyday_word, is_name_like, name_bounds


@pytest.mark.unit
@pytest.mark.parametrize(
    ("candidate", "name"),
    [
        ("Maria Lopez", "Maria Lopez"),
        ("LOPEZ, MARIA E", "LOPEZ, MARIA E"),
        ("Ruiz On March", "Ruiz"),  # cut at the first plain word
        ("Priya O'Rourke", "Priya O'Rourke"),
        ("Ana R", "Ana"),  # a trailing initial after one name is dropped
        ("A. Patel", "A. Patel"),  # an initial with a full stop is not the article "a"
        ("Call Maria Ruiz", "Maria Ruiz"),  # an everyday word before the name is dropped
        ("Ruiz Reports Pain", "Ruiz"),  # and after it, cuts the name short
        ("Mark Johnson", "Mark Johnson"),  # a name that is also a word stays a name
    ],
)
def test_name_bounds_keep_the_name(candidate: str, name: str) -> None:
    bounds = name_bounds(candidate)
    assert bounds is not None
    assert candidate[bounds[0] : bounds[1]] == name


@pytest.mark.unit
@pytest.mark.parametrize(
    "candidate",
    [
        "Humana",
        "Truvada",
        "Anthem Blue",
        "Valued Member",
        "Lakeview Medical Center",
        "Knee Replacement",
        "The",
        "A",
        "Stop Benadryl",
        "Hodgkin Lymphoma",
        "DAILY NOTE",
        "Mercy Ridge Imaging",
        "Walgreens",
    ],
)
def test_insurers_drugs_and_organisations_are_not_names(candidate: str) -> None:
    assert not is_name_like(candidate)


@pytest.mark.unit
@pytest.mark.parametrize(
    ("word", "everyday"), [("Rationale", True), ("Surgeon", True), ("Cell", True), ("Ubul", False)]
)
def test_field_labels_are_everyday_words(word: str, everyday: bool) -> None:
    assert is_everyday_word(word) is everyday
