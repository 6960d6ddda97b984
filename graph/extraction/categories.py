"""Why the letter says the member was denied, as denial categories (several may hold at once).

A cue counts only when it is this member's reason:

- it sits in the body of the letter (appeal-rights boilerplate and form instructions never count);
- it is not negated in its own clause ("is not experimental", "no longer requires prior authorization");
- its sentence is not a definition or a generic enumeration. "An adverse benefit determination is a decision
  ... because we believe they are not medically necessary, you are not eligible ... or the benefit is not
  covered" defines a term; "Claims may be denied for reasons such as ..." lists possibilities. Told apart by
  definitional wording, hedged denial verbs, a hypothetical "If ..." opening, or three or more categories in
  one sentence joined by "or".

``other`` is reported only for a letter that is not a form (no instruction sections), states a denial with a
reason ("... denied because ..."), and cues no category at all. Confidence is the cue's own strength, nudged
up when the same sentence says the request was denied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.denial import Category, Span
from graph.extraction.category_cues import CUES, Cue
from graph.extraction.letter import Finding, Letter, SectionKind
from graph.extraction.placeholders import is_placeholder
from graph.extraction.sentence_index import SentenceIndex

_FIELD = "categories"
_NEGATED_CLAUSE = re.compile(r"(?i)(?:\b(?:not|no|never|without|neither|nor|cannot)|n[’']t)(?:\s+[\w-]+){0,2}\s*$")
_CLAUSE_BREAK = re.compile(r"[,;:()]")
_GENERIC = re.compile(
    r"(?i)\b(?:is|are)\s+(?:a|an|any)\s+(?:decision|determination|denial)\b"
    r"|\bmeans\s+(?:a|an|any)\b|\bis\s+defined\s+as\b|\brefers\s+to\b"
    r"|\b(?:may|can|could|might)\s+(?:be\s+)?(?:den(?:y|ied)|reject(?:ed)?)\b"
    r"|\bfor\s+example\b|\be\.g\.|\breasons?\s+(?:like|such\s+as|include|including)\b"
    r"|\byou\s+(?:may|might|could|will)\s+(?:have\s+to\s+)?pay\s+more\b"
)
_HYPOTHETICAL_OPENING = re.compile(r"(?i)\s*[\"“]?if\b")
_OR = re.compile(r"(?i)\bor\b")
_ENUMERATION_MIN = 3
_DENIES = re.compile(
    r"(?i)\b(?:den(?:y|ied|ying|ial)|cannot\s+approve|unable\s+to\s+approve|not\s+approved|have\s+not\s+approved|"
    r"will\s+not\s+(?:cover|pay)|declined?)\b"
)
_DENIED_BECAUSE = re.compile(r"(?i)\b(?:because|due\s+to)\b\s*:?\s*(?:[\w’'-]+[\s,]+){3,}")
_DENIAL_BOOST = 0.05
_MAX_CONFIDENCE = 0.95
_MAX_SPANS = 4
_OTHER_CONFIDENCE = 0.5


@dataclass(frozen=True)
class _Hit:
    cue: Cue
    start: int
    end: int
    sentence: tuple[int, int]


def find_categories(letter: Letter) -> list[Finding]:
    sentences = SentenceIndex(letter.text)
    lowered = letter.text.lower()
    hits = [hit for cue in CUES if cue.may_match(lowered) for hit in _hits(letter, sentences, cue)]
    hits = _without_generic_and_weak(letter.text, hits)

    by_category: dict[Category, list[_Hit]] = {}
    for hit in hits:
        by_category.setdefault(hit.cue.category, []).append(hit)
    findings = [_finding(letter, category, found) for category, found in by_category.items()]
    if not findings:
        findings = _other(letter, sentences)
    return sorted(findings, key=lambda f: f.spans[0].start)


def _hits(letter: Letter, sentences: SentenceIndex, cue: Cue) -> list[_Hit]:
    text = letter.text
    found: list[_Hit] = []
    for match in cue.pattern.finditer(text):
        if not (letter.in_body(match.start()) and letter.in_body(match.end() - 1)):
            continue
        sentence = sentences.bounds(match.start())
        if cue.negatable and _negated(text[sentence[0] : match.start()]):
            continue
        found.append(_Hit(cue, match.start(), match.end(), sentence))
    return found


def _negated(before: str) -> bool:
    clause = _CLAUSE_BREAK.split(before)[-1]
    return _NEGATED_CLAUSE.search(clause) is not None


def _without_generic_and_weak(text: str, hits: list[_Hit]) -> list[_Hit]:
    per_sentence: dict[tuple[int, int], set[Category]] = {}
    strong_per_sentence: dict[tuple[int, int], set[Category]] = {}
    for hit in hits:
        per_sentence.setdefault(hit.sentence, set()).add(hit.cue.category)
        if not hit.cue.weak:
            strong_per_sentence.setdefault(hit.sentence, set()).add(hit.cue.category)

    kept: list[_Hit] = []
    for hit in hits:
        start, end = hit.sentence
        if _generic(text[start:end], len(per_sentence[hit.sentence])):
            continue
        others = strong_per_sentence.get(hit.sentence, set()) - {hit.cue.category}
        if hit.cue.weak and others:
            continue
        kept.append(hit)
    return kept


def _generic(sentence: str, categories_cued: int) -> bool:
    if _GENERIC.search(sentence) or _HYPOTHETICAL_OPENING.match(sentence):
        return True
    return categories_cued >= _ENUMERATION_MIN and _OR.search(sentence) is not None


def _finding(letter: Letter, category: Category, hits: list[_Hit]) -> Finding:
    confidence = 0.0
    for hit in hits:
        start, end = hit.sentence
        boost = _DENIAL_BOOST if _DENIES.search(letter.text, start, end) else 0.0
        confidence = max(confidence, min(_MAX_CONFIDENCE, hit.cue.confidence + boost))
    return Finding(_FIELD, category, _spans(letter, hits), round(confidence, 3))


def _spans(letter: Letter, hits: list[_Hit]) -> tuple[Span, ...]:
    """The cue phrases, the longer kept where two cues overlap, first few in letter order."""
    chosen: list[tuple[int, int]] = []
    for hit in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if chosen and hit.start < chosen[-1][1]:
            if hit.end > chosen[-1][1]:
                chosen[-1] = (chosen[-1][0], hit.end)
            continue
        chosen.append((hit.start, hit.end))
    return tuple(letter.span(start, end) for start, end in chosen[:_MAX_SPANS])


def _other(letter: Letter, sentences: SentenceIndex) -> list[Finding]:
    if any(section.kind is SectionKind.instructions for section in letter.sections):
        return []
    text = letter.text
    for start in sentences.starts:
        sentence_start, end = sentences.bounds(start)
        sentence = text[sentence_start:end]
        if not letter.in_body(sentence_start) or is_placeholder(sentence):
            continue
        if _DENIES.search(sentence) and _DENIED_BECAUSE.search(sentence) and not _generic(sentence, 0):
            span = letter.span(sentence_start, sentence_start + len(sentence.rstrip()))
            return [Finding(_FIELD, Category.other, (span,), _OTHER_CONFIDENCE)]
    return []
