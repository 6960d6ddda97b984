"""Canary PHI must not reach a model or a log: reading -> extraction -> redaction -> a (fake) model call.

The letter carries invented canary values. Extraction runs on the member's own text, locally; everything sent
on is redacted: the letter by the case's redactor, the extracted facts by the same redactor taught the values
the letter revealed (known values), so a fact quoting the letter cannot carry an identifier past it.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from presidio_analyzer import AnalyzerEngine

from graph.extraction.extractor import extract
from graph.reading import read_document
from graph.redaction import KnownValue, Redactor
from store.vault import PhiVault

CANARIES = [
    "Zebulon",
    "Quattlebaum",
    "CANARY-778812",
    "02/29/1964",
    "(406) 555-0182",
    "555-0182",
    "2291 Thistlewood Drive",
    "Missoula, MT 59801",
    "CLM-44019-2291",
    "Halvorsen-Pike",
]

CANARY_LETTER = """Glacier Peak Health Plan
Utilization Management Department
P.O. Box 73120
Boise, ID 83707

March 14, 2026

Zebulon Quattlebaum
2291 Thistlewood Drive
Missoula, MT 59801

Member name: Zebulon Quattlebaum
Date of birth: 02/29/1964
Member ID: CANARY-778812
Claim number: CLM-44019-2291
Phone: (406) 555-0182

Dear Zebulon Quattlebaum,

We reviewed the request from Dr. Ingrid Halvorsen-Pike for physical therapy, 12 visits (CPT 97110), for
low back pain (M54.50). We denied the request because the records do not show a home exercise program
tried first. This decision was based on our Physical Therapy Policy PT-04.

You may appeal within 180 days of the date of this letter. Call 1-800-555-0147 or write to the address
above. If waiting could seriously harm your health, you may ask for an expedited appeal.

Sincerely,
Ingrid Halvorsen-Pike, MD
Medical Director
"""


class FakeModel:
    """Stands in for the model endpoint: keeps the request body it was sent, logs it as a client would."""

    def __init__(self) -> None:
        self.bodies: list[str] = []
        self.log = logging.getLogger("overturn.fake_model")

    def complete(self, body: dict[str, Any]) -> str:
        raw = json.dumps(body)
        self.bodies.append(raw)
        self.log.debug("POST /v1/chat/completions %s", raw)
        return "Dear plan, I, [PERSON_1], appeal the denial of physical therapy."


def _prompt(letter: str, facts: str) -> dict[str, Any]:
    return {
        "model": "overturn-appeal",
        "messages": [
            {"role": "system", "content": "Write an appeal letter for the member."},
            {"role": "user", "content": f"Denial letter:\n{letter}\n\nWhat we understood:\n{facts}"},
        ],
    }


@pytest.mark.unit
def test_canary_phi_reaches_neither_the_model_nor_a_log(
    analyzer: AnalyzerEngine, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, every level
    document = read_document(CANARY_LETTER.encode(), "letter.txt")
    details = extract(document.text)
    assert details.claim_id == "CLM-44019-2291"  # extraction saw the real text

    vault = PhiVault()
    redactor = Redactor(analyzer)
    letter = redactor.redact(document.text, vault)
    case_redactor = redactor.with_known_values(
        KnownValue(span.entity_type, document.text[span.start : span.end]) for span in letter.spans
    )
    facts = case_redactor.redact(details.model_dump_json(), vault)
    model = FakeModel()
    reply = model.complete(_prompt(letter.text, facts.text))

    assert model.bodies and "[PERSON_1]" in model.bodies[0] and "CPT 97110" in model.bodies[0]
    leaked_to_model = [c for c in CANARIES if c in model.bodies[0]]
    assert leaked_to_model == []
    assert any(r.name == "overturn.fake_model" for r in caplog.records)  # the capture did see the call
    logged = "\n".join(f"{r.name} {r.getMessage()}" for r in caplog.records)
    assert [c for c in CANARIES if c in logged] == []
    assert "Zebulon Quattlebaum" not in reply
