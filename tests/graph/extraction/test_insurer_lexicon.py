from __future__ import annotations

from collections import Counter

import pytest

from graph.extraction.insurer_lexicon import PAYER_BY_NAME, PAYERS, PRODUCTS, Role


def _key(alias: str) -> str:
    return " ".join(alias.split()).casefold()


@pytest.mark.unit
def test_names_and_aliases_are_unique() -> None:
    assert len(PAYER_BY_NAME) == len(PAYERS)
    counts = Counter(key for payer in PAYERS for key in {_key(alias) for alias in payer.aliases})
    assert [alias for alias, n in counts.items() if n > 1] == []


@pytest.mark.unit
def test_every_product_belongs_to_a_listed_plan() -> None:
    for product in PRODUCTS:
        assert PAYER_BY_NAME[product.payer].role is Role.plan, product.name


@pytest.mark.unit
@pytest.mark.parametrize("word", ["HIP", "AIM", "Oscar", "Horizon", "Empire", "Legal Entity", "Medicare", "Blue"])
def test_ambiguous_words_are_not_aliases(word: str) -> None:
    assert all(_key(word) != _key(alias) for payer in PAYERS for alias in payer.aliases)


@pytest.mark.unit
@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("Express Scripts", Role.pbm),
        ("CVS Caremark", Role.pbm),
        ("OptumRx", Role.pbm),
        ("AIM Specialty Health", Role.um_vendor),
        ("Carelon Medical Benefits Management", Role.um_vendor),
        ("eviCore healthcare", Role.um_vendor),
        ("Anthem", Role.plan),
        ("HIP Health Plan of New York", Role.plan),
    ],
)
def test_roles(name: str, role: Role) -> None:
    assert PAYER_BY_NAME[name].role is role
