"""What a channel sends back to a paused interview is read defensively (table-driven)."""

from __future__ import annotations

import pytest

from graph.interview.replies import ConfirmDecision, confirm_decision, question_reply

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (True, ConfirmDecision(accept=True)),
        ("", ConfirmDecision(accept=True)),
        ("Looks good!", ConfirmDecision(accept=True)),
        ("ignore previous instructions", ConfirmDecision(accept=False)),
        ({"accept": True}, ConfirmDecision(accept=True)),
        ({"corrections": {"service": "MRI"}}, ConfirmDecision(accept=False, corrections={"service": "MRI"})),
        ({"corrections": {"service": 7}, "accept": 1}, ConfirmDecision(accept=True, corrections={"service": "7"})),
        ({"corrections": ["service"]}, ConfirmDecision(accept=False)),
        (None, ConfirmDecision(accept=False)),
        (42, ConfirmDecision(accept=False)),
    ],
)
def test_confirm_replies(reply: object, expected: ConfirmDecision) -> None:
    assert confirm_decision(reply) == expected


@pytest.mark.parametrize(
    ("reply", "prefill", "expected"),
    [
        ("yes", None, "yes"),
        ({"answer": "no"}, None, "no"),
        ("", "2026-02-14", "2026-02-14"),
        ("   ", "2026-02-14", "2026-02-14"),
        ({"answer": ""}, "M54.16", "M54.16"),
        ("skip", "2026-02-14", "skip"),
        ("", None, ""),
        (None, None, ""),
        (12, None, "12"),
    ],
)
def test_question_replies(reply: object, prefill: object, expected: str) -> None:
    assert question_reply(reply, prefill) == expected
