"""National Provider Identifiers: ten digits after "NPI".

NPI is public (the NPPES registry), but it names the clinician as surely as their name does, and we redact
clinician names; so we redact their NPIs too, or the name would be one registry lookup away.
"""

from __future__ import annotations

from graph.redaction.entities import NPI
from graph.redaction.recognizers.labelled_value import LabelledValueRecognizer


class NpiRecognizer(LabelledValueRecognizer):
    ENTITY = NPI
    LABELS = r"\bnpi\b|national\s+provider\s+identifier"
    VALUE = r"\d{10}"
