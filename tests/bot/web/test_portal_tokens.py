"""Portal tokens: what a portal mints round-trips; everything else is refused with a reason, never the token."""

from __future__ import annotations

import base64
import json
import time
from typing import Any

import jwt
import pytest

from bot.web.portal_tokens import PortalMember, PortalTokenError, mint_portal_token, verify_portal_token

pytestmark = pytest.mark.unit

SECRET = "portal-secret-for-tests-" + "0123456789abcdef" * 3
OTHER_SECRET = "another-secret-for-tests-" + "0123456789abcdef" * 3
MAX_TTL = 300


def _claims(**changes: Any) -> dict[str, Any]:
    issued = int(time.time())
    claims: dict[str, Any] = {
        "identifier": "member-42",
        "display_name": "Ana",
        "metadata": {"kind": "portal"},
        "iat": issued,
        "exp": issued + 120,
    }
    for name, value in changes.items():
        if value is _DROP:
            del claims[name]
        else:
            claims[name] = value
    return claims


_DROP = object()


def _crafted(secret: str = SECRET, **changes: Any) -> str:
    return jwt.encode(_claims(**changes), secret, algorithm="HS256")


def _refusal(token: str, *, now: float | None = None, secret: str = SECRET) -> PortalTokenError:
    with pytest.raises(PortalTokenError) as caught:
        verify_portal_token(token, secret, max_ttl_s=MAX_TTL, now=now)
    return caught.value


def test_a_minted_token_round_trips() -> None:
    before = int(time.time())
    token = mint_portal_token(SECRET, "member-42", ttl_s=120, display_name="Ana Li")
    member = verify_portal_token(token, SECRET, max_ttl_s=MAX_TTL)
    assert (member.member_id, member.display_name) == ("member-42", "Ana Li")
    assert before + 120 <= member.expires_at <= int(time.time()) + 120


def test_the_token_carries_what_chainlit_expects() -> None:
    token = mint_portal_token(SECRET, "m.1@portal:x+y_z-0", ttl_s=60, now=1_000_000)
    header = jwt.get_unverified_header(token)
    claims = jwt.decode(token, options={"verify_signature": False})
    assert header["alg"] == "HS256"
    assert claims == {
        "identifier": "m.1@portal:x+y_z-0",
        "display_name": None,
        "metadata": {"kind": "portal"},
        "iat": 1_000_000,
        "exp": 1_000_060,
    }


def test_no_display_name_and_a_non_string_one_are_none() -> None:
    assert verify_portal_token(mint_portal_token(SECRET, "m1"), SECRET, max_ttl_s=MAX_TTL).display_name is None
    member = verify_portal_token(_crafted(display_name={"html": "<b>"}), SECRET, max_ttl_s=MAX_TTL)
    assert member == PortalMember("member-42", None, member.expires_at)


def test_a_token_living_exactly_the_maximum_is_accepted() -> None:
    token = mint_portal_token(SECRET, "m1", ttl_s=MAX_TTL)
    assert verify_portal_token(token, SECRET, max_ttl_s=MAX_TTL).member_id == "m1"


def test_expiry_is_checked_against_the_given_clock_with_30_seconds_of_skew() -> None:
    token = mint_portal_token(SECRET, "m1", ttl_s=60)
    exp = int(jwt.decode(token, options={"verify_signature": False})["exp"])
    assert verify_portal_token(token, SECRET, max_ttl_s=MAX_TTL, now=exp + 29).member_id == "m1"
    error = _refusal(token, now=exp + 31)
    assert "expired" in str(error)


def test_a_token_expired_by_the_real_clock_is_refused() -> None:
    token = mint_portal_token(SECRET, "m1", ttl_s=60, now=time.time() - 3600)
    assert "expired" in str(_refusal(token))


@pytest.mark.parametrize(
    ("token", "reason"),
    [
        pytest.param(lambda: _crafted(OTHER_SECRET), "not valid", id="wrong-secret"),
        pytest.param(lambda: _crafted(exp=_DROP), "has no 'exp'", id="missing-exp"),
        pytest.param(lambda: _crafted(iat=_DROP), "has no 'iat'", id="missing-iat"),
        pytest.param(lambda: _crafted(identifier=_DROP), "has no 'identifier'", id="missing-identifier"),
        pytest.param(lambda: mint_portal_token(SECRET, "m1", ttl_s=MAX_TTL + 1), "longer than 300", id="ttl"),
        pytest.param(lambda: _crafted(exp=int(time.time()) + 10**6), "longer than 300", id="crafted-ttl"),
        pytest.param(lambda: _crafted(metadata={"kind": "visitor"}), "not minted by a portal", id="kind-visitor"),
        pytest.param(lambda: _crafted(metadata=_DROP), "not minted by a portal", id="no-metadata"),
        pytest.param(lambda: _crafted(metadata="portal"), "not minted by a portal", id="metadata-str"),
        pytest.param(lambda: _crafted(metadata={"kind": "PORTAL"}), "not minted by a portal", id="kind-case"),
        pytest.param(lambda: _crafted(identifier=""), "member id", id="id-empty"),
        pytest.param(lambda: _crafted(identifier="a" * 200), "member id", id="id-200"),
        pytest.param(lambda: _crafted(identifier="a\x00b"), "member id", id="id-nul"),
        pytest.param(lambda: _crafted(identifier="a\nb"), "member id", id="id-newline"),
        pytest.param(lambda: _crafted(identifier="a b"), "member id", id="id-space"),
        pytest.param(lambda: _crafted(identifier=42), "member id", id="id-int"),
        pytest.param(lambda: _crafted(iat=int(time.time()) + 10**6, exp=int(time.time()) + 10**6 + 60), "not valid",
                     id="issued-in-the-future"),
        pytest.param(lambda: "not-a-jwt", "not valid", id="garbage"),
        pytest.param(lambda: "", "not valid", id="empty"),
    ],
)  # fmt: skip
def test_refused_tokens(token: Any, reason: str) -> None:
    made: str = token()
    error = _refusal(made)
    assert reason in str(error)
    # No pyjwt exception (whose text may quote claims) is chained into a logged traceback.
    assert error.__cause__ is None and (error.__context__ is None or error.__suppress_context__)


def test_an_unsigned_token_is_refused() -> None:
    unsigned = jwt.encode(_claims(), "", algorithm="none")
    assert unsigned.endswith(".")
    assert "not valid" in str(_refusal(unsigned))


def test_another_hmac_algorithm_with_our_secret_is_refused() -> None:
    assert "not valid" in str(_refusal(jwt.encode(_claims(), SECRET, algorithm="HS512")))


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def test_a_tampered_payload_is_refused() -> None:
    header, payload, signature = mint_portal_token(SECRET, "member-42").split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["identifier"] = "member-43"
    tampered = ".".join([header, _b64(json.dumps(claims).encode()), signature])
    assert "not valid" in str(_refusal(tampered))


def test_a_tampered_signature_is_refused() -> None:
    token = mint_portal_token(SECRET, "member-42")
    head, _, signature = token.rpartition(".")
    flipped = ("A" if signature[0] != "A" else "B") + signature[1:]
    assert "not valid" in str(_refusal(f"{head}.{flipped}"))


@pytest.mark.parametrize("member_id", ["", "a" * 129, "a" * 200, "a\x00b", "a\x1bb", "a\nb", "a b", " a", "a/b"])
def test_minting_refuses_what_cannot_be_a_member_id(member_id: str) -> None:
    with pytest.raises(PortalTokenError, match="member id"):
        mint_portal_token(SECRET, member_id)


@pytest.mark.parametrize("member_id", ["abc\n"])
def test_a_member_id_ending_in_a_newline_is_refused(member_id: str) -> None:
    with pytest.raises(PortalTokenError, match="member id"):
        mint_portal_token(SECRET, member_id)
    _refusal(_crafted(identifier=member_id))


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"iat": str(int(time.time()))}, id="iat-str"),
        pytest.param({"exp": str(int(time.time()) + 60)}, id="exp-str"),
    ],
)
def test_a_signed_token_with_string_times_is_refused_not_a_crash(changes: dict[str, Any]) -> None:
    _refusal(_crafted(**changes))


def test_a_refusal_never_echoes_the_token() -> None:
    tokens = [
        _crafted(OTHER_SECRET),
        _crafted(exp=_DROP),
        _crafted(metadata={"kind": "visitor"}),
        _crafted(identifier="a b"),
        mint_portal_token(SECRET, "member-42", ttl_s=MAX_TTL * 10),
        mint_portal_token(SECRET, "member-42", now=time.time() - 3600),
    ]
    for token in tokens:
        message = str(_refusal(token))
        assert all(part not in message for part in token.split(".")), message
        assert "member-42" not in message
