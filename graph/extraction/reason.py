"""The insurer's stated reason, verbatim, and the policy or guideline it cites."""

from __future__ import annotations

import re

from graph.extraction.letter import Finding, Letter
from graph.extraction.placeholders import is_placeholder
from graph.extraction.sentence_index import SentenceIndex

# "... because:" / "because." / "did not meet the following:" ending a line, or a heading line "Reason for our
# decision": the reason is the paragraph that follows. A paragraph goes on over hard-wrapped lines only: a line
# that ends a sentence ends it, so a letter that puts each paragraph on one line yields just that line.
# Further lines of a paragraph, taken only while the line before did not end a sentence (a hard wrap).
_WRAPPED_LINES = r"(?:(?<![.!?\u201d\"])(?<![.!?\u201d\"][ \t])\n(?!\s*\n)[^\n]+)*"
_INTRO_THEN_PARAGRAPH = re.compile(
    r"(?im)(?:\bbecause|\bdid not meet the following|^[ \t]*reasons? for (?:this|our|the) (?:decision|denial)"
    r"|^[ \t]*why\b[^\n]{0,40}\b(?:den(?:y|ied)|not (?:paid|covered|approved))\b[^\n]{0,30}\??[ \t]*$)"
    r"[ \t]*[:.]?[ \t]*\n\s*(?P<para>[^\n]{20,}" + _WRAPPED_LINES + ")"
)
# "... because: Your doctor told us ..." on the same line.
_INTRO_SAME_LINE = re.compile(r"(?i)\bbecause\s*:[ \t]*(?P<para>[^\n]{20,})")
# "Reason for Denial: ..." as a labelled field.
_LABELLED = re.compile(
    r"(?im)^[ \t]*(?:reason for (?:the )?denial|denial reason|reason)[ \t]*:[ \t]*(?P<para>[^\n]{10,}"
    + _WRAPPED_LINES
    + ")"
)
# "The reason for the denial is that ...".
_REASON_IS = re.compile(
    r"(?i)\bthe reason for (?:the|this|our) (?:denial|decision) is(?: that)?\s+(?P<para>[^\n]{10,}?\.)"
)
# A sentence that denies and gives a reason: "We cannot approve ... as it is not medically necessary."
_DENIES = re.compile(
    r"(?i)\b(?:den(?:y|ied|ying)|cannot approve|unable to approve|not approved|not covered|"
    r"have not approved)\b"
)
_BECAUSE = re.compile(r"(?i)\b(?:because|as it is|as they are|due to|since|is considered|are considered)\b")

# "Anthem Medical Policy SURG.00096 (Surgical and ... Headaches)", "Clinical Policy Bulletin 0123", "LCD L33718"
_POLICY_ID = re.compile(
    r"(?:\b[A-Z][\w&'-]*\s+){0,3}(?:Medical|Clinical|Coverage|Pharmacy|Reimbursement|Payment|Utilization)\s+"
    r"(?:Policy(?:\s+Bulletin)?|Guideline|Criteria)\s+(?:No\.?\s*|#\s*)?[A-Z0-9][\w.-]*\d[\w.-]*"
    r"(?:\s*\([^()\n]{3,120}\))?"
    r"|\b(?:LCD|NCD|LCA)\s+(?:#\s*)?L?\d[\d.]*\b(?:\s*\([^()\n]{3,120}\))?"
)
# "We used AIM Specialty Health Guideline titled Imaging of the Head and Neck to make this decision."
_POLICY_TITLED = re.compile(
    r"(?:\b[A-Z][\w&'-]*\s+){0,4}(?:Guideline|Policy|Criteria)\s+(?:titled|called|named)\s+"
    r"[\"“]?(?P<title>[A-Z][^\n.\"”]{3,100}?)[\"”]?(?=\s+to\s+make|\s+in\s+making|[.,;\n]|\s+which)"
)


def _trim(text: str) -> tuple[int, int]:
    """Leading and trailing blank/quote characters to drop from a reason paragraph."""
    left = len(text) - len(text.lstrip(" \t\r\n“\"'"))
    right = len(text.rstrip(" \t\n”\"'"))
    return left, right


def _finding(letter: Letter, start: int, text: str, confidence: float) -> Finding | None:
    left, right = _trim(text)
    value = text[left:right]
    if len(value) < 10 or is_placeholder(value):
        return None
    span = letter.span(start + left, start + right)
    return Finding("reason", span.text, (span,), confidence)


def find_reason(letter: Letter) -> list[Finding]:
    findings: list[Finding] = []
    for pattern, confidence in (
        (_LABELLED, 0.9),
        (_INTRO_THEN_PARAGRAPH, 0.85),
        (_INTRO_SAME_LINE, 0.85),
        (_REASON_IS, 0.85),
    ):
        for match in pattern.finditer(letter.text):
            if not letter.in_body(match.start("para")):
                continue
            found = _finding(letter, match.start("para"), match.group("para"), confidence)
            if found is not None:
                findings.append(found)
    if findings:
        return findings
    sentences = SentenceIndex(letter.text)
    for start in sentences.starts:
        sentence = sentences.text_of(start).rstrip()
        if not (_DENIES.search(sentence) and _BECAUSE.search(sentence)):
            continue
        if letter.in_body(start) and letter.in_body(start + len(sentence) - 1):
            found = _finding(letter, start, sentence, 0.6)
            if found is not None:
                return [found]
    return []


def find_policy(letter: Letter) -> list[Finding]:
    findings: list[Finding] = []
    for pattern, confidence in ((_POLICY_ID, 0.85), (_POLICY_TITLED, 0.8)):
        for match in pattern.finditer(letter.text):
            if letter.in_body(match.start()) and not is_placeholder(match.group(0)):
                span = letter.match_span(match)
                findings.append(Finding("policy_cited", span.text, (span,), confidence))
    return findings
