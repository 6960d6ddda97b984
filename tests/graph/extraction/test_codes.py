from __future__ import annotations

import pytest

from graph.extraction.codes import find_codes
from graph.extraction.letter import Letter, Section, SectionKind
from tests.graph.extraction.helpers import assert_spans_exact, body_letter, values

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Service/Item: 99214 Office Visit Level Four", ["99214"]),
        ("Your request for CPT 27447 was reviewed.", ["27447"]),
        ("CPT® code 29881 (knee arthroscopy) is not covered.", ["29881"]),
        ("CPT codes: 15823, 15822 and 67900.", ["15823", "15822", "67900"]),
        ("the surgery request (procedures 63030, 63035, 22612) was reviewed", ["63030", "63035", "22612"]),
        ("Procedure code(s): 43644; 43645", ["43644", "43645"]),
        ("Your doctor billed code 99215-25 for this visit.", ["99215"]),
        ("The billing code 0042T is a Category III code.", ["0042T"]),
        ("Code: 3008F", ["3008F"]),
        ("The code 97530 needs notes.", ["97530"]),
        ("Requested:\n95810 Polysomnography with Sleep Staging\n", ["95810"]),
        ("- 97110 Therapeutic Exercises, each fifteen minutes\n", ["97110"]),
    ],
)
def test_finds_cpt_codes_with_context(text: str, expected: list[str]) -> None:
    letter = body_letter(text)
    found = find_codes(letter)
    assert values(found, "codes.cpt") == expected
    assert_spans_exact(letter, found)


@pytest.mark.parametrize(
    "text",
    [
        "Please write to us at Claims, Box 100, Tulsa, OK 74101 about procedures.",
        "Mail it to 12 Elm Road, Bangor, Maine 04401.",
        "Use zip code 30301 on the form.",
        "California Insurance Code 10169 gives you the right to a review.",
        "Call 1-800-555-0142 or fax 1-800-555-0143.",
        "Service: 172598614",
        "Your member id is 88123456 and the amount billed was $12500.",
        "The code 12500.00 appeared on the statement.",
        "48201 Detroit Office Plaza\n",
        "10450 Harbor Street, Suite 2\n",
        "Dates of service: 10/04/2017-10/10/2017",
        "The procedure code [CPT CODE] was denied.",
        "CPT code XXXXX was denied.",
        "Procedure code: 00042 and 99999 are not codes.",
        "We reviewed procedures 64716-64732 together.",
        "In 2017 there were 45000 requests.",
        "DtC... Llalll.lAIAOl4ll 70336...,_ 3'0U",
    ],
)
def test_five_digit_numbers_without_a_cue_are_not_cpt(text: str) -> None:
    assert values(find_codes(body_letter(text)), "codes.cpt") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The drug is billed as J1745 under your medical benefit.", ["J1745"]),
        ("HCPCS code E0601 (CPAP device) requires records.", ["E0601"]),
        ("HCPCS: L3000, L3010", ["L3000", "L3010"]),
        ("CPT/HCPCS code K0823 was requested.", ["K0823"]),
    ],
)
def test_finds_hcpcs_codes(text: str, expected: list[str]) -> None:
    assert values(find_codes(body_letter(text)), "codes.hcpcs") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Your plan H5216-041 is a Medicare Advantage plan.",
        "Contract S5884 covers Part D drugs.",
        "Member ID: A1234",
        "Reference # J12345678",
        "Claim AB1234C was received.",
        "Suite B1200, Springfield",
        "Building C1400 houses our appeals team.",
        "Y0040_GHHJ5Y8EN is our marketing number.",
        "Policy number E11650 applies.",
    ],
)
def test_id_like_tokens_are_not_hcpcs(text: str) -> None:
    assert values(find_codes(body_letter(text)), "codes.hcpcs") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Diagnosis: M26.62 Arthralgia of temporomandibular joint", ["M26.62"]),
        ("Your doctor listed E11.9 and I10 as diagnoses.", ["E11.9"]),
        ("ICD-10 codes: G43.709, G43.909", ["G43.709", "G43.909"]),
        ("Diagnosis code M2662 was sent.", ["M26.62"]),
        ("Dx: R51", ["R51"]),
        ("The diagnosis code was G47.33. Please send notes.", ["G47.33"]),
        ("Diagnosis: M26.62.1", []),
        ("diagnosis codes Z00.00 and K21.9", ["Z00.00", "K21.9"]),
    ],
)
def test_finds_icd10_codes_in_the_code_set(text: str, expected: list[str]) -> None:
    assert values(find_codes(body_letter(text)), "codes.icd10") == expected


@pytest.mark.parametrize(
    "text",
    [
        "The form number is A99.8 for this notice.",
        "Medical Policy No. M26.62 explains the criteria.",
        "Your member code is M2662.",
        "See Q99.99 in the appendix.",
        "Diagnosis: [DIAGNOSIS CODE]",
        "Anthem Medical Policy SURG.00096 applies.",
    ],
)
def test_icd10_shapes_without_a_real_code_or_cue_are_ignored(text: str) -> None:
    assert values(find_codes(body_letter(text)), "codes.icd10") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Denial code: CO-50", ["CO-50"]),
        ("CARC 197 was applied to this line.", ["197"]),
        ("Claim adjustment reason codes: 16, 252", ["16", "252"]),
        ("Adjustment: PR-1 deductible; OA-23 prior payer", ["PR-1", "OA-23"]),
        ("reason code 50 ... the line shows CO-50.", ["CO-50"]),
        ("Reason code: CO 97", ["CO-97"]),
    ],
)
def test_finds_carc_codes(text: str, expected: list[str]) -> None:
    assert values(find_codes(body_letter(text)), "codes.carc") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Denial Code(s):\n\nImportant Information about Your Appeal Rights",
        "Our office is in Denver, CO 80202.",
        "The reason code 4E is internal.",
        "reason code 1234",
        "We sent it to you at 4 PM.",
    ],
)
def test_no_carc_without_a_valid_code(text: str) -> None:
    assert values(find_codes(body_letter(text)), "codes.carc") == []


def test_each_code_once_with_every_occurrence_as_evidence() -> None:
    text = "CPT 70336 was requested. We reviewed CPT 70336 again and CPT 70553."
    letter = body_letter(text)
    found = [f for f in find_codes(letter) if f.field == "codes.cpt"]
    assert [f.value for f in found] == ["70336", "70553"]
    assert [s.start for s in found[0].spans] == [text.index("70336"), text.rindex("70336")]
    assert_spans_exact(letter, found)


def test_confident_only_with_a_labelled_cue() -> None:
    found = find_codes(body_letter("CPT 99213. The drug J3490 was also named."))
    confidence = {f.value: f.confidence for f in found}
    assert confidence["99213"] >= 0.9
    assert 0.5 <= confidence["J3490"] < 0.9


def test_form_instructions_give_no_codes() -> None:
    text = "{Insert CPT code, e.g. CPT 99213}\nCPT 27447"
    letter = Letter.of(text, (Section(SectionKind.instructions, 0, text.index("\n")),))
    assert values(find_codes(letter), "codes.cpt") == ["27447"]


@pytest.mark.unit
def test_cpt_after_a_requested_service_label() -> None:
    letter = body_letter("Requested Service(s): 72148 MRI lumbar spine without contrast\n")
    assert values(find_codes(letter), "codes.cpt") == ["72148"]
