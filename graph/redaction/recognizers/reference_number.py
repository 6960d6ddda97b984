"""Reference, case, request, appeal and Rx numbers: "Reference #: REF06184220", "Case number 22-0113"; and the
job or document number a dictated note carries ("Job #: 558213")."""

from __future__ import annotations

from graph.redaction.entities import REFERENCE_NUMBER
from graph.redaction.recognizers.labelled_value import LabelledValueRecognizer


class ReferenceNumberRecognizer(LabelledValueRecognizer):
    ENTITY = REFERENCE_NUMBER
    LABELS = (
        r"(?:(?:appeal|insurer|our|your|file|grievance|complaint)\s*)?(?:reference|ref\b\.?)"
        r"(?:\s+(?:id\b|#|number|no\b))?"
        r"|(?:appeal|grievance|complaint|case|request|tracking|confirmation|ticket|file|review|ire)\s+"
        r"(?:id\b|#|number|no\b)"
        r"|(?:rx|prescription)\s*(?:#|number|no\b)|\bcase(?=[^\S\n]*[:#])"
        r"|(?:job|dictation|transcription|document)\s*(?:id\b|#|number|no\b)"
    )
