"""Claim identifiers: "Claim number: E3337991258", "Original claim: CLM-9675-6592017", "ICN 2024297183449"."""

from __future__ import annotations

from graph.redaction.entities import CLAIM_NUMBER
from graph.redaction.recognizers.labelled_value import LabelledValueRecognizer


class ClaimNumberRecognizer(LabelledValueRecognizer):
    ENTITY = CLAIM_NUMBER
    LABELS = (
        r"(?:original\s+|corrected\s+|your\s+|the\s+)?claim(?:\s+(?:id\b|#|number|no\b|control\s+number|reference))?"
        r"(?=\s*(?:[:#]|is\b|id\b|number|no\b|control|reference))"
        r"|\bicn\b|\bdcn\b|internal\s+control\s+number|document\s+control\s+number"
    )
