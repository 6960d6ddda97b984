"""Putting recognized text boxes back into reading order: boxes sharing a line left to right, line by line."""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

# A box sits on a line when their vertical extents overlap by at least this share of the shorter of the two.
_SAME_LINE_OVERLAP = 0.5
_SPACES = re.compile(r"\s+")
# Only boxes at least this many times wider than tall say reliably how the page is tilted.
_WIDE_BOX_RATIO = 3.0

Point = tuple[float, float]
Quad = Sequence[Point]  # top-left, top-right, bottom-right, bottom-left, as the detector gives them


@dataclass(frozen=True)
class TextBox:
    left: float
    top: float
    right: float
    bottom: float
    text: str
    confidence: float

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def boxes_from_quads(quads: Sequence[Quad], texts: Sequence[str], confidences: Sequence[float]) -> list[TextBox]:
    """Upright boxes from the detector's quadrilaterals, turned by the page's tilt so that the lines of a
    slightly rotated scan stay apart (at a 2-degree tilt a long line's upright bounds reach the next one)."""
    tilt = page_tilt(quads)
    boxes = []
    for quad, text, confidence in zip(quads, texts, confidences, strict=True):
        points = [_rotate(point, -tilt) for point in quad]
        xs = [x for x, _ in points]
        ys = [y for _, y in points]
        boxes.append(TextBox(min(xs), min(ys), max(xs), max(ys), text, confidence))
    return boxes


def page_tilt(quads: Sequence[Quad]) -> float:
    """The median angle (radians) of the top edges of the wide boxes; 0 when there are none."""
    angles = []
    for top_left, top_right, _, bottom_left in quads:
        width = math.dist(top_left, top_right)
        height = math.dist(top_left, bottom_left)
        if width >= _WIDE_BOX_RATIO * max(height, 1.0):
            angles.append(math.atan2(top_right[1] - top_left[1], top_right[0] - top_left[0]))
    return statistics.median(angles) if angles else 0.0


def _rotate(point: Point, angle: float) -> Point:
    x, y = point
    cos, sin = math.cos(angle), math.sin(angle)
    return x * cos - y * sin, x * sin + y * cos


@dataclass
class _Line:
    boxes: list[TextBox]
    top: float
    bottom: float

    def add(self, box: TextBox) -> None:
        self.boxes.append(box)
        # The line's extent is the mean of its boxes', so one tall box does not swallow the next line.
        self.top = sum(b.top for b in self.boxes) / len(self.boxes)
        self.bottom = sum(b.bottom for b in self.boxes) / len(self.boxes)

    def holds(self, box: TextBox) -> bool:
        overlap = min(self.bottom, box.bottom) - max(self.top, box.top)
        shorter = min(self.bottom - self.top, box.height)
        return shorter > 0 and overlap >= _SAME_LINE_OVERLAP * shorter


def group_lines(boxes: Sequence[TextBox]) -> list[list[TextBox]]:
    """Boxes grouped into lines, top to bottom; each line's boxes left to right."""
    lines: list[_Line] = []
    for box in sorted(boxes, key=lambda b: (b.middle, b.left)):
        line = next((candidate for candidate in reversed(lines[-3:]) if candidate.holds(box)), None)
        if line is None:
            lines.append(_Line([box], box.top, box.bottom))
        else:
            line.add(box)
    return [sorted(line.boxes, key=lambda b: b.left) for line in lines]


def assemble_text(boxes: Sequence[TextBox]) -> str:
    """Each line's boxes joined by single spaces, lines by newlines; runs of spaces in a box become one."""
    lines = ([_SPACES.sub(" ", box.text).strip() for box in line] for line in group_lines(boxes))
    rendered = (" ".join(part for part in parts if part) for parts in lines)
    return "\n".join(line for line in rendered if line)


def mean_confidence(boxes: Sequence[TextBox]) -> float | None:
    """Mean recognizer confidence weighted by characters, so a stray one-letter box counts for little."""
    weights = [len(box.text.strip()) for box in boxes]
    total = sum(weights)
    if total == 0:
        return None
    return sum(box.confidence * weight for box, weight in zip(boxes, weights, strict=True)) / total
