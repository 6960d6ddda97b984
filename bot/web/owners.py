"""Who a web conversation belongs to, as a keyed pseudonym: never the portal's member id or a cookie value.

The cases table keeps this owner, so a reload (or the same member coming back from the portal) finds the
conversation again, and a database reader learns nothing about who the member is.
"""

from __future__ import annotations

import hashlib
import hmac


def owner_pseudonym(secret: str, kind: str, identifier: str) -> str:
    digest = hmac.new(secret.encode("utf-8"), f"{len(kind)}:{kind}:{identifier}".encode(), hashlib.sha256).hexdigest()
    return f"web-{digest[:40]}"
