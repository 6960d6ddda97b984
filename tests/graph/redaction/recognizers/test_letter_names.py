from __future__ import annotations

import pytest

from graph.redaction.recognizers.letter_names import LetterNamesRecognizer
from tests.graph.redaction.recognizers.helpers import found


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dear Maria Lopez,\n\nWe reviewed", [("Maria Lopez", 0.85)]),
        ("Dear Ms. Lopez:", [("Lopez", 0.85)]),
        ("Dear Maria,", [("Maria", 0.85)]),
        ("Patient: LOPEZ, MARIA E\nDOB", [("LOPEZ, MARIA E", 0.85)]),
        ("Pt Name: GARCIA-LOPEZ, ESTEBAN   Sex: M", [("GARCIA-LOPEZ, ESTEBAN", 0.85)]),
        ('Client: Darnell "DJ" Whitfield-Ames\n', [('Darnell "DJ" Whitfield-Ames', 0.85)]),  # a nickname inside
        ("Member Name: Uriel T. McAllister\n", [("Uriel T. McAllister", 0.85)]),
        ("Enrollee's Name: Priya O'Rourke\n", [("Priya O'Rourke", 0.85)]),
        ("Covered Person: Dalia Van der Berg\n", [("Dalia Van der Berg", 0.85)]),
        ("Subscriber: Keiko Balogun        Member ID: W7", [("Keiko Balogun", 0.85)]),
        ("Requesting provider: Dr. Ana Ruiz, MD, FACS\n", [("Ana Ruiz", 0.85)]),
        ("reviewed by Dr. Jasper Iwasaki, who is board certified", [("Jasper Iwasaki", 0.85)]),
        ("Sincerely,\n\nJasper Iwasaki, MD\nMedical Director", [("Jasper Iwasaki", 0.8)]),
        ("Sincerely,\nTheo Vance\n", [("Theo Vance", 0.8)]),
        ("June 3, 2025\n\nURIEL MCALLISTER\n67731 Bramblewood Avenue\n", [("URIEL MCALLISTER", 0.8)]),
        ("Your county caseworker is Rashida Okonkwo. Call", [("Rashida Okonkwo", 0.8)]),
        ("My name is Tobias Kern and", [("Tobias Kern", 0.7)]),
        ("seen by Dr. A. Patel for chest pain", [("A. Patel", 0.85)]),
        ("-- K. Abernathy, RN", [("K. Abernathy", 0.8)]),
        ("Patient: Lopez\nDOB: 2/9/1966", [("Lopez", 0.85)]),
        ("Hi Freddy, I'm contacting you", [("Freddy", 0.85)]),
        ("What's your last name? Turgeon", [("Turgeon", 0.7)]),
        ("Maureen Thibault\n\n41086 Kiannonkatu 98\n", [("Maureen Thibault", 0.8)]),
        (">Esat Jeknić\n>3378 217 Lovers Lane\n", [("Esat Jeknić", 0.8)]),  # accented letters
        ("Patient: ÁVALOS, ARISTÓTELES\n", [("ÁVALOS, ARISTÓTELES", 0.85)]),
    ],
)
def test_names_where_the_layout_puts_them(text: str, expected: list[tuple[str, float]]) -> None:
    assert found(LetterNamesRecognizer(), text) == expected


@pytest.mark.unit
@pytest.mark.parametrize(
    "text",
    [
        "Dear Valued Member,",
        "Dear Member:",
        "Dear [Customer],",
        "Dear Sir or Madam,",
        "Dear Customer Service Team,",
        "Provider: Lakeview Regional Medical Center\n",
        "FROM: Sunmesa Utilization Management      FAX: 1",
        "Attn: Appeals and Grievances\n",
        "Sincerely,\n\nBrightPath Appeals Department\n",
        "Sincerely,\nUtilization Management\n",
        "New Castle, PA 16101",  # a city and a state, not a name and a credential
        "RE: Notice of Adverse Benefit Determination\n",
        "Member: [MEMBERNAME]\n",
        "Provider: Mercy Ridge Imaging Center\n",  # an everyday word inside does not hide the organisation
        "Physician: Cardiology\n",
        "Pittsburgh, PA",  # one word before a credential-like state code is a city
    ],
)
def test_generic_addressees_and_organisations_are_not_names(text: str) -> None:
    assert found(LetterNamesRecognizer(), text) == []
