from __future__ import annotations

import pytest

from graph.redaction.rehydration import INVENTED_MARK, rehydrate
from store.vault import PhiVault


@pytest.fixture
def vault() -> PhiVault:
    vault = PhiVault()
    vault.placeholder_for("PERSON", "Ana Ruiz")
    vault.placeholder_for("MEMBER_ID", "W12345")
    vault.placeholder_for("CLAIM_NUMBER", "E-991")
    return vault


@pytest.mark.unit
def test_every_placeholder_gets_its_value_back(vault: PhiVault) -> None:
    result = rehydrate("I, [PERSON_1], member [MEMBER_ID_1], appeal claim [CLAIM_NUMBER_1].", vault)
    assert result.text == "I, Ana Ruiz, member W12345, appeal claim E-991."
    assert result.missing == [] and result.unknown == []


@pytest.mark.unit
def test_a_garbled_placeholder_is_still_restored(vault: PhiVault) -> None:
    assert rehydrate("Signed, [Person 1] / PERSON_1", vault).text == "Signed, Ana Ruiz / Ana Ruiz"


@pytest.mark.unit
def test_a_dropped_placeholder_is_reported_missing(vault: PhiVault) -> None:
    result = rehydrate("I, [PERSON_1], appeal.", vault, expected=["[PERSON_1]", "[CLAIM_NUMBER_1]"])
    assert result.missing == ["[CLAIM_NUMBER_1]"]
    assert result.text == "I, Ana Ruiz, appeal."


@pytest.mark.unit
def test_by_default_every_issued_placeholder_is_expected(vault: PhiVault) -> None:
    assert rehydrate("I, [PERSON_1], appeal.", vault).missing == ["[MEMBER_ID_1]", "[CLAIM_NUMBER_1]"]


@pytest.mark.unit
def test_an_invented_placeholder_is_never_shown_as_real(vault: PhiVault) -> None:
    result = rehydrate("Dr. [PERSON_2] agrees with [PERSON_1]; see [MRN_1].", vault)
    assert result.unknown == ["[PERSON_2]", "[MRN_1]"]
    assert result.text == f"Dr. {INVENTED_MARK} agrees with Ana Ruiz; see {INVENTED_MARK}."
    assert "[" not in result.text


@pytest.mark.unit
def test_bracketed_text_that_is_not_a_placeholder_stays(vault: PhiVault) -> None:
    assert rehydrate("[Your signature]", vault).text == "[Your signature]"
