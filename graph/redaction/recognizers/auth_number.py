"""Authorization and pre-certification numbers: "Authorization #: PA-26373919", "Decision number: 755930193"."""

from __future__ import annotations

from graph.redaction.entities import AUTH_NUMBER
from graph.redaction.recognizers.labelled_value import LabelledValueRecognizer


class AuthNumberRecognizer(LabelledValueRecognizer):
    ENTITY = AUTH_NUMBER
    LABELS = (
        r"(?:prior\s+|pre-?)?auth(?:orization)?(?:\s+request)?\s*(?:id\b|#|number|no\b|code)?"
        r"(?=\s*(?:[:#]|id\b|number|no\b|is\b))"
        r"|(?:prior\s+|pre-?)?authorization\s+(?:id\b|#|number|no\b)"
        r"|\bpa\s*(?:#|number|no\b)"
        r"|pre-?cert(?:ification)?\s*(?:id\b|#|number|no\b)?(?=\s*(?:[:#]|id\b|number|no\b|is\b))"
        r"|(?:certification|decision|determination|approval|notification|um|review)\s+(?:id\b|#|number|no\b)"
    )
