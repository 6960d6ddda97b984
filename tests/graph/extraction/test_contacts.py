from __future__ import annotations

import pytest

from graph.extraction.contacts import find_appeal_contacts
from tests.graph.extraction.helpers import assert_spans_exact, body_letter, values

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("To appeal, fax your letter to (217) 555-0143.", "(217) 555-0143"),
        ("Appeals Unit\nFax: 1-888-555-0101\n", "1-888-555-0101"),
        ("File your appeal by fax at 1.800.555.0123 or call us at 1-800-555-0456.", "1-800-555-0123"),
        ("Grievances: phone 617-555-0100 fax 617-555-0199", "(617) 555-0199"),
        ("Send appeals to the Review Unit at 312-555-0175 (fax).", "(312) 555-0175"),
        (
            "You can mail or fax your appeal: by fax [Plan Name] Appeals Unit 1-516-555-0127.",
            "1-516-555-0127",
        ),
    ],
)
def test_finds_the_appeal_fax(text: str, expected: str) -> None:
    letter = body_letter(text)
    found = find_appeal_contacts(letter)
    assert values(found, "appeal_fax") == [expected]
    assert_spans_exact(letter, found)


@pytest.mark.parametrize(
    "text",
    [
        "To file an appeal, call 1-800-555-0199 (TTY 711).",
        "Questions? Call 1-888-555-0100. Fax: 1-888-555-0101",
        "FAX:\nMAILING ADDRESS: / EMAIL ADDRESS:",
        "Name of Plan Telephone/Fax\n\nYou may have the right to appeal.",
        "To appeal, fax us at 1-800-XXX-XXXX.",
        "Appeals: call 555-0142 or fax us.",
        "To appeal, call 123-456-7890 or fax.",
    ],
)
def test_phone_numbers_and_blanks_are_not_the_appeal_fax(text: str) -> None:
    assert values(find_appeal_contacts(body_letter(text)), "appeal_fax") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "To appeal, mail your letter to:\nAppeals Unit\nPO Box 4410\nSpringfield, IL 62704\n",
            "PO Box 4410, Springfield, IL 62704",
        ),
        (
            "Send your appeal to 1200 Maple Grove Road, Suite 5, Dayton, OH 45402.",
            "1200 Maple Grove Road, Suite 5, Dayton, OH 45402",
        ),
        (
            "In writing by mail: Grievance and Appeals P.O. Box AB7781 Glen Cove, New York 11542.",
            "P.O. Box AB7781 Glen Cove, New York 11542",
        ),
    ],
)
def test_finds_the_appeal_mailing_address(text: str, expected: str) -> None:
    letter = body_letter(text)
    found = find_appeal_contacts(letter)
    assert values(found, "appeal_address") == [expected]
    assert_spans_exact(letter, found)


@pytest.mark.parametrize(
    "text",
    [
        "Appeals may be dropped off in person at 77 Harbor Street, Portland, ME 04101.",
        "Appeals: P.O. Box XXXX, Anytown, NY 10001",
        "Bright Valley Health\nPO Box 100\nAlbany, NY 12207\n\nDear Member, thank you for your request.",
        "Mail appeals to: [ADDRESS]",
    ],
)
def test_other_addresses_are_not_the_appeal_address(text: str) -> None:
    assert values(find_appeal_contacts(body_letter(text)), "appeal_address") == []
