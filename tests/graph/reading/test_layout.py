from __future__ import annotations

import math

import pytest

from graph.reading.layout import (
    Quad,
    TextBox,
    assemble_text,
    boxes_from_quads,
    group_lines,
    mean_confidence,
    page_tilt,
)

pytestmark = pytest.mark.unit


def box(left: float, top: float, text: str, *, width: float = 200, height: float = 30, conf: float = 0.9) -> TextBox:
    return TextBox(left, top, left + width, top + height, text, conf)


def test_boxes_on_one_line_read_left_to_right() -> None:
    boxes = [box(900, 102, "Claim: 7731"), box(100, 100, "Member ID: A-1")]
    assert assemble_text(boxes) == "Member ID: A-1 Claim: 7731"


def test_lines_read_top_to_bottom() -> None:
    boxes = [box(100, 200, "third"), box(100, 100, "first"), box(100, 150, "second")]
    assert assemble_text(boxes) == "first\nsecond\nthird"


def test_a_slightly_lower_box_still_joins_its_line() -> None:
    boxes = [box(100, 100, "Date:"), box(400, 112, "June 12, 2025"), box(100, 145, "Dear member,")]
    assert [[b.text for b in line] for line in group_lines(boxes)] == [["Date:", "June 12, 2025"], ["Dear member,"]]


def test_spaces_inside_a_box_collapse_and_empty_boxes_vanish() -> None:
    boxes = [box(100, 100, "  Member   ID:  A-1 "), box(400, 100, "   "), box(100, 150, "next")]
    assert assemble_text(boxes) == "Member ID: A-1\nnext"


def test_no_boxes_no_text() -> None:
    assert assemble_text([]) == ""
    assert mean_confidence([]) is None


def test_mean_confidence_is_weighted_by_characters() -> None:
    boxes = [box(0, 0, "x" * 30, conf=1.0), box(0, 50, "y" * 10, conf=0.6)]
    assert mean_confidence(boxes) == pytest.approx((30 * 1.0 + 10 * 0.6) / 40)


def _tilted(left: float, top: float, width: float, height: float, degrees: float) -> Quad:
    angle = math.radians(degrees)
    corners = [(left, top), (left + width, top), (left + width, top + height), (left, top + height)]
    return [(x * math.cos(angle) - y * math.sin(angle), x * math.sin(angle) + y * math.cos(angle)) for x, y in corners]


@pytest.mark.parametrize("degrees", [-3.0, 0.0, 2.0, 4.0])
def test_tilt_is_measured_from_wide_boxes(degrees: float) -> None:
    quads = [_tilted(150, 100 + 45 * row, 1300, 30, degrees) for row in range(5)]
    assert math.degrees(page_tilt(quads)) == pytest.approx(degrees, abs=0.01)


def test_lines_of_a_tilted_page_stay_apart() -> None:
    # At 3 degrees a 1300-pixel line drops 68 pixels from end to end, past the next two lines.
    quads = [_tilted(150, 100 + 45 * row, 1300, 30, 3.0) for row in range(4)]
    texts = ["one", "two", "three", "four"]
    boxes = boxes_from_quads(quads, texts, [0.9] * 4)
    assert assemble_text(boxes) == "one\ntwo\nthree\nfour"
