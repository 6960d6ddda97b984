from __future__ import annotations

import itertools

import pytest

from graph.redaction.ner_focus import CONTEXT_WORDS, could_be_a_name, focus_regions, ner_focus


@pytest.mark.unit
@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Lachance", True),
        ("KEIKO", True),
        ("Fresno,", True),
        ("(Maria)", True),
        ("You", False),
        ("Humana", False),
        ("Truvada", False),
        ("Appeals", False),
        ("March", False),
        ("denied", False),
        ("12345", False),
        ("E11.65", False),  # codes hold digits
        ("PR-50", False),
        ("D", False),  # an initial stands beside the name it belongs to
        ("F.", False),
        ("ATENCIÓN:", False),  # the language-assistance taglines
        ("Tiếng", False),
        ("Pálffy", True),  # accented letters belong to the word
        ("Ólafsdóttir,", True),
        ("Download", False),  # everyday words: the policy never takes one alone for a name or a place
        ("Mr.", False),
    ],
)
def test_could_be_a_name(word: str, expected: bool) -> None:
    assert could_be_a_name(word) is expected


@pytest.mark.unit
def test_focus_keeps_length_newlines_and_the_words_around_names() -> None:
    boilerplate = "you may ask us for a copy of the rules we used to make this decision at no cost to you. " * 3
    text = f"{boilerplate}\nYesterday Maria Lopez called us.\n{boilerplate}"
    focused = ner_focus(text)
    assert len(focused) == len(text)
    assert [i for i, c in enumerate(text) if c == "\n"] == [i for i, c in enumerate(focused) if c == "\n"]
    assert "Maria Lopez called us." in focused
    # Far from any name, the boilerplate is blanked; what is kept is kept in place.
    assert "rules we used" not in focused
    for i, c in enumerate(focused):
        assert c == text[i] or c == " "


@pytest.mark.unit
def test_context_window_is_what_the_model_reads_around_a_name() -> None:
    words = [f"w{i}" for i in range(20)]
    words[10] = "Quattlebaum"
    kept = ner_focus(" ".join(words)).split()
    assert kept == words[10 - CONTEXT_WORDS : 10 + CONTEXT_WORDS + 1]


@pytest.mark.unit
def test_text_with_no_possible_name_is_all_blank_but_newlines() -> None:
    text = "You have the right to appeal.\nWe will review it."
    assert ner_focus(text).strip() == ""
    assert ner_focus(text).count("\n") == 1


@pytest.mark.unit
def test_focus_regions_are_the_kept_stretches_in_order() -> None:
    boilerplate = "you may ask us for a copy of the rules we used to make this decision. "
    text = f"{boilerplate}Yesterday Maria Lopez called.\n{boilerplate}and Dr. Quattlebaum wrote back."
    regions = focus_regions(text)
    kept = ner_focus(text)
    assert all(a_end < b_start for (_, a_end), (b_start, _) in itertools.pairwise(regions))
    assert "".join(kept[s:e] for s, e in regions) == "".join(text[s:e] for s, e in regions)
    assert kept.split() == " ".join(text[s:e] for s, e in regions).split()


@pytest.mark.unit
def test_a_settled_name_brings_the_model_nowhere() -> None:
    boilerplate = "you may ask us for a copy of the rules we used to make this decision. "
    text = f"{boilerplate}Dear Tomomi Nishiyama, {boilerplate}"
    name = (text.index("Tomomi"), text.index(",", text.index("Nishiyama")))
    assert focus_regions(text) != []
    assert focus_regions(text, settled=[name]) == []
    assert ner_focus(text, settled=[name]).strip() == ""


@pytest.mark.unit
def test_a_partly_settled_name_is_still_read_whole() -> None:
    text = "we spoke with Maria Quattlebaum yesterday about the claim"
    maria = (text.index("Maria"), text.index("Maria") + len("Maria"))
    kept = ner_focus(text, settled=[maria]).split()
    assert "Maria" in kept and "Quattlebaum" in kept


@pytest.mark.unit
def test_punctuation_around_a_settled_word_does_not_unsettle_it() -> None:
    text = "Copies go to (Quattlebaum), the member."
    inner = (text.index("Quattlebaum"), text.index("Quattlebaum") + len("Quattlebaum"))
    assert focus_regions(text, settled=[inner]) == []
