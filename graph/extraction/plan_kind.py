"""What kind of coverage the member has, read from the law, agency and program names a letter uses.

Cues count in the body and, slightly discounted, in appeal-rights text (that is where "Section 502(a) of
ERISA" or "State Fair Hearing" usually stand); form instructions never count, nor does the agency name
"Centers for Medicare & Medicaid Services" on a form's letterhead.

Precedence, when cues for several kinds appear:

- Medicare Part D over Medicare Advantage over Original Medicare: an MA-PD drug denial is a Part D
  notice, and MA letters often mention Original Medicare.
- employer_erisa over state_regulated: a fully insured employer plan's letter names both ERISA rights and
  the state insurance department; ERISA governs the member's last word (a Section 502(a) suit) and a
  self-funded plan never has state rights, so naming ERISA is the safer fact. marketplace and medicaid win
  over state_regulated too: those plans are state licensed, and the program is the more specific fact.
- Any other pair (Medicare and Medicaid for a dual plan, ERISA and Medicare for a retiree plan) must differ
  by a clear margin in cue strength, otherwise the kind stays unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.denial import PlanKind, Span
from graph.extraction.insurer_lexicon import PRODUCTS
from graph.extraction.letter import Finding, Letter, SectionKind
from graph.extraction.us_states import STATE_NAME

K = PlanKind


@dataclass(frozen=True)
class _Cue:
    kind: PlanKind
    pattern: str
    confidence: float
    needs_medicare: bool = False  # counts only where the letter names Medicare elsewhere


def _cue(kind: PlanKind, pattern: str, confidence: float, *, needs_medicare: bool = False) -> _Cue:
    return _Cue(kind, pattern, confidence, needs_medicare)


_MEDICAID_PROGRAMS = (
    r"Medi-Cal|MassHealth|Apple\s+Health|TennCare|SoonerCare|BadgerCare|MaineCare|HUSKY\s+Health|NJ\s+FamilyCare|"
    r"KanCare|Healthy\s+Louisiana|AHCCCS|Health\s+First\s+Colorado|Hoosier\s+Healthwise|Healthy\s+Indiana\s+Plan|"
    r"MO\s+HealthNet|Child\s+Health\s+Plus|Medicaid\s+Managed\s+Care"
)
_EXCHANGES = (
    r"Health\s+Insurance\s+Marketplace|(?i:HealthCare\.gov)|Covered\s+California|NY\s+State\s+of\s+Health|"
    r"Connect\s+for\s+Health\s+Colorado|Get\s+Covered\s+New\s+Jersey|Washington\s+Healthplanfinder|MNsure|"
    r"Access\s+Health\s+CT|Your\s+Health\s+Idaho|Maryland\s+Health\s+Connection|Massachusetts\s+Health\s+"
    r"Connector|DC\s+Health\s+Link|Nevada\s+Health\s+Link|Pennie"
)
_REGULATOR = (
    r"(?:Department|Division|Bureau|Office)\s+of\s+(?:the\s+)?(?:Insurance(?:\s+Commissioner)?|Financial\s+"
    r"Services|Managed\s+Health\s+Care|Financial\s+Regulation)|Insurance\s+(?:Department|Commissioner)|"
    r"Commissioner\s+of\s+Insurance|(?:DEPARTMENT|DIVISION|BUREAU)\s+OF\s+(?:INSURANCE|FINANCIAL\s+SERVICES|"
    r"MANAGED\s+HEALTH\s+CARE)|INSURANCE\s+(?:DEPARTMENT|COMMISSIONER)"
)

_CUES: tuple[_Cue, ...] = (
    _cue(K.medicare_part_d, r"(?i:Notice\s+of\s+Denial\s+of\s+Medicare\s+(?:Part\s+D\s+)?Prescription\s+"
         r"Drug\s+Coverage)|CMS-10146", 0.95),
    _cue(K.medicare_part_d, r"(?i:Medicare\s+Part\s+D)|Part\s+D\s+(?:plan|benefit|coverage|drug|sponsor)s?|"
         r"Medicare\s+[Pp]rescription\s+[Dd]rug\s+(?:[Pp]lan|[Cc]overage|[Bb]enefit)", 0.9),
    _cue(K.medicare_part_d, r"Part\s+D", 0.75, needs_medicare=True),
    _cue(K.medicare_part_d, r"(?i:coverage\s+determination)", 0.7, needs_medicare=True),
    _cue(K.medicare_advantage, r"(?i:Medicare\s+Advantage)|Integrated\s+Denial\s+Notice|"
         r"Medicare\s+health\s+plan", 0.85),
    _cue(K.medicare_advantage, r"MA(?:-PD)?\s+plan", 0.75, needs_medicare=True),
    _cue(K.medicare_advantage, r"CMS-10003|(?i:Notice\s+of\s+Denial\s+of\s+Medical\s+Coverage)", 0.7,
         needs_medicare=True),
    _cue(K.original_medicare, r"Medicare\s+Summary\s+Notice|Advance\s+Beneficiary\s+Notice|Medicare\s+"
         r"Administrative\s+Contractor", 0.9),
    _cue(K.original_medicare, r"Original\s+Medicare", 0.7),
    _cue(K.medicaid, _MEDICAID_PROGRAMS + r"|State\s+Fair\s+Hearing|Medicaid\s+(?:plan|program|"
         r"health\s+plan)", 0.85),
    _cue(K.medicaid, r"Medicaid|(?i:fair\s+hearing)", 0.7),
    _cue(K.marketplace, _EXCHANGES, 0.9),
    _cue(K.marketplace, r"Qualified\s+Health\s+Plan|(?i:premium\s+tax\s+credit)", 0.7),
    _cue(K.employer_erisa, r"ERISA|Employee\s+Retirement\s+Income\s+Security\s+Act|Section\s+502\s*\(a\)|"
         r"Employee\s+Benefits\s+Security\s+Administration", 0.9),
    _cue(K.employer_erisa, r"(?i:employee\s+(?:welfare\s+)?benefit\s+plan|self[- ](?:funded|insured)\s+"
         r"(?:group\s+)?(?:health\s+)?plan)|Department\s+of\s+Labor", 0.8),
    _cue(K.state_regulated, _REGULATOR, 0.7),
    _cue(K.state_regulated, STATE_NAME + r"\s+(?:State\s+)?(?:Insurance\s+|Public\s+Health\s+)?(?:Law|Code|"
         r"Statutes?)|Insurance\s+(?:Law|Code)", 0.7),
    *(_cue(product.kind, "|".join(re.escape(a) for a in product.aliases), 0.8)
      for product in PRODUCTS if product.kind is not None),
)  # fmt: skip

# All cues in one pass, strongest first, so "Part D plan" is read before a bare "Part D" at the same place.
_BY_STRENGTH = sorted(_CUES, key=lambda cue: -cue.confidence)
_ANY_CUE = re.compile(
    r"(?<![\w-])(?:" + "|".join(f"(?P<c{i}>{cue.pattern})" for i, cue in enumerate(_BY_STRENGTH)) + r")(?![\w-])"
)
_AGENCY = re.compile(r"(?i)Centers?\s+for\s+Medicare\s*(?:&|and)\s*Medicaid\s+Services")
_MEDICARE = re.compile(r"\bMedicare\b|\bMEDICARE\b")
_RIGHTS_DISCOUNT = 0.9
_MARGIN = 0.15
_MAX_SPANS = 3
_DOMINATES: dict[PlanKind, frozenset[PlanKind]] = {
    K.medicare_part_d: frozenset({K.medicare_advantage, K.original_medicare}),
    K.medicare_advantage: frozenset({K.original_medicare}),
    K.employer_erisa: frozenset({K.state_regulated}),
    K.marketplace: frozenset({K.state_regulated}),
    K.medicaid: frozenset({K.state_regulated}),
}


def find_plan_kind(letter: Letter) -> list[Finding]:
    agency = [m.span() for m in _AGENCY.finditer(letter.text)]
    names_medicare = any(_counts(letter, m.start(), agency) for m in _MEDICARE.finditer(letter.text))
    scores: dict[PlanKind, float] = {}
    spans: dict[PlanKind, list[Span]] = {}
    for match in _ANY_CUE.finditer(letter.text):
        cue = _BY_STRENGTH[int((match.lastgroup or "c0")[1:])]
        if (cue.needs_medicare and not names_medicare) or not _counts(letter, match.start(), agency):
            continue
        weight = 1.0 if letter.in_body(match.start()) else _RIGHTS_DISCOUNT
        scores[cue.kind] = max(scores.get(cue.kind, 0.0), cue.confidence * weight)
        spans.setdefault(cue.kind, []).append(letter.match_span(match))

    kind = _decide(scores)
    if kind is None:
        return []
    evidence = sorted(set(spans[kind]), key=lambda s: (s.start, -s.end))
    return [Finding("plan_kind", kind, tuple(_outermost(evidence)[:_MAX_SPANS]), round(scores[kind], 3))]


def _counts(letter: Letter, pos: int, agency: list[tuple[int, int]]) -> bool:
    if letter.section_at(pos) is SectionKind.instructions:
        return False
    return not any(start <= pos < end for start, end in agency)


def _decide(scores: dict[PlanKind, float]) -> PlanKind | None:
    present = set(scores)
    standing = [k for k in present if not any(k in _DOMINATES.get(other, ()) for other in present)]
    ranked = sorted(standing, key=lambda k: scores[k], reverse=True)
    if not ranked:
        return None
    if len(ranked) > 1 and scores[ranked[0]] - scores[ranked[1]] < _MARGIN:
        return None
    return ranked[0]


def _outermost(spans: list[Span]) -> list[Span]:
    """Drop spans lying inside an earlier, longer one ("Part D" inside "Medicare Part D")."""
    kept: list[Span] = []
    for span in spans:
        if kept and span.end <= kept[-1].end:
            continue
        kept.append(span)
    return kept
