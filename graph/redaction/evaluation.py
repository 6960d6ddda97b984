"""Scoring PHI detection against labelled text: per-entity recall, precision and F2, plus any-type recall.

Matching rules (character offsets, end exclusive):
- A gold span is FOUND when predicted spans of a compatible type together cover at least half of its
  characters. Coverage is the union of those predictions, so an address caught as two pieces counts when the
  pieces add up; one prediction overlapping half the gold span is the common case.
- A gold span is found ANY-TYPE when predictions of any type cover at least half of it. This is the figure
  that matters for harm: the identifier did not survive redaction, whatever it was called.
- A predicted span is CORRECT when it overlaps a gold span of a compatible type by at least half of the
  shorter of the two (so "Dr. Ana Ruiz" for gold "Ana Ruiz" is correct, and so is "Ruiz" alone, though "Ruiz"
  alone does not find the gold span "Ana Ruiz Delgado" because it covers less than half of it).
- A predicted span that is not correct but lies at least half inside an IGNORED region (labelled PII outside
  our scope, such as credit cards) is left out of precision: redacting it is not a mistake, nor required.
- Types are compatible when equal, or when both are record identifiers (member, group, claim, reference,
  authorization, MRN, NPI): calling a claim number a reference number still removes it.
Recall = found / gold, precision = correct / scored predictions, F2 weights recall four times as much as
precision (F-beta with beta 2), because a missed identifier costs more than an over-redacted word.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

MATCH_SHARE = 0.5
OVERALL = "ALL"
IDENTIFIER_TYPES = frozenset(
    {"MEMBER_ID", "GROUP_NUMBER", "CLAIM_NUMBER", "REFERENCE_NUMBER", "AUTH_NUMBER", "MRN", "NPI"}
)


class SpanLike(Protocol):
    """What evaluation needs from a span: gold spans and the redactor's PhiSpan both fit."""

    @property
    def entity_type(self) -> str: ...

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


@dataclass(frozen=True)
class LabelledSpan:
    entity_type: str
    start: int
    end: int


@dataclass(frozen=True)
class LabelledText:
    """One text with its gold PHI spans and the regions whose predictions are not scored."""

    id: str
    text: str
    spans: tuple[LabelledSpan, ...]
    ignored: tuple[LabelledSpan, ...] = ()


@dataclass
class EntityScore:
    entity_type: str
    gold: int = 0
    found: int = 0
    found_any_type: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def recall(self) -> float | None:
        return self.found / self.gold if self.gold else None

    @property
    def any_type_recall(self) -> float | None:
        return self.found_any_type / self.gold if self.gold else None

    @property
    def precision(self) -> float | None:
        return self.correct / self.predicted if self.predicted else None

    @property
    def f2(self) -> float | None:
        return f_beta(self.precision, self.recall, beta=2.0)

    def add(self, other: EntityScore) -> None:
        self.gold += other.gold
        self.found += other.found
        self.found_any_type += other.found_any_type
        self.predicted += other.predicted
        self.correct += other.correct


@dataclass(frozen=True)
class SpanOutcome:
    """A missed gold span or an unmatched prediction: where, and the types of what overlapped it."""

    text_id: str
    entity_type: str
    start: int
    end: int
    overlapping_types: tuple[str, ...] = ()


@dataclass
class Evaluation:
    dataset: str
    texts: int = 0
    by_entity: dict[str, EntityScore] = field(default_factory=dict)
    misses: list[SpanOutcome] = field(default_factory=list)
    false_positives: list[SpanOutcome] = field(default_factory=list)

    @property
    def overall(self) -> EntityScore:
        total = EntityScore(OVERALL)
        for score in self.by_entity.values():
            total.add(score)
        return total

    def entities(self) -> list[EntityScore]:
        return [self.by_entity[name] for name in sorted(self.by_entity)]

    def score(self, entity_type: str) -> EntityScore:
        return self.by_entity.setdefault(entity_type, EntityScore(entity_type))


def f_beta(precision: float | None, recall: float | None, beta: float) -> float | None:
    if precision is None or recall is None:
        return None
    weight = beta * beta
    denominator = weight * precision + recall
    return (1 + weight) * precision * recall / denominator if denominator else 0.0


def compatible(gold_type: str, predicted_type: str) -> bool:
    return gold_type == predicted_type or (gold_type in IDENTIFIER_TYPES and predicted_type in IDENTIFIER_TYPES)


def overlap(a: SpanLike, b: SpanLike) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def covered_share(gold: SpanLike, predictions: Iterable[SpanLike]) -> float:
    """The share of the gold span's characters inside the union of the predictions."""
    length = gold.end - gold.start
    if length <= 0:
        return 0.0
    pieces = sorted((max(p.start, gold.start), min(p.end, gold.end)) for p in predictions if overlap(p, gold))
    covered, reach = 0, gold.start
    for start, end in pieces:
        start = max(start, reach)
        if end > start:
            covered += end - start
            reach = end
    return covered / length


def is_found(gold: SpanLike, predictions: Sequence[SpanLike], any_type: bool = False) -> bool:
    usable = [p for p in predictions if any_type or compatible(gold.entity_type, p.entity_type)]
    return covered_share(gold, usable) >= MATCH_SHARE


def is_correct(prediction: SpanLike, gold: Sequence[SpanLike]) -> bool:
    for span in gold:
        shorter = min(span.end - span.start, prediction.end - prediction.start)
        if compatible(span.entity_type, prediction.entity_type) and overlap(span, prediction) >= MATCH_SHARE * shorter:
            return True
    return False


def is_ignored(prediction: SpanLike, ignored: Sequence[SpanLike]) -> bool:
    length = prediction.end - prediction.start
    return sum(overlap(prediction, region) for region in ignored) >= MATCH_SHARE * length


def score_text(evaluation: Evaluation, text: LabelledText, predictions: Sequence[SpanLike]) -> None:
    """Add one text's counts, misses and false positives to the evaluation."""
    evaluation.texts += 1
    for gold in text.spans:
        score = evaluation.score(gold.entity_type)
        score.gold += 1
        found = is_found(gold, predictions)
        score.found += found
        score.found_any_type += is_found(gold, predictions, any_type=True)
        if not found:
            others = tuple(sorted({p.entity_type for p in predictions if overlap(p, gold)}))
            evaluation.misses.append(SpanOutcome(text.id, gold.entity_type, gold.start, gold.end, others))
    for prediction in predictions:
        if is_correct(prediction, text.spans):
            evaluation.score(prediction.entity_type).predicted += 1
            evaluation.score(prediction.entity_type).correct += 1
        elif not is_ignored(prediction, text.ignored):
            evaluation.score(prediction.entity_type).predicted += 1
            others = tuple(sorted({g.entity_type for g in text.spans if overlap(g, prediction)}))
            evaluation.false_positives.append(
                SpanOutcome(text.id, prediction.entity_type, prediction.start, prediction.end, others)
            )


def evaluate(dataset: str, texts: Sequence[LabelledText], predictions: Sequence[Sequence[SpanLike]]) -> Evaluation:
    """Score predictions[i] against texts[i] for every text."""
    if len(texts) != len(predictions):
        raise ValueError(f"{len(texts)} texts but {len(predictions)} prediction lists")
    evaluation = Evaluation(dataset)
    for text, predicted in zip(texts, predictions, strict=True):
        score_text(evaluation, text, predicted)
    return evaluation
