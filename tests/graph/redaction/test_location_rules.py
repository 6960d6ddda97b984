"""spaCy's places under Safe Harbor: cities and counties are ADDRESS; states, countries, facilities are kept."""

from __future__ import annotations

import pytest

from graph.redaction.location_rules import location_span, location_spans


def _kind(text: str, place: str) -> str | None:
    start = text.index(place)
    span = location_span(text, start, start + len(place), 0.6)
    return None if span is None else f"{span.entity_type}:{text[span.start : span.end]}"


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "place", "kind"),
    [
        ("She lives in Framingham and works", "Framingham", "ADDRESS:Framingham"),
        ("Transferred from Hampden County jail", "Hampden County", "ADDRESS:Hampden County"),
        ("required by Washington law", "Washington", None),  # a state
        ("moved here from Mexico", "Mexico", None),  # a country
        ("orchestra serving Southern Tunisia", "Southern Tunisia", None),
        ("HIP Health Plan of New York", "New York", None),
        ("Health Plan of San Joaquin covers", "San Joaquin", None),  # inside an organisation's name
        ("seen at Boston Medical Center", "Boston", None),
        ("trial at St. Jude’s", "St. Jude’s", None),  # a saint's name in the possessive: a hospital
        ("at St. Jude. St. Jude Children's Research Hospital", "St. Jude", None),
        ("Lakeview Regional Medical Center", "Lakeview Regional Medical Center", None),
        ("history of Lyme disease", "Lyme", None),
        ("[Personalize]", "Personalize", None),
        ("P.S. thanks", "P.S.", None),
        ("Remember me, Nathan?", "Nathan", "PERSON:Nathan"),  # spaCy's place that is a known name
        ("Emergency contact: Ifeanyi Okafor (brother)", "Ifeanyi Okafor", "PERSON:Ifeanyi Okafor"),
        ("Drop off at 501 Franklin Avenue", "Franklin Avenue", "ADDRESS:Franklin Avenue"),
        ("the clubs of Boston's north end", "Boston's", "ADDRESS:Boston"),
        ("our 3 founders: Kónya, Becker and Vasquez.", "Kónya", "PERSON:Kónya"),  # listed with names
        ("founders Becker, Kónya and Vasquez", "Kónya", "PERSON:Kónya"),
        ("clinics in Quincy and Marshall", "Quincy", "ADDRESS:Quincy"),  # a list of places after "in"
        ("moved from Quincy, Jackson and Boston", "Quincy", "ADDRESS:Quincy"),
        ("Framingham and Natick", "Framingham", "ADDRESS:Framingham"),  # no name beside it
    ],
)
def test_location_span(text: str, place: str, kind: str | None) -> None:
    assert _kind(text, place) == kind


@pytest.mark.unit
def test_a_place_found_across_a_line_break_is_split_by_line() -> None:
    text = "Riisa\n Tallinn"
    spans = location_spans(text, 0, len(text), 0.6)
    assert [text[s.start : s.end] for s in spans] == ["Riisa", "Tallinn"]
