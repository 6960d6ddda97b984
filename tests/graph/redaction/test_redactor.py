from __future__ import annotations

import itertools

import pytest
from presidio_analyzer import AnalyzerEngine

from graph.redaction import KnownValue, PhiSpan, Redactor, placeholders_in
from store.vault import PhiVault
from tests.graph.redaction.sample_letters import DENIAL, DENIAL_KEPT, DENIAL_PHI


@pytest.fixture(scope="module")
def redactor(analyzer: AnalyzerEngine) -> Redactor:
    return Redactor(analyzer)


def _values(text: str, spans: list[PhiSpan]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for span in spans:
        found.setdefault(span.entity_type, set()).add(text[span.start : span.end])
    return found


@pytest.mark.unit
def test_every_identifier_of_the_letter_is_found_with_its_type(redactor: Redactor) -> None:
    found = _values(DENIAL, redactor.analyze(DENIAL))
    for entity_type, values in DENIAL_PHI.items():
        assert set(values) <= found.get(entity_type, set()), entity_type


@pytest.mark.unit
def test_spans_are_sorted_disjoint_and_scored(redactor: Redactor) -> None:
    spans = redactor.analyze(DENIAL)
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
    assert all(0 < s.score <= 1 for s in spans)


@pytest.mark.unit
def test_redaction_keeps_clinical_content_insurers_and_dates(redactor: Redactor) -> None:
    redacted = redactor.redact(DENIAL, PhiVault())
    for kept in DENIAL_KEPT:
        assert kept in redacted.text, kept
    for values in DENIAL_PHI.values():
        for value in values:
            assert value not in redacted.text, value


@pytest.mark.unit
def test_the_same_value_gets_the_same_placeholder_across_texts_of_a_case(redactor: Redactor) -> None:
    vault = PhiVault()
    first = redactor.redact("Member name: Ana Quillfeather\nMember ID: ZX44190023", vault)
    second = redactor.redact("Dear Ana Quillfeather,\nyour member ID ZX44190023 and DOB 01/02/1960.", vault)
    third = redactor.redact("Member name: Bo Lindqvist-Hale\nMember ID: QR55120077", vault)
    assert first.text == "Member name: [PERSON_1]\nMember ID: [MEMBER_ID_1]"
    assert second.text == "Dear [PERSON_1],\nyour member ID [MEMBER_ID_1] and DOB [DATE_OF_BIRTH_1]."
    assert third.text == "Member name: [PERSON_2]\nMember ID: [MEMBER_ID_2]"


@pytest.mark.unit
def test_redacted_spans_index_the_original_text(redactor: Redactor) -> None:
    redacted = redactor.redact(DENIAL, PhiVault())
    assert redacted.spans == redactor.analyze(DENIAL)
    assert len(placeholders_in(redacted.text)) == len(
        {(s.entity_type, DENIAL[s.start : s.end]) for s in redacted.spans}
    )


@pytest.mark.unit
def test_known_values_are_found_where_nothing_else_would(redactor: Redactor) -> None:
    text = "we spoke with zinnia about file 55-AB-0917 yesterday"
    assert redactor.analyze(text) == []
    with_known = redactor.with_known_values(
        [KnownValue("PERSON", "Zinnia Okwuosa"), KnownValue("REFERENCE_NUMBER", "55-AB-0917")]
    )
    assert _values(text, with_known.analyze(text)) == {"PERSON": {"zinnia"}, "REFERENCE_NUMBER": {"55-AB-0917"}}


@pytest.mark.unit
def test_an_identifier_straddling_a_window_edge_is_found_whole(analyzer: AnalyzerEngine) -> None:
    small = Redactor(analyzer, window_chars=600, overlap_chars=200)
    for offset in range(560, 640, 7):  # the label or the value sits on the first window's cut
        text = "x " * (offset // 2) + "Member ID: QHX771204568 and Claim number: E3337991258.\n" + "y " * 400
        found = _values(text, small.analyze(text))
        assert found.get("MEMBER_ID") == {"QHX771204568"}, offset
        assert found.get("CLAIM_NUMBER") == {"E3337991258"}, offset


@pytest.mark.unit
def test_a_long_text_is_analysed_in_windows_like_a_short_one(redactor: Redactor) -> None:
    filler = "The plan reviewed the request under its policy. " * 500  # ~24,000 characters
    text = filler + DENIAL + filler + DENIAL
    found = _values(text, redactor.analyze(text))
    assert set(DENIAL_PHI["MEMBER_ID"]) == found["MEMBER_ID"]
    assert sum(1 for s in redactor.analyze(text) if s.entity_type == "MEMBER_ID") == 2


@pytest.mark.unit
@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "ATENCIÓN: si habla español, tiene a su disposición servicios gratuitos de asistencia lingüística.",
        "注意：如果您使用繁體中文，您可以免費獲得語言援助服務。電話 1-800-555-0199。",
        "Nếu bạn nói Tiếng Việt, có các dịch vụ hỗ trợ ngôn ngữ miễn phí dành cho bạn.",
        "\x00\x01 binary-ish \ufffd text",
    ],
)
def test_empty_and_non_english_text_passes_without_a_crash(redactor: Redactor, text: str) -> None:
    assert redactor.analyze(text) == []  # none of these holds an identifier
    assert redactor.redact(text, PhiVault()).text == text


@pytest.mark.unit
def test_a_repeated_text_is_answered_from_the_cache_and_known_values_start_afresh(analyzer: AnalyzerEngine) -> None:
    redactor = Redactor(analyzer)
    text = "Member name: Ana Quillfeather\nThe note mentions zorblax twice."
    first = redactor.analyze(text)
    assert redactor.analyze(text) == first and len(redactor.cache) == 1
    with_values = redactor.with_known_values([KnownValue("PERSON", "zorblax")])
    assert len(with_values.cache) == 0
    assert "zorblax" in {text[s.start : s.end] for s in with_values.analyze(text)}
