"""`overturn web` (the member's chat app) and `overturn portal-demo` (a stand-in portal that embeds it)."""

from __future__ import annotations

import argparse
import os

from bot.cli.errors import UserFacingError
from bot.settings import get_settings
from bot.web.chainlit_config import OriginsError, check_origins


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    web = sub.add_parser("web", help="serve the member's chat app in the browser (prints its address)")
    web.add_argument("--host", help="address to listen on (default: OVERTURN_WEB_HOST, 127.0.0.1)")
    web.add_argument("--port", type=int, help="port (default: OVERTURN_WEB_PORT, 8000)")
    web.set_defaults(run=run_web)
    portal = sub.add_parser("portal-demo", help="serve an example patient portal page with the widget on it")
    portal.add_argument("--port", type=int, default=8001, help="port (default 8001)")
    portal.add_argument("--app", help="the Overturn app's address (default: the web settings')")
    portal.set_defaults(run=run_portal)


def run_web(args: argparse.Namespace) -> int:
    from bot.web.launcher import serve

    # Through the environment: the app module Chainlit loads reads the same settings.
    if args.host:
        os.environ["OVERTURN_WEB_HOST"] = args.host
    if args.port:
        os.environ["OVERTURN_WEB_PORT"] = str(args.port)
    get_settings.cache_clear()
    settings = get_settings()
    try:
        check_origins(settings.web_allow_origins)
    except OriginsError as exc:
        raise UserFacingError(str(exc)) from None
    return serve(settings)


def run_portal(args: argparse.Namespace) -> int:
    from bot.web.launcher import public_url
    from bot.web.portal_demo import serve

    settings = get_settings()
    return serve(settings, "127.0.0.1", args.port, (args.app or public_url(settings)).rstrip("/"))
