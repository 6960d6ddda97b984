from __future__ import annotations

import itertools

import pytest

from graph.redaction.chunking import Window, whole_spans, windows
from graph.redaction.entities import PhiSpan


@pytest.mark.unit
def test_a_short_text_is_one_window() -> None:
    assert windows("short text", size=100, overlap=10) == [Window(0, 10)]


@pytest.mark.unit
def test_windows_cover_the_text_overlap_and_cut_at_spaces() -> None:
    text = " ".join(f"word{i:04d}" for i in range(2000))
    found = windows(text, size=1000, overlap=200)
    assert found[0].start == 0 and found[-1].end == len(text)
    for before, after in itertools.pairwise(found):
        assert after.start == before.end - 200  # the overlap
        assert text[before.end - 1] == " "  # cut after a space, not inside a word
        assert before.end - before.start <= 1000


@pytest.mark.unit
def test_a_window_must_be_wider_than_twice_its_overlap() -> None:
    with pytest.raises(ValueError, match="twice the overlap"):
        windows("x" * 100, size=20, overlap=10)


@pytest.mark.unit
@pytest.mark.parametrize(
    ("span", "kept"),
    [
        (PhiSpan("PERSON", 120, 130, 0.8), True),
        (PhiSpan("PERSON", 100, 110, 0.8), False),  # touches the inner start edge
        (PhiSpan("PERSON", 190, 200, 0.8), False),  # touches the inner end edge
    ],
)
def test_spans_touching_an_inner_edge_are_left_to_the_neighbour(span: PhiSpan, kept: bool) -> None:
    assert (whole_spans([span], Window(100, 200), text_length=500) == [span]) is kept


@pytest.mark.unit
def test_spans_at_the_texts_own_edges_are_kept() -> None:
    first, last = PhiSpan("PERSON", 0, 5, 0.8), PhiSpan("PERSON", 495, 500, 0.8)
    assert whole_spans([first, last], Window(0, 500), text_length=500) == [first, last]
