"""Chainlit writes its config, translations and upload folder into its app root when first imported; in tests
that root is a temporary folder, never the repository."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("CHAINLIT_APP_ROOT", tempfile.mkdtemp(prefix="overturn-chainlit-"))
