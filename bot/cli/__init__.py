"""`overturn`: the command-line channel. Each subcommand lives in its own module and registers itself here."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence

from bot.cli import (
    appeal_command,
    audit_command,
    chat_command,
    data_command,
    db_command,
    eval_command,
    export_command,
    extract_command,
    letters_command,
    models_command,
    prompts_command,
    redact_command,
    shadow_command,
    web_command,
)
from bot.cli.errors import UserFacingError

Registrar = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]

COMMANDS: tuple[Registrar, ...] = (
    extract_command.register,
    redact_command.register,
    eval_command.register,
    models_command.register,
    chat_command.register,
    appeal_command.register,
    prompts_command.register,
    shadow_command.register,
    audit_command.register,
    letters_command.register,
    data_command.register,
    export_command.register,
    db_command.register,
    web_command.register,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="overturn", description="Appeal a health-insurance denial.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for register in COMMANDS:
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except UserFacingError as exc:
        print(f"overturn: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("overturn: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if os.environ.get("OVERTURN_DEBUG"):
            raise
        # The message may quote the letter, so only the kind of failure is shown.
        print(
            f"overturn: something went wrong ({type(exc).__name__}); set OVERTURN_DEBUG=1 for details", file=sys.stderr
        )
        return 1
    return code


if __name__ == "__main__":
    raise SystemExit(main())
