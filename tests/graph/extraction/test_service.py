from __future__ import annotations

import pytest

from graph.denial import Codes, ServiceKind
from graph.extraction.service import find_diagnosis, find_service, infer_service_kind
from tests.graph.extraction.helpers import assert_spans_exact, body_letter, letter_with_rights, values


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Service/Item: 70336 MRI Scan of Jaw Joints\n", "MRI Scan of Jaw Joints"),
        (
            "Requested Service(s): 72148 MRI lumbar spine without contrast\n",
            "MRI lumbar spine without contrast",
        ),
        ("Medication: Ozempic 1 mg pen\n", "Ozempic 1 mg pen"),
        ("We received a request for coverage of HUMIRA. It was reviewed.", "HUMIRA"),
        ("a request for benefits for ZEPBOUND 5 MG/0.5ML. We have not approved", "ZEPBOUND 5 MG/0.5ML"),
        ("your claim for Physical therapy visits has been denied", "Physical therapy visits"),
        ("We cannot approve your Gastric bypass surgery request (procedure 43644)", "Gastric bypass surgery"),
        (
            "the service(s) or item(s) that you or your provider asked for: Inpatient stay at Mercy General from "
            "1/2/2025-1/9/2025.",
            "Inpatient stay at Mercy General",
        ),
    ],
)
def test_finds_the_denied_service(text: str, expected: str) -> None:
    letter = body_letter(text)
    found = find_service(letter)
    assert values(found, "service")[:1] == [expected]
    assert_spans_exact(letter, found)


@pytest.mark.unit
@pytest.mark.parametrize(
    "text",
    [
        "Service: 172598614\n",  # a request number, not a service
        "Service/Item: [SERVICE]\n",  # hand-redacted
        "Requested Service(s)/ Treatment Code:\n",  # blank template field
        "We received a request for coverage of the following item. ",
        "your request for {medical services/items or Part B drug} was denied",
    ],
)
def test_no_service_from_blanks_ids_or_placeholders(text: str) -> None:
    assert find_service(body_letter(text)) == []


@pytest.mark.unit
def test_service_cues_in_appeal_rights_do_not_count() -> None:
    text = "Dear Member,\nPlease call us.\nYour appeal rights\nA request for coverage of ANY DRUG can be appealed."
    assert find_service(letter_with_rights(text, "Your appeal rights")) == []


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Diagnosis: Lumbar radiculopathy (M54.16)\n", "Lumbar radiculopathy (M54.16)"),
        ("Your son was diagnosed with a high grade glioma. He was treated", "high grade glioma"),
        ("Diagnosis:\n", None),
        ("Diagnosis: [DIAGNOSIS]\n", None),
    ],
)
def test_diagnosis(text: str, expected: str | None) -> None:
    found = values(find_diagnosis(body_letter(text)), "diagnosis")
    assert found[:1] == ([expected] if expected else [])


@pytest.mark.unit
@pytest.mark.parametrize(
    ("service", "codes", "kind"),
    [
        ("MRI Scan of Jaw Joints", Codes(), ServiceKind.imaging),
        ("Inpatient Hospitalization", Codes(), ServiceKind.stay),
        ("LIDOCAINE 5% PATCH 30/30", Codes(), ServiceKind.drug),
        ("TRUVADA", Codes(), ServiceKind.drug),
        ("Nerve decompression surgery", Codes(), ServiceKind.procedure),
        ("Power wheelchair", Codes(), ServiceKind.device),
        (None, Codes(cpt=["70336"]), ServiceKind.imaging),
        (None, Codes(hcpcs=["J1745"]), ServiceKind.drug),
        (None, Codes(hcpcs=["E0601"]), ServiceKind.device),
        ("Consultation", Codes(), None),
        (None, Codes(), None),
    ],
)
def test_service_kind(service: str | None, codes: Codes, kind: ServiceKind | None) -> None:
    assert infer_service_kind(service, codes) == kind


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The diagnosis provided was rheumatoid arthritis (M06.9).", "rheumatoid arthritis (M06.9)"),
        ("The medication for the diagnosis provided is considered experimental.", None),
    ],
)
def test_diagnosis_provided(text: str, expected: str | None) -> None:
    found = values(find_diagnosis(body_letter(text)), "diagnosis")
    assert found[:1] == ([expected] if expected else [])
