"""Member, subscriber and beneficiary identifiers: "Member ID: W520569162-03", "Subscriber #  XQP4471902"."""

from __future__ import annotations

import re

from graph.redaction.entities import MEMBER_ID
from graph.redaction.recognizers.labelled_value import LabelledValueRecognizer

# 123-45-6789 written after "ID" is a Social Security number used as an id; presidio's SSN recognizer owns it.
SSN_SHAPE = re.compile(r"\d{3}([- ])\d{2}\1\d{4}")
SSN_LABEL = re.compile(r"\bssn\b|social\s+security", re.IGNORECASE)


class MemberIdRecognizer(LabelledValueRecognizer):
    ENTITY = MEMBER_ID
    LABELS = (
        r"(?:member|subscriber|enrollee|participant|beneficiary|insured|cardholder|recipient|patient|"
        r"policy\s*holder|client|medicaid\s+client|card|insurance|insurance\s+card)"
        r"(?:'s)?\s+(?:id\b|identification|identifier|#|number|no\b)"
        r"|medicare\s+beneficiary\s+identifier|\bmbi\b|medicaid\s+(?:id\b|number|#)|health\s+plan\s+id\b"
        r"|policy\s+(?:id\b|number|#|no\b)|certificate\s+(?:number|#|no\b)"
        r"|\bid\s*(?:#|number|no\b\.?|card\s+number)"
        r"|identification\s+number|alternate\s+id\b|member\s*#|\bcin\b"
    )

    def accepts_match(self, match: re.Match[str]) -> bool:
        """An id the letter calls an SSN ("Participant ID (SSN): ...") is left to the SSN recognizer."""
        label = match.group(0)[: match.start("value") - match.start()]
        return super().accepts_match(match) and SSN_LABEL.search(label) is None

    def accepts(self, value: str) -> bool:
        return super().accepts(value) and SSN_SHAPE.fullmatch(value) is None
