from __future__ import annotations

import pytest
from presidio_analyzer import AnalyzerEngine

from graph.redaction.engine import get_analyzer


@pytest.fixture(scope="session")
def analyzer() -> AnalyzerEngine:
    """The process's analyzer (spaCy loads once for the whole test session)."""
    return get_analyzer()
