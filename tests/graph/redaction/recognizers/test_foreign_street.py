from __future__ import annotations

import pytest

from graph.redaction.recognizers.foreign_street import ForeignStreetRecognizer
from tests.graph.redaction.recognizers.helpers import found


def _values(text: str) -> list[str]:
    return [value for value, _ in found(ForeignStreetRecognizer(), text)]


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "addresses"),
    [
        # a word with a street suffix, then the house number
        ("She moved to Birkevej 14 last spring.", ["Birkevej 14"]),
        ("Hauptstraße 7", ["Hauptstraße 7"]),
        # a postcode or house number and a unit before the street, units after it
        ("Apt. 12 4410 Kongensgade 9", ["Apt. 12 4410 Kongensgade 9"]),
        ("update it to: 77 Lindengasse 3 Apt. 21", ["77 Lindengasse 3 Apt. 21"]),
        # a street word before the name, capitalised unless an abbreviation
        ("send it to ul. Zielona 8", ["ul. Zielona 8"]),
        ("Via della Pace 21, Lucca", ["Via della Pace 21"]),
        ("Rua das Flores 310", ["Rua das Flores 310"]),
        ("Οδός Ερμού 45", ["Οδός Ερμού 45"]),
        # a street word after the name, with a full stop after the number
        ("the corner of Petőfi u. 3. and", ["Petőfi u. 3."]),
        ("Duna rkp. 12. Apt. 4", ["Duna rkp. 12. Apt. 4"]),
        ("Ady Endre utca 27", ["Ady Endre utca 27"]),
        # a street that ends its line takes the town, country and postcode lines under it
        ("9021 Skovvej 5\nOdense\nDenmark 5000\n\nDear member,", ["9021 Skovvej 5", "Odense", "Denmark 5000"]),
        ("3 Rosengade 11, Apt. 2\nHolbæk 4300", ["3 Rosengade 11, Apt. 2", "Holbæk 4300"]),
    ],
)
def test_streets(text: str, addresses: list[str]) -> None:
    assert _values(text) == addresses


@pytest.mark.unit
@pytest.mark.parametrize(
    "text",
    [
        "Faxed via Fax 2 times",  # an everyday word after "via"
        "sent via Availity 2 days ago",  # "via" in lower case is English
        "Smith et al. Lancet 2019;393:12",  # a citation
        "Lasix 40 mg daily",
        "Section 3 of the plan, page 12",
        "Weg 5",  # a suffix alone is no street name
        "The Delegate 2 form",  # an English word that happens to end like a street
        "strasse 12",  # a street word with no name before it
        "Birkevej 14.5 mg",  # a decimal, not a house number
    ],
)
def test_not_streets(text: str) -> None:
    assert _values(text) == []
