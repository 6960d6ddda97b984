from __future__ import annotations

import pytest

from graph.redaction.recognizers.address_block import block_lines, looks_like_street_line


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "streets"),
    [
        ("William Hughes\n\n20789 Allika 46\n Suite 501", ["20789 Allika 46"]),
        ("> 935 69 Gordon Terrace\n> Suite 828", ["935 69 Gordon Terrace"]),
        ("    28245 Puruntie 82 Apt. 595\n", ["28245 Puruntie 82 Apt. 595"]),
        (
            "99449 Kiannonkatu 18 Apt. 019, Mora de Rubielos, Spain 16200\n",
            ["99449 Kiannonkatu 18 Apt. 019, Mora de Rubielos, Spain 16200"],
        ),
        # words after the unit are the town, capitalised or on a line written in lower case
        ("4410 Tamasi rkp. 6. Apt. 12 Kisvarda Bereg\n", ["4410 Tamasi rkp. 6. Apt. 12 Kisvarda Bereg"]),
        ("212 18 elm avenue suite 4 red deer alberta\n", ["212 18 elm avenue suite 4 red deer alberta"]),
        ("212 18 Elm Avenue Suite 4 then we left\n", []),
        ("19 Mar 2024\n", []),  # a date
        ("2 Tylenol 500\n", []),  # a dose
        ("4 weeks 2 days\n", []),
        ("Take 2 tablets at 8\n", []),
    ],
)
def test_street_lines(text: str, streets: list[str]) -> None:
    assert [text[s:e] for s, e in looks_like_street_line(text)] == streets


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("4844 Søndergade 52\n Apt. 656\n Brønderslev\n\n Denmark 35018", ["Apt. 656", "Brønderslev", "Denmark 35018"]),
        ("6750 Koskikatu 25\nArtilleros\n, CO\n Uruguay 64677", ["Artilleros", "CO", "Uruguay 64677"]),
        ("1987 74 Diakou Street\n Kissousa\n Cyprus 36903? I am in Lodz", ["Kissousa", "Cyprus 36903"]),
        ("25615 Tawastintie 72\nKNIVSTA, nan 18237 after the concert.", ["KNIVSTA, nan 18237"]),
        ("67731 Bramblewood Avenue\nLowell, MA 01851\n\nRE: Notice of", ["Lowell, MA 01851"]),
        # a quoted block: a town named after a place word, then a country and postcode
        (
            "> 41 7 Tui Crescent\n>Suite 9\n>Port Arawa\n>New Zealand 40112",
            ["Suite 9", "Port Arawa", "New Zealand 40112"],
        ),
        ("41 7 Tui Crescent\nLake Oroua\n", ["Lake Oroua"]),
        ("12 Oak Street\nPhone (617) 555-0143\n", []),  # a labelled line ends the block
        ("12 Oak Street\nNew patient forms enclosed\n", []),  # everyday words, not a country
        ("12 Oak Street\n\n6/17/23\n", []),  # a date after a blank line
        ("12 Oak Street\nYOUR RIGHT TO APPEAL\n", []),  # a heading
        ("219 Birch Hollow Road\nPt ambulates with a walker, no falls.", []),  # a sentence
    ],
)
def test_block_lines(text: str, lines: list[str]) -> None:
    first_line_end = text.index("\n")
    assert [text[s:e] for s, e in block_lines(text, first_line_end)] == lines
