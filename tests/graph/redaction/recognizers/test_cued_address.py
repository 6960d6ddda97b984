from __future__ import annotations

import pytest

from graph.redaction.recognizers.cued_address import CuedAddressRecognizer
from tests.graph.redaction.recognizers.helpers import found


def _values(text: str) -> list[str]:
    return [value for value, _ in found(CuedAddressRecognizer(), text)]


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "addresses"),
    [
        ("Tomomi Nishiyama lives at 86036 Rua do Arenque 1634, Goiânia", ["86036 Rua do Arenque 1634, Goiânia"]),
        (
            "The address of Persint is 6750 Koskikatu 25 Apt. 864\nArtilleros",
            ["6750 Koskikatu 25 Apt. 864", "Artilleros"],
        ),
        (
            "Address: Brucker Bundesstrasse 31 Zezig Streets\n Suite 245",
            ["Brucker Bundesstrasse 31 Zezig Streets", "Suite 245"],
        ),
        ("The bus station is on Villacher Strasse 89", ["Villacher Strasse 89"]),
        ("He lives on the north side of Calle Ostende 2210.", ["Calle Ostende 2210"]),
        # a name-then-number street may run on into a number-first one; the lines under it follow
        ("It's in Οδός Ερμού 45 Kora Point\n Apt. 6\n Larnaka", ["Οδός Ερμού 45 Kora Point", "Apt. 6", "Larnaka"]),
        # "and" before the next address of a list ends the first
        (
            "here they are: 12 Oak Street, Lowell, and the corner of Elm and Pine",
            ["12 Oak Street, Lowell"],
        ),
        (
            "Lives at 12 Larch St, Dorchester MA 02124 with wife Imelda.\nPhone (617)",
            ["12 Larch St, Dorchester MA 02124"],
        ),
        ("lives at 12 Oak St, Boston MA 02118. MRN: 00123456. Phone (617)", ["12 Oak St, Boston MA 02118"]),
        ("He lives at 12 Oak St. Boston is nice.", ["12 Oak St"]),  # an abbreviation, then a new sentence
        ("She lives in Framingham and works", ["Framingham"]),
        ("is an 81 y/o woman from Chicopee who presented", ["Chicopee"]),
        ("transferred from St. Anne's Hospital in Taunton.", ["Taunton"]),
        ("seen at the Wexford Clinic in North Attleborough last year", ["North Attleborough"]),
        ("a 45 yo gentleman from Rutland, VT, with", ["Rutland"]),
        ("discharged home to Quincy with his son", ["Quincy"]),
        ("Lives with her grandson Malik in Roxbury.", ["Roxbury"]),
        ("lives with wife ruth in lowell. plan: pfts", ["lowell"]),
        ("Transferred from Hampden County jail", ["Hampden County"]),
        # a chat: the cue ends a question, and the next speaker's answer is the address
        ("Bot: Where should we send it? Member: 5586 Larkspur Lane 31, Arnsdorf", ["5586 Larkspur Lane 31, Arnsdorf"]),
        (
            "bot: where should it be sent to? user: 0605 elm st apt. 9\nnaples, fl 34102",
            ["0605 elm st apt. 9", "naples, fl 34102"],
        ),
        ("Where should we send it?\nMember: 12 Oak Street, Lowell", ["12 Oak Street, Lowell"]),
    ],
)
def test_addresses_the_words_point_at(text: str, addresses: list[str]) -> None:
    assert _values(text) == addresses


@pytest.mark.unit
@pytest.mark.parametrize(
    "text",
    [
        "Billing address: Sara Schwarz\n",  # a name after the label, no number
        "Patient is on Lisinopril 20 mg",  # a drug and a dose
        "She was born in Mexico",  # a country
        "He moved to Texas",  # a state
        "lives in assisted living",
        "seen at Boston Medical Center",
        "lives at home with family",
        "He lives on the other side of town",
        "It's in Room 20 Green Wing",  # words after the number that end in no street word
        "Where should we send it? Member: I am not sure yet, 2 weeks maybe",  # an answer that is no address
    ],
)
def test_no_address(text: str) -> None:
    assert _values(text) == []
