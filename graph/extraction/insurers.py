"""Who the insurer is, and the plan's own name when the letter gives one.

The insurer is the health plan. A PBM or utilization-management vendor often writes the letter for the plan
("AIM Specialty Health has been authorized by your health plan ..."): when the letter also names the plan,
the plan is the insurer; when it names only the vendor, the vendor is (that is the payer the member deals
with and appeals to). Two plans of different corporate families named in one letter (a
coordination-of-benefits mention, say) leave the insurer unknown rather than guessed. "Blue Cross Blue
Shield" on its own (as in "an independent licensee of the Blue Cross and Blue Shield Association") yields to
any specific plan the letter names. A product named without its payer ("SilverScript") gives the payer, at a
lower confidence.

Names match case-aware on word edges, as the lexicon writes them or in capitals. Hand-redaction marks such
as [InsuranceCompany] are never insurers, and nothing in form instructions counts. The value is the
lexicon's canonical name; the evidence is the letter's own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.denial import Span
from graph.extraction.insurer_lexicon import PAYERS, PRODUCTS, Payer, Product, Role
from graph.extraction.letter import Finding, Letter, SectionKind
from graph.extraction.placeholders import placeholder_spans
from graph.extraction.us_states import STATE_NAME


def _key(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()


_Trie = dict[str, "_Trie"]


def _alternation(aliases: list[str]) -> str:
    """One regex for all aliases, as written or in capitals, factored as a trie: a few hundred names in one
    pass over the letter cost about as much as a single name would. At each branch the longer name is tried
    first, so "Anthem Blue Cross" wins over "Anthem"."""
    root: _Trie = {}
    for name in {variant for alias in aliases for variant in (alias, alias.upper())}:
        node = root
        for char in name:
            token = r"\s+" if char == " " else "['’]" if char in "'’" else re.escape(char)
            node = node.setdefault(token, {})
        node[""] = {}
    return _trie_pattern(root)


def _trie_pattern(node: _Trie) -> str:
    branches = [token + _trie_pattern(child) for token, child in sorted(node.items()) if token]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


_PAYER_BY_ALIAS: dict[str, Payer] = {_key(a): p for p in PAYERS for a in p.aliases}
_PAYER_NAMES = _alternation([a for p in PAYERS for a in p.aliases])
_PAYER = re.compile(r"(?<![\w-])(?:" + _PAYER_NAMES + r")(?![\w-])")
# "Blue Cross Blue Shield of Nebraska" and the like, for Blues plans the lexicon does not list.
_STATE_BLUE = re.compile(
    r"(?<![\w-])Blue\s*Cross(?:\s+(?:and|&)\s+|\s+)Blue\s*Shield\s+of\s+(?P<state>" + STATE_NAME + r")(?![\w-])"
)
_PRODUCT_BY_ALIAS: dict[str, Product] = {_key(a): p for p in PRODUCTS for a in p.aliases}
_PRODUCT = re.compile(r"(?<![\w-])(?:" + _alternation([a for p in PRODUCTS for a in p.aliases]) + r")(?![\w-])")
# "<payer> Gold Plus H1036-236 (HMO)": a payer's name, one to four capitalised words, then the plan type
# ("Aetna PPO" alone is a kind of plan, not its name).
_PRODUCT_BY_TYPE = re.compile(
    r"(?<![\w-])(?:" + _PAYER_NAMES + r")(?:[ \t]+[A-Z0-9][\w+&-]*){1,4}?[ \t]+\(?(?:HMO(?:-POS)?|PPO|EPO|POS|"
    r"PDP|HMO[ \t]+SNP|D-SNP|C-SNP)\b\)?(?:[ \t]+(?:I{1,3}|IV)\b)?"
)

_LETTERHEAD_LINE = re.compile(r"^[\W_]*(?P<name>.+?)(?:,?\s+(?:Inc|LLC|Company|Corporation)\.?)?[\W_]*$")
_STRONG_BEFORE = re.compile(
    r"(?i)(?:thank\s+you\s+for\s+(?:having|choosing|being\s+(?:a\s+member\s+of|with|part\s+of))\s+"
    r"(?:a\s+|an\s+|the\s+)?|(?:^|[.!?]\s+)At\s+)$"
)
_STRONG_AFTER = re.compile(
    r"(?i)\s+(?:has\s+been\s+authorized|contracts\s+with|is\s+responsible|has\s+(?:reviewed|determined|denied|"
    r"decided)|reviewed\s+your|cannot\s+approve|is\s+unable\s+to\s+approve|denied)\b"
)
_BASE = {SectionKind.body: 0.8, SectionKind.appeal_rights: 0.7}
_STRONG_BONUS = 0.1
_REPEAT_BONUS = 0.05
_MAX_CONFIDENCE = 0.95
_PRODUCT_ONLY = 0.6
_GENERIC_BLUES = "Blue Cross Blue Shield"
_MAX_SPANS = 3


@dataclass
class _Mentions:
    payer: Payer
    spans: list[Span]
    confidence: float


def find_insurer(letter: Letter) -> list[Finding]:
    blanks = placeholder_spans(letter.text)
    mentions = _payer_mentions(letter, blanks)
    products = _product_mentions(letter, blanks)
    findings: list[Finding] = []
    insurer = _choose(mentions)
    if insurer is not None:
        spans = tuple(insurer.spans[:_MAX_SPANS])
        findings.append(Finding("insurer", insurer.payer.name, spans, insurer.confidence))
    elif len({p.payer for p, _, _ in products}) == 1:
        product, span, _ = products[0]
        findings.append(Finding("insurer", product.payer, (span,), _PRODUCT_ONLY))
    findings.extend(_product_findings(products))
    findings.extend(_typed_products(letter, blanks))
    return findings


def _usable(letter: Letter, start: int, end: int, blanks: list[tuple[int, int]]) -> SectionKind | None:
    kind = letter.section_at(start)
    if kind is SectionKind.instructions or any(s < end and start < e for s, e in blanks):
        return None
    return kind


def _payer_mentions(letter: Letter, blanks: list[tuple[int, int]]) -> dict[str, _Mentions]:
    found: dict[str, _Mentions] = {}
    state_blues = list(_STATE_BLUE.finditer(letter.text))
    matches = [
        (m, _PAYER_BY_ALIAS[_key(m.group(0))])
        for m in _PAYER.finditer(letter.text)
        if not any(b.start() <= m.start() < b.end() and m.end() < b.end() for b in state_blues)
    ]
    for match in state_blues:
        if not any(m.start() <= match.start() < m.end() for m, _ in matches):
            name = f"Blue Cross Blue Shield of {' '.join(match.group('state').split())}"
            matches.append((match, Payer(name, Role.plan, (name,), name)))
    for match, payer in sorted(matches, key=lambda pair: pair[0].start()):
        kind = _usable(letter, match.start(), match.end(), blanks)
        if kind is None:
            continue
        confidence = _BASE[kind] + (_STRONG_BONUS if _strong(letter.text, match) else 0.0)
        seen = found.get(payer.name)
        if seen is None:
            found[payer.name] = _Mentions(payer, [letter.match_span(match)], confidence)
        else:
            seen.spans.append(letter.match_span(match))
            seen.confidence = min(_MAX_CONFIDENCE, max(seen.confidence, confidence) + _REPEAT_BONUS)
    for seen in found.values():
        seen.confidence = round(min(_MAX_CONFIDENCE, seen.confidence), 3)
    return found


def _strong(text: str, match: re.Match[str]) -> bool:
    line_start = text.rfind("\n", 0, match.start()) + 1
    line_end = text.find("\n", match.end())
    line = text[line_start : len(text) if line_end < 0 else line_end]
    letterhead = _LETTERHEAD_LINE.match(line)
    if letterhead and _key(letterhead.group("name")) == _key(match.group(0)):
        return True
    before = text[max(line_start, match.start() - 60) : match.start()]
    return _STRONG_BEFORE.search(before) is not None or _STRONG_AFTER.match(text, match.end()) is not None


def _choose(mentions: dict[str, _Mentions]) -> _Mentions | None:
    plans = [m for m in mentions.values() if m.payer.role is Role.plan]
    if len(plans) > 1:
        plans = [m for m in plans if m.payer.name != _GENERIC_BLUES]
    candidates = plans or list(mentions.values())
    if not candidates or len({m.payer.family for m in candidates}) > 1:
        return None
    return max(candidates, key=lambda m: (m.confidence, len(m.spans), -m.spans[0].start))


def _product_mentions(letter: Letter, blanks: list[tuple[int, int]]) -> list[tuple[Product, Span, float]]:
    found: list[tuple[Product, Span, float]] = []
    for match in _PRODUCT.finditer(letter.text):
        kind = _usable(letter, match.start(), match.end(), blanks)
        if kind is not None:
            product = _PRODUCT_BY_ALIAS[_key(match.group(0))]
            found.append((product, letter.match_span(match), 0.85 if kind is SectionKind.body else 0.75))
    return found


def _product_findings(products: list[tuple[Product, Span, float]]) -> list[Finding]:
    by_name: dict[str, Finding] = {}
    for product, span, confidence in products:
        seen = by_name.get(product.name)
        if seen is None:
            by_name[product.name] = Finding("plan_name", product.name, (span,), confidence)
        elif len(seen.spans) < _MAX_SPANS:
            spans = (*seen.spans, span)
            by_name[product.name] = Finding("plan_name", product.name, spans, max(seen.confidence, confidence))
    return list(by_name.values())


def _typed_products(letter: Letter, blanks: list[tuple[int, int]]) -> list[Finding]:
    findings: list[Finding] = []
    for match in _PRODUCT_BY_TYPE.finditer(letter.text):
        if _usable(letter, match.start(), match.end(), blanks) is not None:
            span = letter.match_span(match)
            findings.append(Finding("plan_name", " ".join(span.text.split()), (span,), 0.75))
    return findings
