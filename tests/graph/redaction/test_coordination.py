"""A found name's neighbours in a list are names too."""

from __future__ import annotations

import pytest

from graph.redaction.coordination import list_neighbours, listed_with_names
from graph.redaction.entities import PERSON, PhiSpan


def _listed(text: str, known: str) -> list[str]:
    start = text.index(known)
    spans = [PhiSpan(PERSON, start, start + len(known), 0.6)]
    return sorted(text[s.start : s.end] for s in listed_with_names(text, spans))


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "known", "listed"),
    [
        ("our 3 founders: Kónya, Becker and Vasquez. The idea", "Becker", ["Kónya", "Vasquez"]),
        ("They had 6: Gaetane, Hannah, Anthony and Derek.", "Hannah", ["Anthony", "Derek", "Gaetane"]),
        ("said Gladys to Logan", "Gladys", []),  # not a list
        ("Obadiah Pettibone, UM Coordinator, 1-877", "Obadiah Pettibone", []),  # a role, not a name
        ("Ruiz and Medicare agreed", "Ruiz", []),  # an insurer
        ("Marrero and Murphy were precise", "Murphy", ["Marrero"]),
        ("Marrero and Murphy were precise", "Marrero", ["Murphy"]),
        ("with Garcia-Lopez, Esteban and Ruiz", "Esteban", ["Garcia-Lopez", "Ruiz"]),  # hyphenated: whole
        ("Pt: GARCIA-LOPEZ, ESTEBAN", "ESTEBAN", []),  # never the end of one ("LOPEZ")
        ("O'Neil, Ruiz and Park", "Ruiz", ["O'Neil", "Park"]),
        ("Hi Freddy, I'm writing", "Freddy", []),  # a contraction is no name
    ],
)
def test_list_neighbours(text: str, known: str, listed: list[str]) -> None:
    assert _listed(text, known) == listed


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "words", "neighbours"),
    [
        ("founders: Kónya, Becker and Vasquez.", "Kónya", ["Becker"]),
        ("founders: Kónya, Becker and Vasquez.", "Becker", ["Kónya", "Vasquez"]),
        ("founders: Kónya, Becker and Vasquez.", "Vasquez", ["Becker"]),
        ("Tomomi is from Hawkins", "Hawkins", []),
    ],
)
def test_the_items_beside_words_in_a_list(text: str, words: str, neighbours: list[str]) -> None:
    start = text.index(words)
    found = list_neighbours(text, start, start + len(words))
    assert sorted(text[s:e] for s, e in found) == neighbours
