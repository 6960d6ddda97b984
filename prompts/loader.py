"""Prompts are files: Jinja2 templates rendered strictly, each output tagged with the template's sha256.

`render("extract/denial_details.user.j2", letter=...)` returns the text and the version (sha256 of the template
source) that is stored with whatever the model writes from it. Undefined variables are errors, not blanks.
Untrusted text (letters, member answers) enters a prompt only through the `quoted` filter: inside a delimited
block, with anything that could close or reopen the block neutralised, so it stays data.

`render_pinned(name, overrides, ...)` renders with some templates' text replaced (a pinned older version, a
shadow candidate): `overrides` maps template names to source text, and the version is that text's sha256.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jinja2 import BaseLoader, ChoiceLoader, DictLoader, Environment, FileSystemLoader, StrictUndefined

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


def _new_environment(loader: BaseLoader) -> Environment:
    environment = Environment(loader=loader, undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
    environment.filters["quoted"] = quoted
    return environment


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return _new_environment(FileSystemLoader(PROMPTS_DIR))


@lru_cache(maxsize=8)
def _pinned_environment(overrides: tuple[tuple[str, str], ...]) -> Environment:
    # Keyed by the override texts themselves, so a changed pin can never be served from a stale environment.
    return _new_environment(ChoiceLoader([DictLoader(dict(overrides)), FileSystemLoader(PROMPTS_DIR)]))


@lru_cache(maxsize=64)
def template_version(name: str) -> str:
    return hashlib.sha256((PROMPTS_DIR / name).read_bytes()).hexdigest()


def text_version(text: str) -> str:
    """The version of template source text: the sha256 of its UTF-8 bytes, as `template_version` for a file."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def pinned_version(name: str, overrides: Mapping[str, str]) -> str:
    """The version of `name` as `render_pinned` would use it: the override's text if there is one, else the file."""
    return text_version(overrides[name]) if name in overrides else template_version(name)


def render(name: str, **values: object) -> RenderedPrompt:
    text = _environment().get_template(name).render(**values)
    return RenderedPrompt(name=name, text=text, version=template_version(name))


def render_pinned(name: str, overrides: Mapping[str, str], **values: object) -> RenderedPrompt:
    """`render`, with each template named in `overrides` (including any `name` extends) read from that text."""
    environment = _pinned_environment(tuple(sorted(overrides.items())))
    text = environment.get_template(name).render(**values)
    return RenderedPrompt(name=name, text=text, version=pinned_version(name, overrides))
