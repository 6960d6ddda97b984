"""What a channel may send back to a paused interview, read defensively: replies are untrusted input.

Confirm: `{"accept": true}`, `{"corrections": {"field": "value", ...}}` (both may come together: correct,
then accept), or the words "accept"/"yes"/"ok". Question: the answer text, or `{"answer": "..."}`; an empty
answer to a question with a suggested answer takes the suggestion ("skip" skips it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

_ACCEPT_WORDS = frozenset({"", "accept", "yes", "y", "ok", "okay", "looks good", "looks right", "correct", "confirm"})


@dataclass(frozen=True)
class ConfirmDecision:
    accept: bool
    corrections: dict[str, str] = field(default_factory=dict)


def confirm_decision(reply: object) -> ConfirmDecision:
    if reply is True:
        return ConfirmDecision(accept=True)
    if isinstance(reply, str):
        return ConfirmDecision(accept=reply.strip().lower().rstrip(".!") in _ACCEPT_WORDS)
    if isinstance(reply, dict):
        raw = reply.get("corrections") or {}
        corrections = {str(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}
        return ConfirmDecision(accept=bool(reply.get("accept")), corrections=corrections)
    return ConfirmDecision(accept=False)


def question_reply(reply: object, prefill: object) -> str:
    if isinstance(reply, dict):
        reply = reply.get("answer", "")
    text = "" if reply is None else str(reply)
    if not text.strip() and isinstance(prefill, str) and prefill:
        return prefill
    return text
