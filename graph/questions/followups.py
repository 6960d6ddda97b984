"""Up to three follow-up questions a model suggests from the confirmed, already redacted, denial details.

The details enter the prompt only as quoted data; the model answers under FOLLOWUP_SCHEMA. Its reply is
untrusted: `parse_followups` keeps a suggestion only if it is one plain question (ends in "?", at most 300
characters), is not already in the bank, and does not ask for anything that identifies the member. Whatever
goes wrong with the reply, the result is a (possibly empty) list, never an error.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from graph.questions.bank import QuestionBank
from graph.questions.model import AnswerType, Question
from prompts.loader import render
from serving.types import ChatMessage

SYSTEM_PROMPT = "questions/followups.system.j2"
USER_PROMPT = "questions/followups.user.j2"
MAX_FOLLOWUPS = 3
MAX_CHARS = 300
FOLLOWUP_AREA = "followup"
DEFAULT_WHY = "Your answer may help the reviewer understand why you need this care."

_ITEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "text": {"type": "string", "maxLength": MAX_CHARS},
        "why": {"type": "string", "maxLength": MAX_CHARS},
    },
    "required": ["text", "why"],
    "additionalProperties": False,
}
# An object around the list: structured-output servers want an object at the top.
FOLLOWUP_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"questions": {"type": "array", "maxItems": MAX_FOLLOWUPS, "items": _ITEM_SCHEMA}},
    "required": ["questions"],
    "additionalProperties": False,
}

_ASKS_FOR_IDENTITY = re.compile(
    r"""(?ix)
    \b(?:your|my|his|her|their|member'?s?|patient'?s?|subscriber'?s?|full|first|last|legal|middle|maiden)\s+names?\b
    | \bwho\s+are\s+you\b
    | \b(?:your|home|street|mailing|postal|email|e-mail)\s+address
    | \bwhere\s+do\s+you\s+live\b | \b(?:zip|postal)\s*code\b
    | \bdate\s+of\s+birth\b | \bbirth\s*(?:date|day)\b | \bd\.?o\.?b\b | \bborn\b(?!\s+with\b)
    | \bsocial\s+security\b | \bssn\b
    | \b(?:member|subscriber|policy|group|insurance|id|identification|claim|account|case|reference|record|card
         |medicare|medicaid|license|passport)\s*(?:id\b|number|\#)
    | \b(?:your|member|subscriber)\s+id\b | \bid\s+card\b | \bmrn\b
    | \b(?:tele)?phone\b | \b(?:cell|mobile|fax)\s+number\b
    | \be-?mail\b
    """
)


class _Suggestion(BaseModel):
    model_config = ConfigDict(extra="ignore")

    text: str
    why: str = ""


def followup_messages(details_summary: str) -> tuple[list[ChatMessage], str]:
    """The chat to send and its prompt version (sha256 over the two templates' versions, system first)."""
    system = render(SYSTEM_PROMPT)
    user = render(USER_PROMPT, details=details_summary)
    version = hashlib.sha256(f"{system.version}:{user.version}".encode()).hexdigest()
    return [ChatMessage(role="system", content=system.text), ChatMessage(role="user", content=user.text)], version


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def asks_for_identity(text: str) -> bool:
    """Whether a question asks for something that identifies the member (name, address, birth date, ids ...)."""
    return _ASKS_FOR_IDENTITY.search(text) is not None


def _suggestions(reply: str) -> list[object]:
    try:
        data = json.loads(reply)
    except (json.JSONDecodeError, TypeError):
        return []
    if isinstance(data, dict):
        data = data.get("questions")
    return data if isinstance(data, list) else []


def parse_followups(reply: str, bank: QuestionBank) -> list[Question]:
    """The model's usable suggestions as free-text questions `followup_1`..`followup_3`; [] for a bad reply."""
    seen = {_folded(question.text) for question in bank.questions}
    kept: list[Question] = []
    for item in _suggestions(reply):
        try:
            suggestion = _Suggestion.model_validate(item)
        except ValidationError:
            continue
        text = " ".join(suggestion.text.split())
        if not text or len(text) > MAX_CHARS or not text.endswith("?") or _folded(text) in seen:
            continue
        if asks_for_identity(text):
            continue
        why = " ".join(suggestion.why.split())
        try:
            question = Question(
                id=f"followup_{len(kept) + 1}",
                area=FOLLOWUP_AREA,
                text=text,
                answer_type=AnswerType.free_text,
                why=why if 5 <= len(why) <= MAX_CHARS else DEFAULT_WHY,
            )
        except ValidationError:
            continue
        seen.add(_folded(text))
        kept.append(question)
        if len(kept) == MAX_FOLLOWUPS:
            break
    return kept
