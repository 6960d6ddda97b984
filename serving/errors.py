"""What can go wrong talking to a model server, split by what the caller should do about it.

Messages name the backend, model and HTTP status only; a server's own error text is kept in `detail` and never
put into `str(exc)`, because some servers echo parts of the request and requests carry letters.
"""

from __future__ import annotations


class ServingError(Exception):
    """Base class for every serving failure."""

    def __init__(self, message: str, *, backend: str, detail: str | None = None) -> None:
        super().__init__(message)
        self.backend = backend
        self.detail = detail


class TransientError(ServingError):
    """Worth retrying or trying elsewhere: connect errors, timeouts, 408, 429 and 5xx."""


class PermanentError(ServingError):
    """Retrying will not help: a bad request, an unknown model or adapter, a rejected key."""

    def __init__(self, message: str, *, backend: str, status: int, model: str, detail: str | None = None) -> None:
        super().__init__(message, backend=backend, detail=detail)
        self.status = status
        self.model = model


class StreamInterrupted(ServingError):
    """A streamed answer stopped before the server said it was done; `received` is how many deltas came first."""

    def __init__(self, message: str, *, backend: str, received: int) -> None:
        super().__init__(message, backend=backend)
        self.received = received


class BackendsUnavailable(ServingError):
    """No backend could answer and the router has no fallback to offer."""

    def __init__(self, message: str, *, reasons: dict[str, str]) -> None:
        super().__init__(message, backend="router")
        self.reasons = reasons
