"""Where to send an appeal: the mailing address and the fax number the letter gives for appeals.

``appeal_address``: a P.O. Box or street line through "City, State ZIP", when the text before it is about
appeals or grievances and the nearest delivery word is a mailing one ("mail", "send", "write", "address")
rather than an in-person one ("drop off", "in person", "deliver"). The value is the letter's words with line
breaks turned into ", " and runs of white space into one space.
``appeal_fax``: a US phone number whose nearest cue is "fax" / "facsimile" (before it, or "(fax)" right
after), with an appeal cue in the same paragraph. Normalized from the letter's own digits: "1-AAA-EEE-NNNN"
when the letter writes the leading 1, else "(AAA) EEE-NNNN". A number introduced by "call", "phone", "TTY"
... is never a fax.
"""

from __future__ import annotations

import re

from graph.extraction.letter import Finding, Letter, SectionKind
from graph.extraction.placeholders import is_placeholder, placeholder_spans
from graph.extraction.us_states import STATE, ZIP

_PHONE = re.compile(
    r"(?<![\d-])(?:(?P<cc>1)[ \t.-]?)?(?:\((?P<area_p>[2-9]\d{2})\)|(?P<area>[2-9]\d{2}))[ \t.-]?"
    r"(?P<exchange>[2-9]\d{2})[ \t.-](?P<line>\d{4})(?![\d-])"
)
_PHONE_CUE = re.compile(
    r"(?i)\b(?P<fax>fax(?:ed)?|facsimile|telefax)\b"
    r"|\b(?:call|calling|phone|telephone|tel|TTY|TDD|TTD|toll[- ]free|voice|hotline|text)\b"
)
# "(fax)" after a number, or "fax" closing the phrase; "555-0100 fax 555-0199" is a label for the next number.
_FAX_AFTER = re.compile(r"(?im)[ \t]*(?:\((?:fax|facsimile)\)|fax(?=[ \t]*(?:[.,;)]|$)))")
_APPEAL = re.compile(r"(?i)\b(?:appeal|grievance|reconsideration|redetermination)")

_STREET_SUFFIX = (
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Parkway|Pkwy|Place|Pl|Court|Ct|Plaza|"
    r"Highway|Hwy|Circle|Cir|Terrace|Trail|Square|Sq|Center|Ctr|Turnpike|Tpke|Pike)"
)
_UNIT = r"(?:,?[ \t]+(?:Suite|Ste\.?|Floor|Fl\.?|Room|Rm\.?|Unit|Dept\.?|Building|Bldg\.?|#)[ \t]*[\w-]+)?"
_LINE_BREAK = r"(?:[ \t]*,?[ \t]*\n[ \t]*|[ \t]*,[ \t]*|[ \t]+)"
_ADDRESS = re.compile(
    r"(?P<street>(?i:P\.?[ \t]?O\.?[ \t]*Box|Post[ \t]+Office[ \t]+Box)[ \t]+[A-Z0-9][A-Z0-9-]*"
    r"|\d{1,6}[ \t]+(?:[NSEW]\.?[ \t]+)?(?:[A-Z0-9][\w'.-]*[ \t]+){1,4}"
    rf"{_STREET_SUFFIX}\.?(?!\w){_UNIT})"
    rf"{_LINE_BREAK}(?P<city>[A-Z][A-Za-z.'-]*(?:[ \t]+[A-Z][A-Za-z.'-]*){{0,3}}),?[ \t]+(?P<state>{STATE}),?"
    rf"[ \t]+(?P<zip>{ZIP})"
)
_MAIL_CUE = re.compile(
    r"(?i)\b(?:mail(?:ed|ing)?|send|sent|write|writing|address|submit)\b"
    r"|(?P<in_person>\b(?:drop(?:ped)?[ \t-]+off|in[ \t]+person|hand[ \t-]+deliver\w*|deliver\w*|"
    r"walk[ \t-]+in|visit)\b)"
)
_WINDOW = 300


def find_appeal_contacts(letter: Letter) -> list[Finding]:
    blanks = placeholder_spans(letter.text)
    return _faxes(letter, blanks) + _addresses(letter, blanks)


def _faxes(letter: Letter, blanks: list[tuple[int, int]]) -> list[Finding]:
    text = letter.text
    findings: list[Finding] = []
    previous_end = 0
    for phone in _PHONE.finditer(text):
        lower = max(0, phone.start() - _WINDOW)
        window_start = max(previous_end, phone.start() - 120, text.rfind("\n\n", lower, phone.start()) + 1)
        previous_end = phone.end()
        cues = list(_PHONE_CUE.finditer(text, window_start, phone.start()))
        fax_after = _FAX_AFTER.match(text, phone.end())
        fax_before = bool(cues) and cues[-1]["fax"] is not None
        if not (fax_before or fax_after) or not _usable(letter, blanks, phone.start(), phone.end()):
            continue
        paragraph_start = max(text.rfind("\n\n", lower, phone.start()) + 1, lower)
        if not _APPEAL.search(text, paragraph_start, phone.start()):
            continue
        close_label = fax_before and phone.start() - cues[-1].end() <= 15
        evidence = [letter.span(cues[-1].start(), cues[-1].end())] if fax_before else []
        evidence.append(letter.match_span(phone))
        if fax_after and not fax_before:
            label_start = fax_after.start() + len(fax_after.group(0)) - len(fax_after.group(0).lstrip())
            evidence.append(letter.span(label_start, fax_after.end()))
        findings.append(Finding("appeal_fax", _normalized(phone), tuple(evidence), 0.9 if close_label else 0.8))
    return findings


def _addresses(letter: Letter, blanks: list[tuple[int, int]]) -> list[Finding]:
    text = letter.text
    findings: list[Finding] = []
    for address in _ADDRESS.finditer(text):
        if not _usable(letter, blanks, address.start(), address.end()) or is_placeholder(address.group(0)):
            continue
        before_start = max(0, address.start() - _WINDOW)
        if not _APPEAL.search(text, before_start, address.start()):
            continue
        cues = list(_MAIL_CUE.finditer(text, before_start, address.start()))
        if cues and cues[-1]["in_person"]:
            continue
        value = _one_line(address.group(0))
        findings.append(Finding("appeal_address", value, (letter.match_span(address),), 0.85 if cues else 0.7))
    return findings


def _normalized(phone: re.Match[str]) -> str:
    area = phone["area_p"] or phone["area"]
    if phone["cc"]:
        return f"1-{area}-{phone['exchange']}-{phone['line']}"
    return f"({area}) {phone['exchange']}-{phone['line']}"


def _one_line(address: str) -> str:
    lines = [" ".join(line.split()) for line in address.splitlines()]
    parts = [line.rstrip(",") for line in lines if line]
    return ", ".join(parts)


def _usable(letter: Letter, blanks: list[tuple[int, int]], start: int, end: int) -> bool:
    if letter.section_at(start) is SectionKind.instructions:
        return False
    return not any(s < end and start < e for s, e in blanks)
