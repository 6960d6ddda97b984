"""When a word spaCy or a name list calls a person is one: single words, shapes, eponyms and facilities."""

from __future__ import annotations

import pytest

from graph.redaction.entities import PERSON
from graph.redaction.person_rules import (
    is_eponym_or_organisation,
    named_as_organisation,
    person_spans,
    run_is_name,
    single_word_is_name,
)


@pytest.mark.unit
@pytest.mark.parametrize(
    ("word", "is_name"),
    [
        ("Maria", True),
        ("Ruiz", True),
        ("Nwachukwu", True),
        ("McAllister", True),
        ("O'Brien", True),
        ("LOPEZ", True),  # capitals, but a listed surname
        ("Insert", False),  # everyday words spaCy tags PERSON on forms
        ("Download", False),
        ("Handbook", False),
        ("Floor", False),
        ("Truvada", False),  # drugs and insurers
        ("Lasix", False),
        ("Humana", False),
        ("COPD", False),  # shorthand in capitals
        ("DtC", False),  # a capital inside that no name has
        ("March", False),
        ("Washington", False),  # a state alone
        ("Foley", False),  # a catheter
        ("Mom", False),
    ],
)
def test_single_word_is_name(word: str, is_name: bool) -> None:
    assert single_word_is_name(word) is is_name


@pytest.mark.unit
@pytest.mark.parametrize(
    ("run", "is_name"),
    [
        ("Tomomi Nishiyama", True),
        ("A. Patel", True),
        ("DAILY NOTE", False),  # a heading
        ("Customer Service", False),  # everyday words only
        ("Tawastintie 72", False),  # digits
        ("URIEL MCALLISTER", True),  # capitals with a listed name in them
    ],
)
def test_run_is_name(run: str, is_name: bool) -> None:
    assert run_is_name(run) is is_name


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "name", "eponym_or_organisation"),
    [
        ("history of Graves disease", "Graves", True),
        ("treated for Bell's palsy", "Bell", True),
        ("Crohn’s disease flare", "Crohn", True),
        ("Foley catheter placed", "Foley", True),
        ("seen at Mayo Clinic", "Mayo", True),
        ("St. Jude Children’s Research Hospital", "St. Jude", True),
        ("Ruiz said the pain is worse", "Ruiz", False),
        ("Ana Ruiz, MD", "Ana Ruiz", False),
        ("Ana Ruiz    Member ID: 12", "Ana Ruiz", False),  # a column gap is not the next word
    ],
)
def test_eponyms_and_facilities_after_a_name(text: str, name: str, eponym_or_organisation: bool) -> None:
    assert is_eponym_or_organisation(text, text.index(name) + len(name)) is eponym_or_organisation


@pytest.mark.unit
def test_a_word_the_text_also_uses_as_an_organisations_name_is_not_a_person() -> None:
    text = "Sunmesa has denied payment. Sunmesa Health Plans, P.O. Box 1"
    assert named_as_organisation(text, "Sunmesa")
    assert not named_as_organisation(text, "payment")


@pytest.mark.unit
@pytest.mark.parametrize(
    ("entity", "names"),
    [
        ("Dr. Ana Ruiz", ["Ana Ruiz"]),
        ("Ana Ruiz\nMedical Director", ["Ana Ruiz"]),
        ("Truvada", []),
        ("Humana Gold", []),
        ("Ruiz", ["Ruiz"]),  # one word is enough now
        ("Keiko 2024", []),
        ("Guilty Pleasures", []),  # cut to one unknown word: too little left
        ("Dr. A. Patel", ["A. Patel"]),
    ],
)
def test_person_spans(entity: str, names: list[str]) -> None:
    text = f"x {entity} y"
    spans = person_spans(text, 2, 2 + len(entity), 0.6)
    assert [text[s.start : s.end] for s in spans] == names
    assert all(s.entity_type == PERSON and s.score == 0.6 for s in spans)
