"""A visitor without a portal gets a signed random id in a cookie, so a reload finds their conversation again.

The cookie holds `ID.SIGNATURE` (HMAC-SHA256 of the id under the web secret): the id is random, carries no
PHI, and a forged or edited cookie is refused.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from starlette.requests import cookie_parser

VISITOR_COOKIE = "overturn_visitor"
VISITOR_MAX_AGE_S = 30 * 24 * 3600


def new_visitor_cookie(secret: str) -> str:
    visitor = secrets.token_hex(16)
    return f"{visitor}.{_sign(secret, visitor)}"


def visitor_from_cookie(secret: str, value: str | None) -> str | None:
    """The visitor id a cookie value proves, or None when it is missing, malformed or not ours."""
    if not value or value.count(".") != 1:
        return None
    visitor, signature = value.split(".")
    if len(visitor) != 32 or not visitor.isascii() or not signature.isascii():
        return None
    if not hmac.compare_digest(signature, _sign(secret, visitor)):
        return None
    return visitor


def cookie_value(cookie_header: str | None, name: str = VISITOR_COOKIE) -> str | None:
    # Starlette's lenient parser, as the gate's requests use: one malformed cookie from another site must not
    # hide ours (the standard library's SimpleCookie drops the whole header then).
    return cookie_parser(cookie_header or "").get(name)


def _sign(secret: str, visitor: str) -> str:
    return hmac.new(secret.encode("utf-8"), visitor.encode("ascii", "replace"), hashlib.sha256).hexdigest()[:32]
