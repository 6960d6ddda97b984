"""A stand-in patient portal for demos and browser tests: one page with the Overturn widget on it.

A real portal does the same three things: its back end mints a short-lived token for the signed-in member
(`mint_portal_token`, with the secret it shares with Overturn), its page loads the widget with one script
tag, and calls `mountChainlitWidget` with that token. It runs on its own origin (port 8001 by default), which
must be in OVERTURN_WEB_ALLOW_ORIGINS.
"""

from __future__ import annotations

import html
import json

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse
from starlette.routing import Route

from bot.keys import resolve_web_secret
from bot.settings import Settings
from bot.web.portal_tokens import PortalTokenError, mint_portal_token

DEMO_MEMBER = "demo-member-0001"
TOKEN_TTL_S = 300

PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Example Health — member portal</title>
  <style>
    body {{ font-family: system-ui, sans-serif; margin: 0; background: #f4f6f8; color: #1d2733; }}
    header {{ background: #0b5394; color: white; padding: 16px 32px; font-size: 20px; }}
    main {{ padding: 32px; max-width: 760px; }}
    .card {{ background: white; border-radius: 8px; padding: 20px 24px; margin-bottom: 16px;
             box-shadow: 0 1px 3px rgba(0,0,0,.1); }}
  </style>
</head>
<body>
  <header>Example Health · Member portal (demo)</header>
  <main>
    <div class="card"><h2>Welcome back, {name}</h2>
      <p>Claims · Benefits · Messages</p></div>
    <div class="card"><h3>Was a claim denied?</h3>
      <p>Open the chat in the corner: Overturn helps you write an appeal letter, step by step.</p></div>
  </main>
  <script src="{app}/copilot/index.js"></script>
  <script>
    window.mountChainlitWidget({{
      chainlitServer: {app_json},
      accessToken: {token_json},
      button: {{ imageUrl: {app_json} + "/favicon" }},
    }});
  </script>
</body>
</html>
"""


def portal_page(app_url: str, token: str, display_name: str) -> str:
    return PAGE.format(
        name=html.escape(display_name),
        app=html.escape(app_url, quote=True),
        app_json=json.dumps(app_url),
        token_json=json.dumps(token),
    )


def portal_app(settings: Settings, app_url: str) -> Starlette:
    secret = resolve_web_secret(settings)

    async def page(request: Request) -> HTMLResponse | PlainTextResponse:
        member = request.query_params.get("member", DEMO_MEMBER)
        name = request.query_params.get("name", "Alex Demo")
        try:
            token = mint_portal_token(secret, member, ttl_s=TOKEN_TTL_S, display_name=name)
        except PortalTokenError as exc:
            return PlainTextResponse(str(exc), status_code=400)
        return HTMLResponse(portal_page(app_url, token, name), headers={"Cache-Control": "no-store"})

    return Starlette(routes=[Route("/", page)])


def serve(settings: Settings, host: str, port: int, app_url: str) -> int:
    print(f"The demo portal is at http://{host}:{port} (the widget talks to {app_url}).", flush=True)
    uvicorn.run(portal_app(settings, app_url), host=host, port=port, log_level="warning")
    return 0
