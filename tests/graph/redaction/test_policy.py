from __future__ import annotations

import pytest
from presidio_analyzer import RecognizerResult

from graph.redaction.entities import ADDRESS, PhiSpan
from graph.redaction.policy import is_toll_free, organisation_addresses, phi_spans, url_identifies


@pytest.mark.unit
@pytest.mark.parametrize(
    ("number", "toll_free"),
    [("1-800-877-7587", True), ("(888) 555-0143", True), ("+1 833 742 0090", True), ("(216) 448-3021", False)],
)
def test_toll_free(number: str, toll_free: bool) -> None:
    assert is_toll_free(number) is toll_free


@pytest.mark.unit
@pytest.mark.parametrize(
    ("url", "identifies"),
    [
        ("https://members.plan.example.com/claims/E3337991258", True),
        ("https://provider.plan.example.com/auth/status?id=A845-63-6624", True),
        ("https://mychart.example.org/billing/45273889", True),
        ("www.plan.example.com", False),
        ("https://www.medicare.gov/claims-appeals", False),
        ("https://www.cms.gov/files/document/cms-10003.pdf", False),  # five digits: a form number
        ("https://example.org/page#:~:text=Approval%20Date%3A%203%2F19%2F1999", False),  # fragment, escapes
    ],
)
def test_url_identifies(url: str, identifies: bool) -> None:
    assert url_identifies(url) is identifies


def _address_spans(text: str, *values: str) -> list[PhiSpan]:
    return [PhiSpan(ADDRESS, text.index(v), text.index(v) + len(v), 0.8) for v in values]


@pytest.mark.unit
def test_an_insurer_department_address_is_kept_and_the_members_is_not() -> None:
    text = (
        "Appeals and Grievances\nP.O. Box 30417\nSalt Lake City, UT 84130\n\n"
        "Ana Ruiz\n12 Oak Court\nLowell, MA 01851\n"
        "Write to Coverage Determinations, P.O. Box 7709, Omaha, NE 68103.\n"
    )
    spans = _address_spans(
        text,
        "P.O. Box 30417",
        "Salt Lake City, UT 84130",
        "12 Oak Court",
        "Lowell, MA 01851",
        "P.O. Box 7709, Omaha, NE 68103",
    )
    kept = organisation_addresses(text, spans)
    assert sorted(text[s.start : s.end] for s in kept) == [
        "P.O. Box 30417",
        "P.O. Box 7709, Omaha, NE 68103",
        "Salt Lake City, UT 84130",
    ]


@pytest.mark.unit
def test_a_city_line_under_a_unit_line_is_not_mistaken_for_a_department() -> None:
    text = "Ana Ruiz\n82677 Foxglove Circle, Unit 407\nBangor, ME 04439\n"
    spans = _address_spans(text, "82677 Foxglove Circle, Unit 407", "Bangor, ME 04439")
    assert organisation_addresses(text, spans) == set()


def _result(entity: str, text: str, value: str, score: float, recognizer: str) -> RecognizerResult:
    start = text.index(value)
    return RecognizerResult(
        entity,
        start,
        start + len(value),
        score,
        recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: recognizer},
    )


@pytest.mark.unit
def test_phi_spans_applies_the_rules() -> None:
    text = (
        "Call 1-800-555-0199 or (907) 455-2381. See https://x.example.com/claims/99120044. "
        "Visit www.plan.example.com. Form 0938-0829. Ana lives at 12 Oak Court, Springfield today. "
        "Mobile: 0490 39 07 81."
    )
    results = [
        _result("PHONE_NUMBER", text, "1-800-555-0199", 0.75, "PhoneFaxRecognizer"),
        _result("PHONE_NUMBER", text, "(907) 455-2381", 0.75, "PhoneFaxRecognizer"),
        _result("URL", text, "https://x.example.com/claims/99120044.", 0.6, "UrlRecognizer"),
        _result("URL", text, "www.plan.example.com", 0.5, "UrlRecognizer"),
        _result("PHONE_NUMBER", text, "0938-0829", 0.4, "PhoneRecognizer"),  # short, no phone word: a form no.
        _result("PHONE_NUMBER", text, "0490 39 07 81", 0.4, "PhoneRecognizer"),  # short, after "Mobile:"
        _result("ADDRESS", text, "12 Oak Court", 0.8, "UsAddressRecognizer"),
        _result("LOCATION", text, "Springfield", 0.6, "SpacyRecognizer"),
        _result("US_SSN", text, "0938-0829", 0.05, "UsSsnRecognizer"),
        _result("ORGANIZATION", text, "Form", 0.9, "SomeRecognizer"),
    ]
    found = sorted((s.entity_type, text[s.start : s.end]) for s in phi_spans(text, results))
    assert found == [
        ("ADDRESS", "12 Oak Court"),
        ("ADDRESS", "12 Oak Court, Springfield"),
        ("ADDRESS", "Springfield"),  # a city alone is a Safe Harbor identifier
        ("PHONE_NUMBER", "(907) 455-2381"),
        ("PHONE_NUMBER", "0490 39 07 81"),
        ("URL", "https://x.example.com/claims/99120044"),
    ]


@pytest.mark.unit
def test_a_rule_citation_is_not_a_social_security_number() -> None:
    text = "required by state law (WAC 284-43-3170). SSN 219-09-9999 on file."
    results = [
        _result("US_SSN", text, "284-43-3170", 0.5, "UsSsnRecognizer"),
        _result("US_SSN", text, "219-09-9999", 0.5, "UsSsnRecognizer"),
    ]
    assert [text[s.start : s.end] for s in phi_spans(text, results)] == ["219-09-9999"]


@pytest.mark.unit
def test_places_inside_an_insurer_address_and_names_inside_any_address_are_the_address() -> None:
    text = "Appeals Unit\nP.O. Box 7709\nPhiladelphia, PA 19103\n\nAna lives in Quincy and was born in Texas.\n"
    results = [
        _result("ADDRESS", text, "P.O. Box 7709", 0.8, "UsAddressRecognizer"),
        _result("ADDRESS", text, "Philadelphia, PA 19103", 0.75, "UsAddressRecognizer"),
        _result("PERSON", text, "Philadelphia", 0.6, "SpacyRecognizer"),
        _result("LOCATION", text, "Philadelphia", 0.6, "SpacyRecognizer"),
        _result("LOCATION", text, "Quincy", 0.6, "SpacyRecognizer"),
        _result("LOCATION", text, "Texas", 0.6, "SpacyRecognizer"),
    ]
    found = sorted((s.entity_type, text[s.start : s.end]) for s in phi_spans(text, results))
    assert found == [("ADDRESS", "Quincy")]
