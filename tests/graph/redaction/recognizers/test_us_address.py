from __future__ import annotations

import pytest

from graph.redaction.recognizers.us_address import UsAddressRecognizer
from tests.graph.redaction.recognizers.helpers import found

STREET, CITY = 0.8, 0.75


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1234 Elm Street, Apt 5\n", [("1234 Elm Street, Apt 5", STREET)]),
        ("P.O. Box 1234\n", [("P.O. Box 1234", STREET)]),
        ("PO Box 9120\nHarrisburg, PA 17106", [("PO Box 9120", STREET), ("Harrisburg, PA 17106", CITY)]),
        ("Lowell, MA 01851-2201", [("Lowell, MA 01851-2201", CITY)]),
        ("Salt Lake City, UT 84130", [("Salt Lake City, UT 84130", CITY)]),
        (
            "60698 Pemberton Place, Lowell, MA 01802",
            [("60698 Pemberton Place, Lowell, MA 01802", STREET)],
        ),
        ("18108 W 43rd Street\n", [("18108 W 43rd Street", STREET)]),
        ("34407 SE Alder St\n", [("34407 SE Alder St", STREET)]),
        ("41905 County Road 12, Unit 407\n", [("41905 County Road 12, Unit 407", STREET)]),
        ("Springfield, Illinois 62701", [("Springfield, Illinois 62701", CITY)]),
        ("PSC 0413, Box 8144\nAPO AA 42323", [("PSC 0413, Box 8144", STREET), ("APO AA 42323", CITY)]),
        ("Unit 4719 Box 7394 DPO AP 70942", [("Unit 4719 Box 7394 DPO AP 70942", STREET)]),
    ],
)
def test_addresses(text: str, expected: list[tuple[str, float]]) -> None:
    assert found(UsAddressRecognizer(), text) == expected


@pytest.mark.unit
@pytest.mark.parametrize(
    "text",
    [
        "Members in Alaska may call the state.",  # a state alone stays
        "visits 21 through 30 of physical therapy",
        "within 180 days of this notice",
        "CPT 72148 MRI Lumbar Spine",
        "Clinical Policy CP-RAD-017",
    ],
)
def test_non_addresses(text: str) -> None:
    assert found(UsAddressRecognizer(), text) == []
