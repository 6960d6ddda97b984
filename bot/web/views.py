"""What each turn of the interview looks like in the chat: text (Markdown) and quick replies. No I/O.

Member-supplied and letter-supplied text is escaped before it goes into Markdown, so a letter cannot style
the page or plant a link.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from typing import Any

WELCOME = (
    "**Hello, I'm Overturn.** I help you appeal a health-insurance denial.\n\n"
    "Here is how it works:\n"
    "1. You paste your denial letter or upload it (PDF or a photo).\n"
    "2. I show you what I read in it, and you fix anything I got wrong.\n"
    "3. I ask a few short questions about your care, one at a time.\n"
    "4. I write your appeal letter, for you to download, sign and send.\n\n"
    "Before anything leaves your case, names, addresses, ids and other identifiers are replaced with "
    "placeholders; they are put back only in your finished letter. Your conversation is kept encrypted so you "
    "can come back to it, and you can ask us to delete it at any time.\n\n"
    "This is not legal or medical advice. Do you agree to continue?"
)
ASK_FOR_LETTER = (
    "Please **paste the text of your denial letter** into the box below, or **upload it** with the paperclip "
    "(PDF, PNG or JPEG, one file)."
)
ASK_FOR_NAME = "What name will you sign the letter with? (Type **skip** to leave it out.)"
DECLINED = "All right. Nothing was kept. Reload the page if you change your mind."
NEED_CONSENT = "Please choose **I agree** above to continue, or close this window if you'd rather not."
CONFIRM_BY_FORM = (
    "Please use the form above: change any fact that is wrong, then choose **Looks right**. "
    "You can also type **yes** if everything is right."
)
BUSY = "I'm still working on your last message. Please wait a moment and try again."
TROUBLE = "Sorry, something went wrong on our side. Your answers so far are saved; please try again in a moment."
STARTED_OVER = "Let's start a new appeal."
WELCOME_BACK = "Welcome back. Here is where we left off."

SKIP = "skip"
LETTER_WIDTH = 68
DONT_KNOW = "I don't know"
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~=])")


@dataclass(frozen=True)
class QuickReply:
    label: str
    value: str


@dataclass(frozen=True)
class QuestionView:
    text: str
    replies: list[QuickReply]


def escape(text: str) -> str:
    """Markdown-inert text: every character Markdown could read as syntax is backslash-escaped."""
    # Leading spaces would start a code block, which no backslash can stop.
    flat = "\n".join(line.lstrip() for line in text.split("\n"))
    return _MARKDOWN_SPECIALS.sub(r"\\\1", flat)


def confirmation_text(payload: dict[str, Any]) -> str:
    """The words above the confirmation form (the form itself shows each fact beside the letter's words)."""
    lines = ["**Here is what I read in your letter.** Please check each fact and fix anything I got wrong."]
    if payload.get("notice"):
        lines.append(f"\n⚠️ {escape(str(payload['notice']))}")
    return "\n".join(lines)


def confirmation_props(payload: dict[str, Any]) -> dict[str, Any]:
    """The editable form's props: one field per fact, with its value, confidence and the letter's words."""
    return {
        "notice": payload.get("notice") or "",
        "rows": [
            {
                "field": str(row["field"]),
                "label": str(row["label"]),
                "value": str(row.get("value") or ""),
                "confidence": row.get("confidence"),
                "evidence": _shorten(str(row.get("evidence") or ""), 160),
            }
            for row in payload.get("rows", [])
        ],
    }


def corrections_from_form(payload: dict[str, Any], submitted: object) -> dict[str, str]:
    """Only the fields the member changed, and only fields the confirmation offered."""
    if not isinstance(submitted, dict):
        return {}
    shown = {str(row["field"]): str(row.get("value") or "") for row in payload.get("rows", [])}
    changed = {}
    for field, value in submitted.items():
        if field in shown and isinstance(value, str) and value.strip() != shown[field].strip():
            changed[field] = value.strip() or "none"
    return changed


def question_view(payload: dict[str, Any]) -> QuestionView:
    lines = []
    if payload.get("reask"):
        lines.append(f"⚠️ {escape(str(payload['reask']))}\n")
    count = f"Question {payload['number']}" + (f" of about {payload['planned']}" if payload.get("planned") else "")
    lines.append(f"**{count}.** {escape(str(payload['text']))}")
    if payload.get("prefill"):
        lines.append(f"\nFrom your letter: *{escape(str(payload['prefill']))}*. Choose **Keep** if that is right.")
    if payload.get("why"):
        lines.append(f"\n*Why I ask: {escape(str(payload['why']))}*")
    return QuestionView("\n".join(lines), _quick_replies(payload))


def _quick_replies(payload: dict[str, Any]) -> list[QuickReply]:
    replies: list[QuickReply] = []
    if payload.get("prefill"):
        replies.append(QuickReply(f"Keep: {_shorten(str(payload['prefill']), 40)}", ""))
    if payload.get("answer_type") == "yes_no":
        replies += [QuickReply("Yes", "yes"), QuickReply("No", "no")]
    elif payload.get("answer_type") == "choice":
        replies += [QuickReply(str(choice), str(choice)) for choice in payload.get("choices", [])]
    replies += [QuickReply("Skip", SKIP), QuickReply(DONT_KNOW, DONT_KNOW)]
    return replies


def finished_text(payload: dict[str, Any], links: str) -> str:
    notes = []
    if payload.get("status") == "needs_review":
        notes.append("⚠️ Please have someone review this letter before you send it: some of our checks did not pass.")
    if payload.get("source") == "template":
        notes.append("This letter was written from our template.")
    notes.append("Download it, add anything you want, sign it and send it to your plan.")
    notes.append(links)
    notes.append("To copy the text instead, use the copy button on the letter.")
    return "\n\n".join(notes)


def letter_stream(text: str) -> list[str]:
    """The letter as a fenced block, in the pieces it is streamed in: opening fence, paragraphs, closing fence.

    Inside a fence nothing is Markdown, so the letter shows exactly as written and its copy button copies the
    plain text. The fence is longer than any run of backticks in the letter, so the letter cannot close it.
    """
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{fence}text\n", *letter_chunks(wrap_for_screen(text.rstrip("\n"))), f"\n{fence}"]


def wrap_for_screen(text: str, width: int = LETTER_WIDTH) -> str:
    """Long lines broken at spaces, because a code block does not wrap; the downloads keep the real lines."""
    return "\n".join(
        textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False) if len(line) > width else line
        for line in text.split("\n")
    )


def letter_chunks(text: str) -> list[str]:
    """The letter in the pieces it is streamed in: a paragraph (with its blank line) at a time."""
    pieces = re.split(r"(\n\s*\n)", text)
    chunks: list[str] = []
    for piece in pieces:
        if chunks and not piece.strip():
            chunks[-1] += piece
        elif piece:
            chunks.append(piece)
    return chunks


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
