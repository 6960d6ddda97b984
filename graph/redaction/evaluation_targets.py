"""The bar a redactor must clear (issue 3) and which scores fall short of it."""

from __future__ import annotations

from dataclasses import dataclass

from graph.redaction.evaluation import IDENTIFIER_TYPES, OVERALL, EntityScore, Evaluation

RECALL_TARGET = 0.95
PRECISION_TARGET = 0.8
# Names, identifiers, birth dates (and ages over 89, a date's stand-in), phone numbers and addresses must be
# found; email and URL are reported only.
RECALL_TARGET_TYPES = frozenset(
    {"PERSON", "DATE_OF_BIRTH", "AGE", "PHONE_NUMBER", "ADDRESS", "US_SSN"} | IDENTIFIER_TYPES
)


@dataclass(frozen=True)
class Shortfall:
    entity_type: str
    metric: str
    value: float
    target: float

    def __str__(self) -> str:
        return f"{self.entity_type} {self.metric} {self.value:.3f} < {self.target:.2f}"


def shortfalls_of(score: EntityScore) -> list[Shortfall]:
    found: list[Shortfall] = []
    recall, precision = score.recall, score.precision
    if score.entity_type in RECALL_TARGET_TYPES and recall is not None and recall < RECALL_TARGET:
        found.append(Shortfall(score.entity_type, "recall", recall, RECALL_TARGET))
    if precision is not None and precision < PRECISION_TARGET:
        found.append(Shortfall(score.entity_type, "precision", precision, PRECISION_TARGET))
    return found


def shortfalls(evaluation: Evaluation) -> list[Shortfall]:
    """Per-entity recall and precision below target, then overall precision below target."""
    found = [item for score in evaluation.entities() for item in shortfalls_of(score)]
    overall_precision = evaluation.overall.precision
    if overall_precision is not None and overall_precision < PRECISION_TARGET:
        found.append(Shortfall(OVERALL, "precision", overall_precision, PRECISION_TARGET))
    return found
