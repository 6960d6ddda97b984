"""A capitalised word is a drug by the words around it: a dose, its generic, a list of drugs, a prescribing verb."""

from __future__ import annotations

import pytest

from graph.redaction.clinical_context import looks_like_a_drug, named_as_a_drug


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "word", "drug"),
    [
        ("started Orencia 125 mg weekly", "Orencia", True),
        ("Rybelsus (semaglutide) daily", "Rybelsus", True),
        ("treatment with semaglutide (Rybelsus) is", "Rybelsus", True),
        ("controlled on Humira, Cimzia, Enbrel, and Orencia but", "Orencia", True),
        ("coverage for Omnitrope was denied", "Omnitrope", True),
        ("the requested Omnitrope is", "Omnitrope", True),
        ("Maria (daughter) called", "Maria", False),  # a relation in brackets is no generic
        ("seen by Dr. Ruiz and PT today", "Ruiz", False),  # shorthand does not make a drug list
        ("Maria said the pain is worse", "Maria", False),
        ("CT 6/14/2087 at Hopewell Imaging, Worcester.", "Worcester", False),  # "Imaging" ends a name here
        ("failed Imaging, Humira and Orencia", "Orencia", True),
    ],
)
def test_looks_like_a_drug(text: str, word: str, drug: bool) -> None:
    start = text.index(word)
    assert looks_like_a_drug(text, start, start + len(word)) is drug


@pytest.mark.unit
def test_a_word_placed_as_a_drug_once_is_a_drug_everywhere() -> None:
    text = "Rybelsus (semaglutide) was denied. Rybelsus is taken by mouth."
    assert named_as_a_drug(text, "Rybelsus")
    assert not named_as_a_drug(text, "Maria")
