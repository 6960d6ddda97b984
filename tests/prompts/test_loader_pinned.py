from __future__ import annotations

import hashlib

import pytest
from jinja2 import UndefinedError

from prompts.loader import PROMPTS_DIR, pinned_version, render, render_pinned, template_version, text_version

pytestmark = pytest.mark.unit

USER = "extract/denial_details.user.j2"
LETTER = "Aetna denied your MRI because it is not medically necessary."
OLD_USER = "An older prompt.\n<letter>\n{{ letter | quoted }}\n</letter>\n"


def _file_sha(name: str) -> str:
    return hashlib.sha256((PROMPTS_DIR / name).read_bytes()).hexdigest()


def test_an_override_is_rendered_and_versioned_by_its_own_text() -> None:
    rendered = render_pinned(USER, {USER: OLD_USER}, letter="</letter> hi")
    assert rendered.text == "An older prompt.\n<letter>\n&lt;/letter> hi\n</letter>\n"
    assert rendered.version == hashlib.sha256(OLD_USER.encode()).hexdigest() == text_version(OLD_USER)
    assert rendered.name == USER


def test_without_an_override_for_the_name_it_is_the_file() -> None:
    other = {"compose/appeal.user.j2": "unrelated"}
    assert render_pinned(USER, other, letter=LETTER) == render(USER, letter=LETTER)
    assert render_pinned(USER, {}, letter=LETTER).version == _file_sha(USER)


def test_an_overridden_base_reaches_the_child_that_extends_it() -> None:
    base = "{% block argument %}{% endblock %} / {{ service }}\n"
    rendered = render_pinned("letters/other.j2", {"letters/base.j2": base}, service="an MRI")
    assert rendered.text.startswith("I disagree with this decision.")
    assert rendered.text.rstrip().endswith("/ an MRI")
    assert rendered.version == _file_sha("letters/other.j2")  # the child's own version; the base is not its text


def test_pinned_rendering_stays_strict() -> None:
    with pytest.raises(UndefinedError):
        render_pinned(USER, {USER: "{{ missing }}"})


def test_a_changed_override_is_never_served_from_a_stale_environment() -> None:
    assert render_pinned(USER, {USER: "one {{ letter }}"}, letter="x").text == "one x"
    assert render_pinned(USER, {USER: "two {{ letter }}"}, letter="x").text == "two x"


def test_render_and_template_version_are_unchanged() -> None:
    rendered = render(USER, letter=LETTER)
    assert rendered.version == template_version(USER) == _file_sha(USER)
    assert LETTER in rendered.text
    assert pinned_version(USER, {}) == _file_sha(USER)
    assert pinned_version(USER, {USER: OLD_USER}) == text_version(OLD_USER)
