"""Owner pseudonyms: stable for one member, different across secrets, kinds and members, and never the id."""

from __future__ import annotations

import re

import pytest

from bot.web.owners import owner_pseudonym

pytestmark = pytest.mark.unit

SECRET = "owner-secret-for-tests-0123456789abcdef"


def test_the_same_member_gets_the_same_owner() -> None:
    assert owner_pseudonym(SECRET, "portal", "member-42") == owner_pseudonym(SECRET, "portal", "member-42")


@pytest.mark.parametrize(
    "other",
    [
        pytest.param(("another-secret-0123456789abcdef", "portal", "member-42"), id="secret"),
        pytest.param((SECRET, "visitor", "member-42"), id="kind"),
        pytest.param((SECRET, "portal", "member-43"), id="identifier"),
        pytest.param((SECRET, "portal", "Member-42"), id="identifier-case"),
        pytest.param((SECRET, "portalm", "ember-42"), id="kind-identifier-boundary"),
        pytest.param((SECRET, "member-42", "portal"), id="swapped"),
    ],
)
def test_any_difference_gives_another_owner(other: tuple[str, str, str]) -> None:
    assert owner_pseudonym(*other) != owner_pseudonym(SECRET, "portal", "member-42")


@pytest.mark.parametrize("identifier", ["member-42", "a", "visitor-" + "0f" * 16, "ana@example.org", "x" * 128])
def test_the_owner_is_a_fixed_format_pseudonym_without_the_id(identifier: str) -> None:
    owner = owner_pseudonym(SECRET, "portal", identifier)
    assert re.fullmatch(r"web-[0-9a-f]{40}", owner)
    assert len(owner) == 44 <= 128  # fits cases.owner
    if len(identifier) > 1:
        assert identifier not in owner
    assert SECRET not in owner


def test_owners_do_not_collide_across_many_members() -> None:
    owners = {owner_pseudonym(SECRET, kind, f"m{n}") for kind in ("portal", "visitor") for n in range(500)}
    assert len(owners) == 1000
