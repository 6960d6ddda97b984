"""Prompts are files: Jinja2 templates rendered strictly, each output tagged with the template's sha256.

`render("extract/denial_details.user.j2", letter=...)` returns the text and the version (sha256 of the template
source) that is stored with whatever the model writes from it. Undefined variables are errors, not blanks.
Untrusted text (letters, member answers) enters a prompt only through the `quoted` filter: inside a delimited
block, with anything that could close or reopen the block neutralised, so it stays data.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

PROMPTS_DIR = Path(__file__).resolve().parent
_BLOCK_TAG = re.compile(r"<(/?)(\s*)(letter|answer|data|system|instructions)\b", re.IGNORECASE)


@dataclass(frozen=True)
class RenderedPrompt:
    name: str
    text: str
    version: str  # sha256 of the template source


def quoted(untrusted: object) -> str:
    """Untrusted text made safe to place between <letter>...</letter>: tags that could end the block are
    written as text (&lt;/letter), everything else is left as it is. A missing value raises (StrictUndefined)."""
    return _BLOCK_TAG.sub(lambda m: f"&lt;{m.group(1)}{m.group(2)}{m.group(3)}", str(untrusted))


@lru_cache(maxsize=1)
def _environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(PROMPTS_DIR),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
    )
    environment.filters["quoted"] = quoted
    return environment


@lru_cache(maxsize=64)
def template_version(name: str) -> str:
    return hashlib.sha256((PROMPTS_DIR / name).read_bytes()).hexdigest()


def render(name: str, **values: object) -> RenderedPrompt:
    text = _environment().get_template(name).render(**values)
    return RenderedPrompt(name=name, text=text, version=template_version(name))
