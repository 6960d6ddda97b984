"""What a turn looks like in the chat: inert Markdown, quick replies, form corrections, the letter's fence."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest

from bot.web.views import (
    DONT_KNOW,
    SKIP,
    QuickReply,
    corrections_from_form,
    escape,
    letter_chunks,
    letter_stream,
    question_view,
)

pytestmark = pytest.mark.unit

HOSTILE = [
    "[click](http://evil)",
    "![pixel](http://evil/p.png)",
    "**bold**",
    "__bold__",
    "_italic_",
    "~~struck~~",
    "<script>alert(1)</script>",
    "<http://evil>",
    "`code`",
    "# Heading",
    "> quoted",
    "- item",
    "+ item",
    "1. item",
    "a | b\n--|--\n1 | 2",
    "Title\n---",
    "back\\slash",
]


class _CommonMark:
    """CommonMark rendering (markdown-it-py, present through rich) to check what Markdown makes of our text."""

    def __init__(self) -> None:
        markdown_it = pytest.importorskip("markdown_it")
        self._md = markdown_it.MarkdownIt("commonmark")

    def render(self, text: str) -> str:
        return str(self._md.render(text))


@pytest.fixture
def commonmark() -> _CommonMark:
    return _CommonMark()


def _shown(text: str) -> str:
    """The HTML CommonMark makes of `text` when it is plain text: one paragraph, HTML-escaped."""
    return f"<p>{html.escape(text, quote=False).replace(chr(34), '&quot;')}</p>\n"


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_as_itself(text: str, commonmark: _CommonMark) -> None:
    assert commonmark.render(escape(text)) == _shown(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_every_markdown_special_is_backslash_escaped(text: str) -> None:
    escaped = escape(text)
    specials = r"\\`*_{}\[\]()#+\-.!|<>~"
    assert re.fullmatch(rf"(?:\\[{specials}]|[^{specials}])*", escaped, flags=re.DOTALL)
    assert re.sub(rf"\\([{specials}])", r"\1", escaped) == text


def test_specific_escapes() -> None:
    assert escape("[click](http://evil)") == r"\[click\]\(http://evil\)"
    assert escape("**bold**") == r"\*\*bold\*\*"
    assert escape("<script>") == r"\<script\>"
    assert escape("plain words, 42") == "plain words, 42"


def test_a_setext_underline_is_inert(commonmark: _CommonMark) -> None:
    assert commonmark.render(escape("Title\n===")) == _shown("Title\n===")


def _question(**changes: Any) -> dict[str, Any]:
    return {"number": 2, "planned": 5, "text": "Did your doctor order it?", **changes}


def _labels(replies: list[QuickReply]) -> list[str]:
    return [reply.label for reply in replies]


def test_a_yes_no_question_offers_yes_no_skip_and_i_dont_know() -> None:
    view = question_view(_question(answer_type="yes_no"))
    assert view.replies == [
        QuickReply("Yes", "yes"),
        QuickReply("No", "no"),
        QuickReply("Skip", SKIP),
        QuickReply(DONT_KNOW, DONT_KNOW),
    ]
    assert view.text.startswith("**Question 2 of about 5.** Did your doctor order it?")


def test_a_choice_question_offers_its_choices_in_order() -> None:
    view = question_view(_question(answer_type="choice", choices=["MRI", "CT scan", 3]))
    assert view.replies == [
        QuickReply("MRI", "MRI"),
        QuickReply("CT scan", "CT scan"),
        QuickReply("3", "3"),
        QuickReply("Skip", SKIP),
        QuickReply(DONT_KNOW, DONT_KNOW),
    ]


def test_a_free_text_question_offers_only_skip_and_i_dont_know() -> None:
    view = question_view(_question(answer_type="text", planned=None))
    assert _labels(view.replies) == ["Skip", DONT_KNOW]
    assert view.text.startswith("**Question 2.** ")


def test_a_prefilled_question_offers_to_keep_the_letters_answer_first() -> None:
    view = question_view(_question(answer_type="yes_no", prefill="Dr. Rivera ordered it on 2026-01-03"))
    assert view.replies[0] == QuickReply("Keep: Dr. Rivera ordered it on 2026-01-03", "")
    assert _labels(view.replies)[1:] == ["Yes", "No", "Skip", DONT_KNOW]
    assert "From your letter: *Dr\\. Rivera ordered it on 2026\\-01\\-03*" in view.text


def test_a_long_prefill_is_shortened_on_its_button() -> None:
    view = question_view(_question(prefill="word " * 30))
    keep = view.replies[0].label
    assert keep.startswith("Keep: word word") and keep.endswith("…") and len(keep) == len("Keep: ") + 40


def test_question_text_reask_prefill_and_why_are_escaped() -> None:
    view = question_view(
        _question(
            text="See [here](http://evil)",
            reask="**Please** answer",
            prefill="<img src=x>",
            why="_because_",
        )
    )
    for raw in ["[here](http://evil)", "**Please**", "_because_"]:
        assert raw not in view.text
    assert "See \\[here\\]\\(http://evil\\)" in view.text
    assert "*\\<img src\\=x\\>*" in view.text
    assert "⚠️ \\*\\*Please\\*\\* answer" in view.text
    assert "*Why I ask: \\_because\\_*" in view.text


def _confirmation() -> dict[str, Any]:
    return {
        "rows": [
            {"field": "insurer", "label": "Insurer", "value": "Acme Health"},
            {"field": "claim_number", "label": "Claim", "value": "C-1"},
            {"field": "service", "label": "Service", "value": None},
        ]
    }


def test_only_changed_fields_come_back_trimmed() -> None:
    submitted = {"insurer": "  Beta Health ", "claim_number": "C-1", "service": "MRI"}
    assert corrections_from_form(_confirmation(), submitted) == {"insurer": "Beta Health", "service": "MRI"}


def test_whitespace_only_changes_are_no_change() -> None:
    assert corrections_from_form(_confirmation(), {"insurer": " Acme Health  ", "service": "   "}) == {}


def test_a_cleared_field_becomes_none() -> None:
    assert corrections_from_form(_confirmation(), {"insurer": "", "claim_number": "  "}) == {
        "insurer": "none",
        "claim_number": "none",
    }


def test_fields_not_offered_and_non_string_values_are_ignored() -> None:
    submitted: dict[object, object] = {
        "insurer": 5,
        "claim_number": None,
        "service": ["MRI"],
        "owner": "someone else",
        "__proto__": "x",
        7: "seven",
    }
    assert corrections_from_form(_confirmation(), submitted) == {}


@pytest.mark.parametrize("submitted", [None, "insurer=Beta", ["insurer", "Beta"], 42, ("insurer", "Beta")])
def test_a_submission_that_is_not_a_form_is_no_correction(submitted: object) -> None:
    assert corrections_from_form(_confirmation(), submitted) == {}


def test_no_rows_means_nothing_can_be_corrected() -> None:
    assert corrections_from_form({}, {"insurer": "Beta"}) == {}


LETTERS = [
    "Dear Appeals Unit,\n\nPlease reconsider.\n\nSincerely,\nAna",
    "One paragraph only",
    "Trailing newlines\n\n\n",
    "\n\nLeading blank lines\n\nand spaces  \n \n\nbetween",
    "Contains ``` a fence\n```\nand more ``` text",
    "A run of four ```` and two `` backticks",
    "Ends with a backtick `",
    "```\nstarts with a fence",
    "Unicode: Zoë Nguyễn — “quoted” – ok…",
    "",
]


@pytest.mark.parametrize("letter", LETTERS)
def test_letter_chunks_join_to_the_letter(letter: str) -> None:
    chunks = letter_chunks(letter)
    assert "".join(chunks) == letter
    assert all(chunks)


def test_letter_chunks_are_paragraphs() -> None:
    assert letter_chunks("Dear X,\n\nFirst.\nStill first.\n\nSecond.") == [
        "Dear X,\n\n",
        "First.\nStill first.\n\n",
        "Second.",
    ]


@pytest.mark.parametrize("letter", LETTERS)
def test_the_streamed_letter_is_the_letter_in_a_fence(letter: str) -> None:
    pieces = letter_stream(letter)
    joined = "".join(pieces)
    opening, closing = pieces[0], pieces[-1]
    fence = opening.removesuffix("text\n")
    assert set(fence) == {"`"} and len(fence) >= 3
    assert closing == "\n" + fence
    assert joined == f"{fence}text\n{letter.rstrip(chr(10))}\n{fence}"
    assert "".join(pieces[1:-1]) == letter.rstrip("\n")
    longest = max((len(run) for run in re.findall(r"`+", letter)), default=0)
    assert len(fence) > longest


@pytest.mark.parametrize("letter", LETTERS)
def test_markdown_shows_the_streamed_letter_verbatim(letter: str, commonmark: _CommonMark) -> None:
    rendered = commonmark.render("".join(letter_stream(letter)))
    body = letter.rstrip("\n")
    expected_body = html.escape(body + "\n", quote=False).replace('"', "&quot;")
    assert rendered == f'<pre><code class="language-text">{expected_body}</code></pre>\n'


@pytest.mark.parametrize("run", [3, 4, 7])
def test_a_letter_cannot_close_the_fence(run: int, commonmark: _CommonMark) -> None:
    letter = f"Before\n{'`' * run}\n# Not a heading\n[link](http://evil)\n{'`' * run}\nAfter"
    pieces = letter_stream(letter)
    assert pieces[0] == "`" * (run + 1) + "text\n"
    rendered = commonmark.render("".join(pieces))
    assert rendered.count("<pre>") == 1 and "<h1>" not in rendered and "<a " not in rendered
