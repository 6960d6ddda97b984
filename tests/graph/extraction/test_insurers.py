from __future__ import annotations

import pytest

from graph.extraction.insurers import find_insurer
from graph.extraction.letter import Letter
from graph.extraction.sections import find_sections
from tests.graph.extraction.helpers import assert_spans_exact, values


def _best(text: str, field: str) -> str | None:
    letter = Letter.of(text, find_sections(text))
    found = [f for f in find_insurer(letter) if f.field == field]
    assert_spans_exact(letter, found)
    if not found:
        return None
    best = max(found, key=lambda f: f.confidence)
    assert isinstance(best.value, str)
    return best.value


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thank you for having a Humana plan.", "Humana"),
        ("UNITEDHEALTHCARE\nP.O. Box 100\nDear Mr. Ostrowski,", "UnitedHealthcare"),
        ("Your United Healthcare plan reviewed the request.", "UnitedHealthcare"),
        ("UHC has reviewed your request.", "UnitedHealthcare"),
        ("Anthem Blue Cross has decided not to cover the scan.", "Anthem"),
        ("At HIP Health Plan of New York we try hard.", "HIP Health Plan of New York"),
        ("Blue Cross Blue Shield of Nebraska reviewed your claim.", "Blue Cross Blue Shield of Nebraska"),
        ("Wellmark is an independent licensee of the Blue Cross and Blue Shield Association.", "Wellmark"),
        ("BLUE CROSS AND BLUE SHIELD\nDear Member,", "Blue Cross Blue Shield"),
        ("Florida Blue, an independent licensee of the Blue Cross and Blue Shield Association.", "Florida Blue"),
        # a vendor writing for a plan it names: the plan is the insurer
        ("eviCore healthcare reviews imaging requests for Cigna.", "Cigna"),
        ("OptumRx manages pharmacy benefits for your UnitedHealthcare plan.", "UnitedHealthcare"),
        # a vendor writing for an unnamed plan: the vendor is the insurer
        ("AIM Specialty Health has been authorized by your health plan to review the request.",
         "AIM Specialty Health"),
        ("Express Scripts reviewed the prior authorization request.", "Express Scripts"),
    ],
)  # fmt: skip
def test_insurer_is_the_canonical_payer(text: str, expected: str | None) -> None:
    assert _best(text, "insurer") == expected


@pytest.mark.unit
@pytest.mark.parametrize(
    "text",
    [
        "Dear [Customer], [InsuranceCompany] Management Services Organization reviewed your case.",
        "Sincerely,\n[HealthInsurancecompany]",
        "You can file a grievance with Legal Entity within 180 days.",
        "You may ask {health plan name} for an appeal.",
        "Your total hip replacement was denied. The national anthem played.",
        "We sent a copy to Oscar, your caseworker.",
        "Dr. Rosa Molina asked us to approve the infusion.",
        "Your primary plan is Aetna; your secondary plan is Cigna.",
        "[Insert plan name, for example Humana or Aetna]",
    ],
)
def test_no_insurer_from_placeholders_vendorless_words_or_conflicts(text: str) -> None:
    assert _best(text, "insurer") is None


@pytest.mark.unit
def test_confidence_rises_with_strong_context_and_repeats() -> None:
    text = "Thank you for choosing Cigna. Cigna reviewed your request."
    (insurer,) = values(find_insurer(Letter.of(text, ())), "insurer")
    assert insurer == "Cigna"
    found = [f for f in find_insurer(Letter.of(text, ())) if f.field == "insurer"]
    plain = [f for f in find_insurer(Letter.of("We work with Cigna.", ())) if f.field == "insurer"]
    assert found[0].confidence > plain[0].confidence
    assert [s.text for s in found[0].spans] == ["Cigna", "Cigna"]


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "plan_name", "insurer"),
    [
        ("Your Humana Gold Plus plan does not cover this.", "Humana Gold Plus", "Humana"),
        ("Member of Aetna Choice POS II since 2020.", "Aetna Choice POS II", "Aetna"),
        ("Welcome to Humana Gold Plus H1036-236 (HMO).", "Humana Gold Plus", "Humana"),
        ("Your SilverScript plan reviewed the drug.", "SilverScript", "Aetna"),
        ("At HIP Health Plan of New York we try hard.", "HIP Health Plan of New York", "HIP Health Plan of New York"),
        ("Thank you for having a Humana plan.", None, "Humana"),
        ("Your Aetna PPO plan does not cover this.", None, "Aetna"),
    ],
)
def test_plan_name_when_stated(text: str, plan_name: str | None, insurer: str) -> None:
    assert _best(text, "plan_name") == plan_name
    assert _best(text, "insurer") == insurer
