"""The last few analyses a redactor made, by a digest of the text: the interview redacts the same letter text
more than once (to show it, to draft from it, to check a draft), and each analysis costs tens of
milliseconds. Keys are SHA-256 digests and values are offsets, so the cache holds no PHI itself.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable

from graph.redaction.entities import PhiSpan

DEFAULT_SIZE = 16


class AnalysisCache:
    """A small least-recently-used map from a text's digest to its spans; size 0 keeps nothing."""

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        if size < 0:
            raise ValueError("a cache size cannot be negative")
        self.size = size
        self._spans: OrderedDict[bytes, tuple[PhiSpan, ...]] = OrderedDict()
        self._lock = threading.Lock()

    def spans(self, text: str, analyze: Callable[[str], list[PhiSpan]]) -> list[PhiSpan]:
        """The spans of `text`: remembered, or found by `analyze` (and then remembered)."""
        if self.size == 0:
            return analyze(text)
        key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
        with self._lock:
            known = self._spans.get(key)
            if known is not None:
                self._spans.move_to_end(key)
                return list(known)
        found = analyze(text)
        with self._lock:
            self._spans[key] = tuple(found)
            while len(self._spans) > self.size:
                self._spans.popitem(last=False)
        return found

    def __len__(self) -> int:
        return len(self._spans)
