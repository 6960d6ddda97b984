"""Talking to models: an OpenAI-compatible client, a router with breakers and a fallback, the model registry."""

from serving.backend import Backend, BreakerSettings, Retries, Timeouts
from serving.client import ChatClient
from serving.errors import BackendsUnavailable, PermanentError, ServingError, StreamInterrupted, TransientError
from serving.metrics import ServingMetrics
from serving.router import Fallback, Router
from serving.types import ChatMessage, ChatRequest, Completion, Usage

__all__ = [
    "Backend",
    "BackendsUnavailable",
    "BreakerSettings",
    "ChatClient",
    "ChatMessage",
    "ChatRequest",
    "Completion",
    "Fallback",
    "PermanentError",
    "Retries",
    "Router",
    "ServingError",
    "ServingMetrics",
    "StreamInterrupted",
    "Timeouts",
    "TransientError",
    "Usage",
]
