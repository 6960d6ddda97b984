"""What was denied (the service, drug, device or stay), what kind of thing it is, and the diagnosis named."""

from __future__ import annotations

import re

from graph.denial import Codes, ServiceKind
from graph.extraction.letter import Finding, Letter
from graph.extraction.placeholders import is_placeholder

# "Service/Item: 70336 MRI Scan of Jaw Joints", "Requested Service(s): ...", "Medication: ..."
_LABELLED = re.compile(
    r"(?im)^[ \t]*(?:service/item|requested service\(?s?\)?(?:/\s*treatment)?|description of service|"
    r"service description|item requested|requested item|drug requested|requested drug|medication requested|"
    r"requested medication|drug name|medication|prescription drug|procedure requested|requested procedure|"
    r"procedures?|services?(?:\(s\))?)"
    r"[ \t]*:[ \t]*(?P<value>[^\n]{2,160})$"
)
# "request for coverage of TRUVADA", "request for benefits for LIDOCAINE 5% PATCH", "claim for PERTZYE has been".
# Separate patterns, so that one phrase rejected as "not a service" cannot swallow a good one inside it.
_VALUE = r"[ \t]+(?P<value>(?:[^\n.;:]|\.(?=\d)|(?<=\b(?:St|Dr|Mt))\.){2,160})"
_PHRASED: tuple[tuple[re.Pattern[str], float], ...] = tuple(
    (re.compile(cue + _VALUE), confidence)
    for cue, confidence in (
        (
            r"(?i:request(?:ed)?\s+(?:for\s+)?(?:benefits|coverage|authorization|approval|payment)\s+(?:for|of))",
            0.8,
        ),
        (
            r"(?i:(?:or\s+item\(s\)|items?)\s+that\s+you\s+or\s+your\s+(?:provider|doctor)\s+asked\s+for:)",
            0.8,
        ),
        (r"(?i:(?:insurance\s+)?claim\s+for)", 0.75),
        (
            r"(?i:(?:reviewed|received)\s+(?:the|a|your)\s+request\s+for\s+(?:an?|the)(?!\s+(?:appeal|review|copy|"
            r"hearing|grievance|extension|redetermination|reconsideration)\b))",
            0.65,
        ),
        (r"(?i:(?:cannot|unable\s+to)\s+approve\s+(?:your|the))", 0.7),
    )
)
# Where a phrased service stops: the words that follow the thing itself.
_TAIL = re.compile(
    r"(?i)\s+(?:has|have|had|was|were|is|are|as|because|from\s+\d|from\s+[A-Z][a-z]+\s+\d|on\s+\d|"
    r"request\b|requests\b|\(|under\s+your|for\s+(?:you|your|the\s+member)|this\s+request)"
)
_LEADING_CODE = re.compile(r"^(?:\d{5}|\d{4}[FT]|[A-V]\d{4})\b[\s:-]*")
_NOT_A_SERVICE = re.compile(
    r"(?i)^(?:the\s+following|(?:the\s+)?requested|(?:the|any|all)\s+(?:services?|items?)|this|these|that|it|your\s+(?:request|physician|doctor|provider)|"
    r"physicians?'?s?|doctors?'?s?|providers?'?s?|coverage|benefits|services?|items?|medical\s+services?)\b"
)

_DIAGNOSIS_LABEL = re.compile(r"(?im)^[ \t]*(?:diagnosis|primary diagnosis|dx)[ \t]*:[ \t]*(?P<value>[^\n]{3,120})$")
_DIAGNOSED_WITH = re.compile(
    r"(?i)\b(?:diagnosed\s+with|diagnosis\s+(?:provided|given|submitted|listed)\s+was|diagnosis\s+was)"
    r"\s+(?:an?\s+|the\s+)?(?P<value>(?:[^\n.;,]|\.(?=\d)){3,100})"
)

_KIND_CUES: tuple[tuple[ServiceKind, re.Pattern[str]], ...] = (
    (
        ServiceKind.stay,
        re.compile(
            r"(?i)\b(?:inpatient|hospitali[sz]ation|admission|hospital stay|"
            r"skilled nursing|residential treatment|length of stay)\b"
        ),
    ),
    (
        ServiceKind.imaging,
        re.compile(r"(?i)\b(?:MRI|MRA|CT|PET|x-?rays?|ultrasound|imaging|scan|mammogra\w+)\b"),
    ),
    (
        ServiceKind.device,
        re.compile(
            r"(?i)\b(?:wheelchair|CPAP|BiPAP|pump|brace|prosthe\w+|orthotic\w*|"
            r"durable medical equipment|DME|monitor|hearing aid|walker)\b"
        ),
    ),
    (
        ServiceKind.therapy,
        re.compile(
            r"(?i)\b(?:physical|occupational|speech|behavioral|ABA)\s+therapy\b|"
            r"\b(?:psychotherapy|rehabilitation|chiropractic)\b"
        ),
    ),
    (
        ServiceKind.test,
        re.compile(
            r"(?i)\b(?:genetic test\w*|lab(?:oratory)? test\w*|panel|sleep study|"
            r"biopsy|screening test)\b"
        ),
    ),
    (
        ServiceKind.drug,
        re.compile(
            r"(?i)\b(?:\d+(?:\.\d+)?\s?(?:mg|mcg|ml|%)|tablets?|capsules?|patch(?:es)?|"
            r"injections?|infusion|medications?|drug|inhaler|cream)\b"
        ),
    ),
    (
        ServiceKind.procedure,
        re.compile(
            r"(?i)\b(?:surgery|surgical|procedure|\w+ectomy|\w+plasty|\w+otomy|"
            r"decompression|repair|implant\w*|transplant)\b"
        ),
    ),
)


def _clean_service(raw: str) -> tuple[int, int] | None:
    """Trim a candidate service; return (offset, length) inside ``raw`` or None when it is not a service."""
    if _NOT_A_SERVICE.match(raw.lstrip()):
        return None
    text = raw
    tail = _TAIL.search(text)
    if tail:
        text = text[: tail.start()]
    lead = _LEADING_CODE.match(text)
    offset = lead.end() if lead else 0
    text = text[offset:].rstrip(" \t,-")
    stripped = text.lstrip()
    offset += len(text) - len(stripped)
    text = stripped
    if len(text) < 3 or is_placeholder(text) or _NOT_A_SERVICE.match(text):
        return None
    if not re.search(r"[A-Za-z]{3}", text) or len(text.split()) > 14:
        return None
    return offset, len(text)


def find_service(letter: Letter) -> list[Finding]:
    findings: list[Finding] = []
    for pattern, confidence in ((_LABELLED, 0.9), *_PHRASED):
        for match in pattern.finditer(letter.text):
            if not letter.in_body(match.start()):
                continue
            cleaned = _clean_service(match.group("value"))
            if cleaned is None:
                continue
            start = match.start("value") + cleaned[0]
            span = letter.span(start, start + cleaned[1])
            findings.append(Finding("service", span.text, (span,), confidence))
    return findings


def find_diagnosis(letter: Letter) -> list[Finding]:
    findings: list[Finding] = []
    for pattern, confidence in ((_DIAGNOSIS_LABEL, 0.85), (_DIAGNOSED_WITH, 0.7)):
        for match in pattern.finditer(letter.text):
            value = match.group("value").strip()
            if not letter.in_body(match.start()) or is_placeholder(value) or not re.search(r"[A-Za-z]{3}", value):
                continue
            start = match.start("value")
            span = letter.span(start, start + len(value))
            findings.append(Finding("diagnosis", span.text, (span,), confidence))
    return findings


def _kind_from_codes(codes: Codes) -> ServiceKind | None:
    if any(code.startswith("J") for code in codes.hcpcs):
        return ServiceKind.drug
    if any(code.startswith(("E", "K", "L")) for code in codes.hcpcs):
        return ServiceKind.device
    for code in codes.cpt:
        if not code.isdigit():
            continue
        number = int(code)
        if 70000 <= number <= 79999:
            return ServiceKind.imaging
        if 80000 <= number <= 89999:
            return ServiceKind.test
        if 97000 <= number <= 97799:
            return ServiceKind.therapy
        if 10000 <= number <= 69999:
            return ServiceKind.procedure
    return None


def infer_service_kind(service: str | None, codes: Codes) -> ServiceKind | None:
    """The kind of the denied service, from its own words first and its codes second; None when unclear."""
    if service:
        for kind, cue in _KIND_CUES:
            if cue.search(service):
                return kind
    from_codes = _kind_from_codes(codes)
    if from_codes is not None:
        return from_codes
    # A single brand-name word in capitals ("TRUVADA", "PERTZYE") is how pharmacy letters name a drug.
    if service and re.fullmatch(r"[A-Z][A-Z0-9-]{3,}", service.strip()):
        return ServiceKind.drug
    return None
