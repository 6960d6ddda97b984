"""The one kind of error a CLI user sees: a single line, never a traceback."""

from __future__ import annotations


class UserFacingError(Exception):
    """Raised with a message written for the person at the terminal; exit code 2 means bad input."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code
