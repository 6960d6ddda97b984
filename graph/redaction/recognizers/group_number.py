"""Employer group numbers: "Group number: 4498918", "Plan group no.: HX97545A", "Group: GRP-484585"."""

from __future__ import annotations

from graph.redaction.entities import GROUP_NUMBER
from graph.redaction.recognizers.labelled_value import LabelledValueRecognizer


class GroupNumberRecognizer(LabelledValueRecognizer):
    ENTITY = GROUP_NUMBER
    LABELS = (
        r"(?:plan\s+|employer\s+|rx\s*)?group(?:\s+(?:id\b|#|number|no\b))?(?=\s*[:#])"
        r"|(?:plan\s+|employer\s+)?group\s+(?:id\b|#|number|no\b)|\bgrp\b|\brxgrp\b"
    )
