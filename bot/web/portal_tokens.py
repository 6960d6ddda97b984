"""Tokens a patient portal mints so its signed-in member lands in the widget already known to us.

The portal and Overturn share one secret (OVERTURN_WEB_SECRET). A token is an HS256 JWT whose claims are
exactly what Chainlit's own `/auth/jwt` accepts (identifier, display_name, metadata, iat, exp), so the copilot
widget's `accessToken` works unchanged; we check it more strictly first (`verify_portal_token`): it must say
it comes from a portal, carry an expiry, and live no longer than the configured maximum.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Any

import jwt

ALGORITHM = "HS256"
PORTAL_KIND = "portal"
# Member ids are opaque to us; we only refuse what cannot be one (empty, huge, control characters).
_MEMBER_ID = re.compile(r"[\w.@:+-]{1,128}", re.ASCII)
_CLOCK_SKEW_S = 30


class PortalTokenError(ValueError):
    """The token cannot be trusted; the message says why without echoing the token."""


@dataclass(frozen=True)
class PortalMember:
    member_id: str
    display_name: str | None
    expires_at: int


def mint_portal_token(
    secret: str, member_id: str, *, ttl_s: int = 300, display_name: str | None = None, now: float | None = None
) -> str:
    """What a portal's back end does for a signed-in member (our demo portal and the tests use it too)."""
    if not _MEMBER_ID.fullmatch(member_id):
        raise PortalTokenError("a member id is 1-128 letters, digits or . @ : + - _")
    issued = int(time.time() if now is None else now)
    claims: dict[str, Any] = {
        "identifier": member_id,
        "display_name": display_name,
        "metadata": {"kind": PORTAL_KIND},
        "iat": issued,
        "exp": issued + ttl_s,
    }
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


def verify_portal_token(token: str, secret: str, *, max_ttl_s: int, now: float | None = None) -> PortalMember:
    try:
        claims = jwt.decode(
            token,
            secret,
            algorithms=[ALGORITHM],
            options={"require": ["exp", "iat", "identifier"]},
            leeway=_CLOCK_SKEW_S,
        )
    except jwt.ExpiredSignatureError:
        raise PortalTokenError("the sign-in from your portal has expired; reload the portal page") from None
    except jwt.MissingRequiredClaimError as exc:
        raise PortalTokenError(f"the portal token has no {exc.claim!r}") from None
    except jwt.InvalidTokenError:
        raise PortalTokenError("the portal token is not valid") from None
    if now is not None and claims["exp"] < now - _CLOCK_SKEW_S:  # pyjwt checks against the real clock only
        raise PortalTokenError("the sign-in from your portal has expired; reload the portal page")
    if not all(_is_number(claims[name]) for name in ("exp", "iat")):
        raise PortalTokenError("the portal token's times are not numbers")
    if claims["exp"] - claims["iat"] > max_ttl_s:
        raise PortalTokenError(f"the portal token lives longer than {max_ttl_s} seconds")
    metadata = claims.get("metadata")
    if not isinstance(metadata, dict) or metadata.get("kind") != PORTAL_KIND:
        raise PortalTokenError("the token was not minted by a portal")
    member_id = claims["identifier"]
    if not isinstance(member_id, str) or not _MEMBER_ID.fullmatch(member_id):
        raise PortalTokenError("the portal token's member id is not valid")
    display_name = claims.get("display_name")
    return PortalMember(member_id, display_name if isinstance(display_name, str) else None, int(claims["exp"]))


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
