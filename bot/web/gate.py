"""What the web app checks before Chainlit sees a request, and the letter downloads it serves itself.

- POST /auth/jwt (the widget's sign-in with a portal token) passes only a token `verify_portal_token` accepts:
  signed with our secret, from a portal, unexpired, short-lived. Chainlit then sets its session cookie.
- A page load without a valid visitor cookie gets one (signed random id), so a reload is the same visitor.
- GET /overturn/letters/THREAD.pdf|docx|txt renders the member's own finished letter, for the signed-in
  owner only, never cached.
- GET /overturn/metrics: turn timings (Prometheus text), no content.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse, PlainTextResponse

from bot.web.letter_files import parse_download_path, render
from bot.web.metrics import METRICS_PATH, exposition
from bot.web.portal_tokens import PortalTokenError, verify_portal_token
from bot.web.visitors import VISITOR_COOKIE, VISITOR_MAX_AGE_S, new_visitor_cookie, visitor_from_cookie

log = logging.getLogger("overturn.web")

# (Chainlit session cookie value or None, thread id) -> the letter's text, or None when not theirs / not done.
LetterLookup = Callable[[str | None, str], Awaitable[str | None]]


def install_gate(app: FastAPI, secret: str, max_ttl_s: int, letters: LetterLookup, *, secure_cookies: bool) -> None:
    @app.middleware("http")
    async def gate(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        path = request.url.path
        if request.method == "POST" and path == "/auth/jwt":
            refusal = _refuse_portal_token(request.headers.get("authorization"), secret, max_ttl_s)
            if refusal is not None:
                return refusal
        if request.method == "GET" and path == METRICS_PATH:
            return Response(exposition(), media_type="text/plain; version=0.0.4")
        if request.method == "GET" and (download := parse_download_path(path)) is not None:
            thread_id, letter_format = download
            text = await letters(request.cookies.get("access_token"), thread_id)
            if text is None:
                return PlainTextResponse("This letter is not available. Sign in again and reopen it.", 404)
            body = render(text, letter_format)
            return Response(
                body,
                media_type=letter_format.media_type,
                headers={
                    "Content-Disposition": f'attachment; filename="appeal-letter.{letter_format.extension}"',
                    "Cache-Control": "no-store",
                },
            )
        response = await call_next(request)
        if request.method == "GET" and _is_page(request) and not _has_visitor(request, secret):
            response.set_cookie(
                VISITOR_COOKIE,
                new_visitor_cookie(secret),
                max_age=VISITOR_MAX_AGE_S,
                httponly=True,
                samesite="lax",
                secure=secure_cookies,
            )
        return response


def _refuse_portal_token(authorization: str | None, secret: str, max_ttl_s: int) -> Response | None:
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return JSONResponse({"detail": "Sign in through your patient portal."}, status_code=401)
    try:
        verify_portal_token(token.strip(), secret, max_ttl_s=max_ttl_s)
    except PortalTokenError as exc:
        log.info("portal token refused: %s", exc)  # the reason only; never the token or its claims
        return JSONResponse({"detail": str(exc)}, status_code=401)
    return None


def _is_page(request: Request) -> bool:
    return "text/html" in request.headers.get("accept", "")


def _has_visitor(request: Request, secret: str) -> bool:
    return visitor_from_cookie(secret, request.cookies.get(VISITOR_COOKIE)) is not None
