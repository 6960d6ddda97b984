"""Social Security numbers the letter labels as such: "SSN: 483 42 1814", "Social Security No. 483421814".

presidio's own SSN recognizer scores nine bare digits 0.05, below our threshold and below the phone
recognizer that also claims them; a labelled SSN should be an SSN, at a score that wins.
"""

from __future__ import annotations

from graph.redaction.entities import US_SSN
from graph.redaction.recognizers.labelled_value import LabelledValueRecognizer


class SsnRecognizer(LabelledValueRecognizer):
    ENTITY = US_SSN
    LABELS = r"\bssn\b|\bss\s*#|social\s+security(?:\s+(?:number|no\b\.?|#))?"
    VALUE = r"\d{3}(?P<sep>[- .]?)\d{2}(?P=sep)\d{4}"
    # "SSN: ...", and "Social Security number on file for the patient: ...": a few words, no digits.
    # The gap may not cross a sentence end ("SSN: not on file. Claim 483421814" is no SSN).
    GAP = r"(?:(?!\.\s)[^\d\n]){0,30}?"
    SCORE = 0.9

    def accepts(self, value: str) -> bool:
        return True  # the VALUE pattern already is the whole test
