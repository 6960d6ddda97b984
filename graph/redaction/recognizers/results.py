"""The RecognizerResult every Overturn recognizer reports, tagged with the recognizer that found it."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer, RecognizerResult


def recognizer_result(
    recognizer: EntityRecognizer, entity_type: str, start: int, end: int, score: float
) -> RecognizerResult:
    return RecognizerResult(
        entity_type=entity_type,
        start=start,
        end=end,
        score=score,
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: type(recognizer).__name__,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
        },
    )


def without_contained(results: list[RecognizerResult]) -> list[RecognizerResult]:
    """The results not lying inside another result of the same type (a city line inside a full address)."""
    return [
        r
        for r in results
        if not any(
            o is not r
            and o.entity_type == r.entity_type
            and o.start <= r.start
            and r.end <= o.end
            and (o.end - o.start) > (r.end - r.start)
            for o in results
        )
    ]
