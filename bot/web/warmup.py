"""Start-up work for a long-lived app process, so the first member does not pay for it and the garbage
collector does not keep re-scanning what never dies.

The spaCy model, the analyzer and the extractor's tables load on first use (a second or more); reading the
sample letter once loads them all. Freezing the heap afterwards moves those long-lived objects out of the
collector's view: full collections then scan only what the conversations allocate (the load benchmark saw
pauses of several hundred milliseconds without it).
"""

from __future__ import annotations

import gc
from pathlib import Path

from graph.extraction.extractor import extract
from graph.redaction.engine import LANGUAGE, get_analyzer

SAMPLE_LETTER = Path(__file__).resolve().parents[1] / "examples" / "denial_mri.txt"


def load_models() -> None:
    text = SAMPLE_LETTER.read_text(encoding="utf-8")
    extract(text)
    get_analyzer().analyze(text=text, language=LANGUAGE)


def freeze_heap() -> None:
    gc.collect()
    gc.freeze()
