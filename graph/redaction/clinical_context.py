"""Is this capitalised word a drug, by the words around it? No list names every brand ("Omnitrope",
"Rybelsus", "Orencia"), but the text around a drug gives it away:
- a dose right after it: "Xarelto 20 mg", "Orencia 125 mg/mL";
- its generic in brackets, or it in brackets after its generic: "Rybelsus (semaglutide)", "semaglutide
  (Rybelsus)";
- a list it shares with a known drug or condition: "Humira, Cimzia, Enbrel, and Orencia" (shorthand such as
  "PT" does not count: "Dr. Ruiz and PT"; nor does the last word of a name: "at Hopewell Imaging, Worcester");
- a word of prescribing before it: "coverage for Omnitrope", "the requested Omnitrope", "a trial of Nurtec".
A word so placed is kept, whatever spaCy or the name lists made of it.
"""

from __future__ import annotations

import re

from graph.redaction.name_words import CLINICAL_WORDS
from graph.redaction.occurrences import whole_occurrences

_DOSE_AFTER = re.compile(r"[^\S\n]*\(?\d+(?:[.,]\d+)?[^\S\n]*(?i:mg|mcg|µg|g|ml|mL|units?|iu|%|meq|mmol)\b")
# A generic name: lower case, with one of the endings generic names are built from ("semaglutide",
# "adalimumab", "lisinopril"); "(daughter)" and "(spouse)" after a name are not generics.
_GENERIC = (
    r"[a-z][a-z\-]{2,}(?:ide|ine|ol|il|ab|ib|one|ate|ene|ase|ept|tide|pril|sartan|statin|azole|cillin|mycin|"
    r"cycline|floxacin|prazole|tidine|dronate|gliptin|gliflozin|vir|parin|xaban|gatran|pine|pam|lam|done|"
    r"mide|zide|sone|lone|tropin|formin|lukast|mig|ant|in)"
)
_GENERIC_AFTER = re.compile(rf"[^\S\n]*\([^\S\n]*{_GENERIC}[^\S\n]*\)")
_GENERIC_BEFORE = re.compile(rf"\b{_GENERIC}[^\S\n]*\([^\S\n]*$")
_PRESCRIBING_BEFORE = re.compile(
    r"\b(?i:requested|prescribed|dispensed|coverage\s+for|authorization\s+for|approval\s+for|trial\s+of|"
    r"dose\s+of|doses\s+of|course\s+of|taking|started\s+on|switched\s+to|such\s+as|refill\s+of|"
    r"injections?\s+of|infusions?\s+of)[^\S\n]+$"
)
_LIST_ITEM = r"[A-Za-z][\w\-]*"
_JOIN = r"(?:,[^\S\n]*(?:and[^\S\n]+|or[^\S\n]+)?|[^\S\n]+(?:and|or)[^\S\n]+)"
_ITEMS_BEFORE = re.compile(rf"(?:{_LIST_ITEM}{_JOIN})+$")
_ITEMS_AFTER = re.compile(rf"(?:{_JOIN}{_LIST_ITEM})+")
LOOK_CHARS = 80
# A capitalised word and one space: what follows is the rest of a name, not a list's first item.
_NAME_WORD_BEFORE = re.compile(r"[A-Z][\w\-]*[^\S\n]$")


def _clinical(word: str) -> bool:
    return word.strip(".,()").casefold() in CLINICAL_WORDS


def _in_a_clinical_list(text: str, start: int, end: int) -> bool:
    before = _ITEMS_BEFORE.search(text, max(0, start - LOOK_CHARS), start)
    after = _ITEMS_AFTER.match(text, end, min(len(text), end + LOOK_CHARS))
    items_before = re.findall(_LIST_ITEM, before.group()) if before else []
    if before and items_before and _NAME_WORD_BEFORE.search(text, max(0, before.start() - LOOK_CHARS), before.start()):
        items_before = items_before[1:]  # "Hopewell Imaging, Worcester": "Imaging" ends a name, it is no item
    items = items_before + (re.findall(_LIST_ITEM, after.group()) if after else [])
    return any(_clinical(item) for item in items if item.casefold() not in {"and", "or"})


def named_as_a_drug(text: str, value: str) -> bool:
    """Whether the text places this word as a drug anywhere ("Rybelsus (semaglutide)" makes every
    "Rybelsus" a drug)."""
    return any(looks_like_a_drug(text, start, end) for start, end in whole_occurrences(text, value))


def looks_like_a_drug(text: str, start: int, end: int) -> bool:
    """Whether the words around text[start:end] make it a drug (see the module notes)."""
    if _DOSE_AFTER.match(text, end) or _GENERIC_AFTER.match(text, end):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    window = max(line_start, start - LOOK_CHARS)
    if _GENERIC_BEFORE.search(text, window, start) or _PRESCRIBING_BEFORE.search(text, window, start):
        return True
    return _in_a_clinical_list(text, start, end)
