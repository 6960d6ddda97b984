from __future__ import annotations

import pytest

from graph.redaction.entities import PhiSpan
from graph.redaction.placeholders import canonical_placeholder, format_placeholder, placeholders_in, replace_spans
from store.vault import PhiVault


@pytest.mark.unit
@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("[PERSON_1]", "[PERSON_1]"),
        ("[MEMBER_ID_12]", "[MEMBER_ID_12]"),
        ("[Person 1]", "[PERSON_1]"),
        ("[ member-id_2 ]", "[MEMBER_ID_2]"),
        ("[date of birth 1]", "[DATE_OF_BIRTH_1]"),
        ("PERSON_3", "[PERSON_3]"),
        ("[Your Name]", None),  # a template blank, not ours
        ("[PATIENT_1]", None),  # not one of our types
        ("[PERSON_0]", None),
    ],
)
def test_canonical_placeholder(written: str, canonical: str | None) -> None:
    assert canonical_placeholder(written) == canonical


@pytest.mark.unit
def test_placeholders_in_lists_each_once_in_order() -> None:
    text = "[PERSON_2] wrote to [Person 1] about [CLAIM_NUMBER_1]; [PERSON_2] again. [Your Name]"
    assert placeholders_in(text) == ["[PERSON_2]", "[PERSON_1]", "[CLAIM_NUMBER_1]"]


@pytest.mark.unit
def test_the_vaults_placeholders_are_canonical() -> None:
    vault = PhiVault()
    placeholder = vault.placeholder_for("REFERENCE_NUMBER", "APL-1")
    assert placeholder == format_placeholder("REFERENCE_NUMBER", 1)
    assert canonical_placeholder(placeholder) == placeholder


@pytest.mark.unit
def test_replace_spans_uses_the_vault() -> None:
    text = "Ana Ruiz, id W12345, wrote; Ana Ruiz again."
    spans = [PhiSpan("PERSON", 0, 8, 0.8), PhiSpan("MEMBER_ID", 13, 19, 0.85), PhiSpan("PERSON", 28, 36, 0.8)]
    assert replace_spans(text, spans, PhiVault()) == "[PERSON_1], id [MEMBER_ID_1], wrote; [PERSON_1] again."
