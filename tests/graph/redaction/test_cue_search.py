from __future__ import annotations

import importlib
import json
import pkgutil
import re
from pathlib import Path

import pytest

import graph.redaction.recognizers as recognizers
from graph.redaction.cue_search import cue_finditer, heads, lowered

pytestmark = pytest.mark.unit

FIXTURES = Path(__file__).parents[2] / "fixtures" / "phi"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"dear\s+(?P<name>\w+)", {"dear"}),
        (r"(?<![A-Za-z0-9])(?:member|subscriber)\s+id", {"member", "subscriber"}),
        (r"\b(?:dob|d\.o\.?b|do\.b)\b", {"dob", "d.o", "do.b"}),  # the parser pulls the shared "d" out
        (r"(?:plan\s+|rx\s*)?group", {"plan", "rx", "group"}),  # an optional lead: it, or what follows
        (r"(?i:Dr|Mrs?)\.?\s+\w+", {"dr", "mr"}),
        (r"claim(?:\s+id)?", {"claim"}),
        (r"[A-Z]\w+", None),  # a character class: nothing to find
        (r"\s*dear", None),  # may begin with spaces
        (r"(?:dear|)x", None),  # an empty alternative
        (r"(?:a|bc)d", None),  # "a" alone is too short to be worth finding
        (r"café", {"caf"}),  # letters past ASCII end the head
        (r"(?m)^\s*name:", None),
    ],
)
def test_heads_are_read_off_the_pattern(pattern: str, expected: set[str] | None) -> None:
    found = heads(re.compile(pattern, re.IGNORECASE))
    assert (None if found is None else set(found)) == expected


def test_lowered_keeps_offsets_and_maps_the_letters_case_folding_matches() -> None:
    text = "MEMBER ID İD ſSN \u212aEY Straße JEKNIĆ"
    low = lowered(text)
    assert len(low) == len(text)
    assert low == "member id id ssn key straße jeknić"


TRICKY = [
    "Member ID: W520569162-03\nSUBSCRIBER #  XQP4471902 member id: ab12345",
    "ſubscriber id: 99887766 and the İD number 12345678",  # case-insensitive matches beyond ASCII
    "Dear Ana Ruiz,\nDOB: 04/17/1979  d.o.b. 4/17/79  Do.B 1/1/80",
    "memberid: 12345678 submember ID 4455667788",  # a head inside a longer word
    "",
]


def _recognizer_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Every compiled pattern the recognizers define at module level, in tables, or on their classes."""
    found: list[tuple[str, re.Pattern[str]]] = []
    for module_info in pkgutil.iter_modules(recognizers.__path__):
        module = importlib.import_module(f"{recognizers.__name__}.{module_info.name}")
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found.append((f"{module_info.name}.{name}", value))
            elif isinstance(value, tuple):
                patterns = [item[0] for item in value if isinstance(item, tuple) and item]
                found += [(f"{module_info.name}.{name}", p) for p in patterns if isinstance(p, re.Pattern)]
            elif isinstance(value, type) and value.__module__ == module.__name__ and hasattr(value, "LABELS"):
                found.append((f"{module_info.name}.{name}", value()._pattern))
    return found


def test_every_recognizer_pattern_finds_the_same_matches_as_finditer() -> None:
    texts = TRICKY + [
        json.loads(line)["text"]
        for name in ("letters.jsonl", "clinical_notes.jsonl")
        for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    ]
    patterns = _recognizer_patterns()
    assert len(patterns) > 50
    assert sum(heads(p) is not None for _, p in patterns) >= 20  # the cue-led ones are searched by their cues
    for name, pattern in patterns:
        for text in texts:
            expected = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in cue_finditer(pattern, text)] == expected, (name, text[:60])


def test_pos_and_endpos_bound_the_search_as_finditer_does() -> None:
    pattern = re.compile(r"(?<![A-Za-z])(?:member|subscriber)\s+id:\s*(?P<v>\w+)", re.IGNORECASE)
    text = "member id: a1 | Subscriber ID: b2 | member id: c3"
    for pos, endpos in [(0, len(text)), (1, len(text)), (15, 34), (16, 33), (0, 5)]:
        expected = [m.span() for m in pattern.finditer(text, pos, endpos)]
        assert [m.span() for m in cue_finditer(pattern, text, pos, endpos)] == expected
