"""Turning labelled datasets (JSON lines, already read by the caller) into LabelledText for evaluation.

Two formats:
- ours (tests/fixtures/phi/letters.jsonl and clinical_notes.jsonl, both read by parse_letters): {"id",
  "text", "spans": [{"type", "start", "end"}]}, labelled in our 14 entity types already.
- presidio-research synth_dataset_v2: {"full_text", "spans": [{"entity_type", "start_position",
  "end_position", ...}], ...}, generic PII in template sentences. Its labels map to ours as follows:
    PERSON -> PERSON; PHONE_NUMBER, EMAIL_ADDRESS, US_SSN kept as they are; DOMAIN_NAME -> URL;
    STREET_ADDRESS, ZIP_CODE -> ADDRESS; GPE -> ADDRESS when it is part of an address (within 3 characters
    of a street-address or ZIP span: the city or country line); a standalone GPE (country or city in prose)
    is IGNORED: HIPAA counts only places smaller than a state, and the dataset does not tell them apart.
    DATE_TIME -> DATE_OF_BIRTH when the 40 characters before it speak of birth ("born", "birth", "DOB");
    any other date is not PHI for us (we keep letter and service dates), so redacting it counts against
    precision.
    Not PHI for us (redacting them counts against precision): ORGANIZATION, TITLE, NRP.
    AGE -> AGE when the age is over 89 (Safe Harbor); a younger age is IGNORED.
    Out of our scope (IGNORED, neither required nor penalised): CREDIT_CARD, IBAN_CODE, US_DRIVER_LICENSE and
    any label not listed here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from graph.redaction.evaluation import LabelledSpan, LabelledText

PRESIDIO_TO_OURS = {
    "PERSON": "PERSON",
    "PHONE_NUMBER": "PHONE_NUMBER",
    "EMAIL_ADDRESS": "EMAIL_ADDRESS",
    "US_SSN": "US_SSN",
    "DOMAIN_NAME": "URL",
    "STREET_ADDRESS": "ADDRESS",
    "ZIP_CODE": "ADDRESS",
}
PRESIDIO_NOT_PHI = frozenset({"ORGANIZATION", "TITLE", "NRP"})
ADDRESS_PART_GAP = 3
OLDEST_AGE_KEPT = 89
_NUMBER = re.compile(r"\d+")
BIRTH_CONTEXT_CHARS = 40
BIRTH_CONTEXT = re.compile(r"\b(born|birth|dob|d\.o\.b\.?)\b", re.IGNORECASE)


def parse_letters(lines: Iterable[str]) -> list[LabelledText]:
    texts: list[LabelledText] = []
    for line in lines:
        if not line.strip():
            continue
        record = json.loads(line)
        spans = tuple(LabelledSpan(s["type"], s["start"], s["end"]) for s in record["spans"])
        texts.append(LabelledText(record["id"], record["text"], spans))
    return texts


def parse_presidio_research(lines: Iterable[str]) -> list[LabelledText]:
    texts: list[LabelledText] = []
    for number, line in enumerate(lines):
        if not line.strip():
            continue
        record = json.loads(line)
        text_id = f"presidio-{number:03d}"
        spans = [LabelledSpan(s["entity_type"], s["start_position"], s["end_position"]) for s in record["spans"]]
        gold, ignored = map_presidio_spans(record["full_text"], spans)
        texts.append(LabelledText(text_id, record["full_text"], gold, ignored))
    return texts


def map_presidio_spans(
    text: str, spans: list[LabelledSpan]
) -> tuple[tuple[LabelledSpan, ...], tuple[LabelledSpan, ...]]:
    """Split presidio-research spans into our gold spans and ignored regions (see the module docstring)."""
    address_parts = [s for s in spans if s.entity_type in ("STREET_ADDRESS", "ZIP_CODE")]
    gold: list[LabelledSpan] = []
    ignored: list[LabelledSpan] = []
    for span in spans:
        label = span.entity_type
        if label in PRESIDIO_TO_OURS:
            gold.append(LabelledSpan(PRESIDIO_TO_OURS[label], span.start, span.end))
        elif label == "GPE" and any(_gap(span, part) <= ADDRESS_PART_GAP for part in address_parts):
            gold.append(LabelledSpan("ADDRESS", span.start, span.end))
        elif label == "AGE" and _over_89(text[span.start : span.end]):
            gold.append(LabelledSpan("AGE", span.start, span.end))
        elif label == "DATE_TIME":
            if BIRTH_CONTEXT.search(text[max(0, span.start - BIRTH_CONTEXT_CHARS) : span.start]):
                gold.append(LabelledSpan("DATE_OF_BIRTH", span.start, span.end))
        elif label not in PRESIDIO_NOT_PHI:
            ignored.append(span)
    return tuple(sorted(gold, key=_position)), tuple(sorted(ignored, key=_position))


def _over_89(value: str) -> bool:
    number = _NUMBER.search(value)
    return number is not None and int(number.group()) > OLDEST_AGE_KEPT


def _gap(a: LabelledSpan, b: LabelledSpan) -> int:
    return max(a.start, b.start) - min(a.end, b.end)


def _position(span: LabelledSpan) -> tuple[int, int]:
    return span.start, span.end
