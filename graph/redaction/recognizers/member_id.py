"""Member, subscriber and beneficiary identifiers: "Member ID: W520569162-03", "Subscriber #  XQP4471902", and
an id named by the plan's initials alone ("insurance BCBS ID XHP881022741", "UHC ID: 91822730"). Initials that
name another kind of number ("CLAIM ID", "NPI", "TAX ID") are left to that number's recognizer."""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from graph.redaction.cue_search import cue_finditer
from graph.redaction.entities import MEMBER_ID
from graph.redaction.recognizers.labelled_value import ID_VALUE, SEPARATOR, LabelledValueRecognizer

# 123-45-6789 written after "ID" is a Social Security number used as an id; presidio's SSN recognizer owns it.
SSN_SHAPE = re.compile(r"\d{3}([- ])\d{2}\1\d{4}")
SSN_LABEL = re.compile(r"\bssn\b|social\s+security", re.IGNORECASE)
# "ID" after a word in capitals: the plan's initials ("BCBS ID XHP881022741").
_ID_AFTER_INITIALS = re.compile(rf"(?<![A-Za-z0-9])id\b{SEPARATOR}(?P<value>{ID_VALUE})(?![A-Za-z0-9])", re.IGNORECASE)
_INITIALS_BEFORE = re.compile(r"(?<![A-Za-z])(?P<initials>[A-Z]{2,6})[^\S\n]{1,3}$")
INITIALS_CHARS = 10
# Initials that name another kind of number, each with its own recognizer or none (a tax or DEA number is a
# provider's, not the member's).
OTHER_NUMBERS = frozenset(
    {"CLAIM", "GROUP", "GRP", "REF", "CASE", "AUTH", "PA", "NPI", "TAX", "TIN", "EIN", "DEA", "RX", "NDC"}
    | {"FILE", "UM", "IRE", "MRN", "ACCT", "ENC", "VISIT", "APPEAL"}
)


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
        r"|(?:your|his|her|their|my)\s+(?:member\s+|insurance\s+|plan\s+)?id\b"
    )

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        results = super().find(text, nlp_artifacts)
        taken = {(r.start, r.end) for r in results}
        for match in cue_finditer(_ID_AFTER_INITIALS, text):
            span = (match.start("value"), match.end("value"))
            before = _INITIALS_BEFORE.search(text, max(0, match.start() - INITIALS_CHARS), match.start())
            named = before is not None and before.group("initials") not in OTHER_NUMBERS
            if named and span not in taken and self.accepts_match(match):
                results.append(self.result(*span))
                taken.add(span)
        return sorted(results, key=lambda r: (r.start, r.end))

    def accepts_match(self, match: re.Match[str]) -> bool:
        """An id the letter calls an SSN ("Participant ID (SSN): ...") is left to the SSN recognizer."""
        label = match.group(0)[: match.start("value") - match.start()]
        return super().accepts_match(match) and SSN_LABEL.search(label) is None

    def accepts(self, value: str) -> bool:
        return super().accepts(value) and SSN_SHAPE.fullmatch(value) is None
