"""Hospital-side record numbers: medical record (MRN, "MR#", or "Unit No" where a hospital calls it so), patient
account, encounter and accession numbers.

Account, encounter and (radiology, laboratory) accession numbers are Safe Harbor identifiers too; they are
reported as MRN because, like the MRN, they are the provider's key to the member's record.
"""

from __future__ import annotations

from graph.redaction.entities import MRN
from graph.redaction.recognizers.labelled_value import LabelledValueRecognizer


class MrnRecognizer(LabelledValueRecognizer):
    ENTITY = MRN
    LABELS = (
        r"(?:facility\s+|hospital\s+|patient\s+)?\bmrn\b|medical\s+record(?:\s+(?:number|#|no\b|id\b))?"
        r"|med\.?\s*rec(?:ord)?\.?\s*(?:#|number|no\b)"
        r"|(?:(?:patient|hospital|guarantor)\s*)?account\s*(?:#|number|no\b|id\b)|\bacct\b\.?\s*(?:#|number|no\b)?"
        r"|(?:encounter|visit|admission)\s+(?:#|number|no\b|id\b)|\bhar\b|\bfin\b"
        r"|accession(?:\s+(?:#|number|no\b|id\b))?|\bacc\s*#|unit(?:\s+(?:number|no\b)|\s*#(?=\s*:))|\bmr\s*#|\bmr\s+(?:number|no\b)"
    )
