"""Prompt and model pins: pin, roll back, history, audit, overrides reaching rendering. SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from graph.composition.prompt import USER_TEMPLATE, compose_messages
from graph.composition.template_letter import BASE_TEMPLATE, letters_version, template_letter
from prompts.loader import PROMPTS_DIR, template_version, text_version
from store.audit import AuditLog
from store.pins import PinError, PinStore, prompt_versions, shadow_model
from tests.graph.composition.helpers import full_facts
from tests.store.pins_databases import database, sample_registry

ACTOR, ROLE = "dana", "staff"
OLD_USER = (PROMPTS_DIR / USER_TEMPLATE).read_text(encoding="utf-8").replace("<data>", "OLD-PROMPT-MARKER\n<data>", 1)


@pytest.fixture(
    params=[pytest.param("sqlite", marks=pytest.mark.unit), pytest.param("postgres", marks=pytest.mark.integration)]
)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    with database(request.param, tmp_path) as engine:
        yield engine


@pytest.fixture
def audit(engine: Engine) -> AuditLog:
    log = AuditLog(engine)
    log.create_schema()
    return log


@pytest.fixture
def pins(engine: Engine, audit: AuditLog) -> PinStore:
    store = PinStore(engine, audit)
    store.create_schema()
    store.register_file_versions()
    return store


def _actions(audit: AuditLog) -> list[tuple[str, dict[str, object]]]:
    return [(event.action, event.details) for event in audit.events()]


def test_every_template_file_is_registered_once(pins: PinStore, engine: Engine) -> None:
    names = pins.template_names()
    assert {"compose/appeal.user.j2", "letters/base.j2", "extract/denial_details.user.j2"} <= set(names)
    assert "questions/followups.user.j2" in names
    assert pins.register_file_versions() == []  # idempotent
    with engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(prompt_versions)).scalar_one() == len(names)
    [version] = pins.prompt_versions(USER_TEMPLATE)
    assert (
        version.sha256 == template_version(USER_TEMPLATE)
        and version.text.encode() == (PROMPTS_DIR / USER_TEMPLATE).read_bytes()
    )


def test_pin_rollback_history_and_audit(pins: PinStore, audit: AuditLog) -> None:
    current = template_version(USER_TEMPLATE)
    old = pins.register_text(USER_TEMPLATE, OLD_USER)
    assert pins.current_prompt_pins() == {}

    pins.pin_prompt(USER_TEMPLATE, old[:10], actor=ACTOR, role=ROLE, reason="the new prompt cites statutes")
    assert pins.current_prompt_pins() == {USER_TEMPLATE: old}
    pins.pin_prompt(USER_TEMPLATE, current, actor=ACTOR, role=ROLE)
    assert pins.current_prompt_pins() == {USER_TEMPLATE: current}

    restored = pins.rollback_prompt(USER_TEMPLATE, actor="lee", role=ROLE)
    assert restored.sha256 == old and pins.current_prompt_pins() == {USER_TEMPLATE: old}

    history = pins.prompt_history(USER_TEMPLATE)
    assert [pin.sha256 for pin in history] == [old, current, old]
    assert [pin.actor for pin in history] == [ACTOR, ACTOR, "lee"]
    assert history[0].reason == "the new prompt cites statutes" and history[2].reason == f"rollback from {current[:12]}"

    assert _actions(audit) == [
        ("prompt.pinned", {"name": USER_TEMPLATE, "sha256": old, "previous_sha256": None}),
        ("prompt.pinned", {"name": USER_TEMPLATE, "sha256": current, "previous_sha256": old}),
        ("prompt.rolled_back", {"name": USER_TEMPLATE, "sha256": old, "previous_sha256": current}),
    ]
    assert [(event.actor, event.role, event.case_id) for event in audit.events()][-1] == ("lee", ROLE, None)
    assert audit.verify().ok


def test_rollback_with_nothing_to_roll_back_is_a_clear_error(pins: PinStore, audit: AuditLog) -> None:
    with pytest.raises(PinError, match="has no pin to roll back"):
        pins.rollback_prompt(USER_TEMPLATE, actor=ACTOR, role=ROLE)
    pins.pin_prompt(USER_TEMPLATE, template_version(USER_TEMPLATE), actor=ACTOR, role=ROLE)
    with pytest.raises(PinError, match="no earlier pin to roll back to"):
        pins.rollback_prompt(USER_TEMPLATE, actor=ACTOR, role=ROLE)
    assert [action for action, _ in _actions(audit)] == ["prompt.pinned"]


@pytest.mark.parametrize(
    ("sha", "message"),
    [("0" * 64, "has no registered version 0000"), ("abc", "8 to 64 hex digits"), ("not-hex-at-all", "hex digits")],
)
def test_an_unknown_or_malformed_version_is_refused(pins: PinStore, audit: AuditLog, sha: str, message: str) -> None:
    with pytest.raises(PinError, match=message):
        pins.pin_prompt(USER_TEMPLATE, sha, actor=ACTOR, role=ROLE)
    with pytest.raises(PinError, match="no registered versions"):
        pins.pin_prompt("compose/nope.j2", template_version(USER_TEMPLATE), actor=ACTOR, role=ROLE)
    assert pins.current_prompt_pins() == {} and audit.events() == []


def test_only_real_templates_with_valid_syntax_are_registered(pins: PinStore) -> None:
    with pytest.raises(PinError, match="not a prompt template"):
        pins.register_text("compose/nope.j2", "hello")
    with pytest.raises(PinError, match="not a valid template"):
        pins.register_text(USER_TEMPLATE, "{% if %}")
    assert pins.register_text(USER_TEMPLATE, OLD_USER) == pins.register_text(USER_TEMPLATE, OLD_USER)
    assert len(pins.prompt_versions(USER_TEMPLATE)) == 2


def test_overrides_hold_only_pins_that_differ_from_the_file(pins: PinStore) -> None:
    assert pins.overrides() == {}
    pins.pin_prompt(USER_TEMPLATE, template_version(USER_TEMPLATE), actor=ACTOR, role=ROLE)
    assert pins.overrides() == {}  # pinned to the file as it is
    old = pins.register_text(USER_TEMPLATE, OLD_USER)
    pins.pin_prompt(USER_TEMPLATE, old, actor=ACTOR, role=ROLE)
    assert pins.overrides() == {USER_TEMPLATE: OLD_USER}


def test_a_pinned_older_prompt_is_what_compose_renders_and_records(pins: PinStore) -> None:
    old = pins.register_text(USER_TEMPLATE, OLD_USER)
    pins.pin_prompt(USER_TEMPLATE, old, actor=ACTOR, role=ROLE)

    messages, versions = compose_messages(full_facts(), overrides=pins.overrides())
    assert "OLD-PROMPT-MARKER" in messages[1].content
    assert versions.user_version == old == text_version(OLD_USER) != template_version(USER_TEMPLATE)

    live_messages, live_versions = compose_messages(full_facts())
    assert "OLD-PROMPT-MARKER" not in live_messages[1].content
    assert live_versions.user_version == template_version(USER_TEMPLATE)
    assert messages[0] == live_messages[0] and versions.system_version == live_versions.system_version


def test_a_pinned_base_letter_changes_the_template_letter_and_its_version(pins: PinStore) -> None:
    facts = full_facts()
    base = (PROMPTS_DIR / BASE_TEMPLATE).read_text(encoding="utf-8") + "\nOLD-BASE-MARKER\n"
    pins.pin_prompt(BASE_TEMPLATE, pins.register_text(BASE_TEMPLATE, base), actor=ACTOR, role=ROLE)
    pinned = template_letter(facts, overrides=pins.overrides())
    live = template_letter(facts)
    assert "OLD-BASE-MARKER" in pinned.text and "OLD-BASE-MARKER" not in live.text
    assert pinned.version != live.version == letters_version(live.template)
    assert template_letter(facts, overrides={}) == live


def test_a_model_pin_is_checked_against_the_registry(pins: PinStore, audit: AuditLog) -> None:
    registry = sample_registry()
    cases = [
        (("compose", "missing"), "'missing' is not in the registry"),
        (("extract", "large"), "is not for extract"),
        (("compose", "large", "compose-v9"), "has no adapter 'compose-v9'"),
        (("summarise", "small"), "'summarise' is not a task"),
    ]
    for arguments, message in cases:
        with pytest.raises(PinError, match=message):
            pins.pin_model(*arguments, actor=ACTOR, role=ROLE, registry=registry)
    assert pins.current_model_pins() == {} and audit.events() == []


def test_a_database_model_pin_overrides_the_yaml_pin_and_rolls_back(pins: PinStore, audit: AuditLog) -> None:
    registry = sample_registry()
    yaml_choice = registry.choice_for("compose")
    assert pins.model_choice("compose", registry) == yaml_choice
    assert pins.model_choice("questions", registry) is None  # no pin anywhere: template letters

    pins.pin_model("compose", "large", "compose-v1", actor=ACTOR, role=ROLE, reason="eval 14", registry=registry)
    pins.pin_model("compose", "large", "compose-v2", actor=ACTOR, role=ROLE, registry=registry)
    choice = pins.model_choice("compose", registry)
    assert choice is not None and (choice.served_name, choice.adapter_revision) == ("compose-v2", "run-9")
    assert pins.model_choice("extract", registry) == registry.choice_for("extract")

    back = pins.rollback_model("compose", actor=ACTOR, role=ROLE, registry=registry)
    assert (back.model_id, back.adapter) == ("large", "compose-v1")
    targets = [pin.target for pin in pins.model_history("compose")]
    assert targets == ["large:compose-v1", "large:compose-v2", "large:compose-v1"]
    assert _actions(audit) == [
        ("model.pinned", {"task": "compose", "model_id": "large", "adapter": "compose-v1", "previous": None}),
        (
            "model.pinned",
            {"task": "compose", "model_id": "large", "adapter": "compose-v2", "previous": "large:compose-v1"},
        ),
        (
            "model.rolled_back",
            {"task": "compose", "model_id": "large", "adapter": "compose-v1", "previous": "large:compose-v2"},
        ),
    ]


def test_model_rollback_needs_an_earlier_pin(pins: PinStore) -> None:
    registry = sample_registry()
    with pytest.raises(PinError, match="no model pin to roll back"):
        pins.rollback_model("compose", actor=ACTOR, role=ROLE, registry=registry)
    pins.pin_model("compose", "large", actor=ACTOR, role=ROLE, registry=registry)
    with pytest.raises(PinError, match="no earlier model pin"):
        pins.rollback_model("compose", actor=ACTOR, role=ROLE, registry=registry)


def test_a_pin_to_a_model_the_registry_no_longer_has_falls_back_to_the_yaml_pin(pins: PinStore) -> None:
    pins.pin_model("compose", "large", actor=ACTOR, role=ROLE, registry=sample_registry())
    smaller = sample_registry().model_copy(update={"models": sample_registry().models[:1]})
    assert pins.model_choice("compose", smaller) == smaller.choice_for("compose")


def test_shadow_overrides_are_the_live_pins_with_the_shadow_version_on_top(pins: PinStore) -> None:
    old = pins.register_text(USER_TEMPLATE, OLD_USER)
    base = (PROMPTS_DIR / BASE_TEMPLATE).read_text(encoding="utf-8") + "\nOLD-BASE-MARKER\n"
    pins.pin_prompt(BASE_TEMPLATE, pins.register_text(BASE_TEMPLATE, base), actor=ACTOR, role=ROLE)
    shadow = pins.shadow_overrides(f" {USER_TEMPLATE}@{old[:8].upper()} ")
    assert shadow == {BASE_TEMPLATE: base, USER_TEMPLATE: OLD_USER}
    messages, versions = compose_messages(full_facts(), overrides=shadow)
    assert "OLD-PROMPT-MARKER" in messages[1].content and versions.user_version == old


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("compose/appeal.user.j2", "is not NAME@SHA256"),
        ("@0123456789", "is not NAME@SHA256"),
        ("compose/appeal.user.j2@xyz", "hex digits"),
        ("compose/appeal.user.j2@00000000", "has no registered version 00000000"),
        ("compose/nope.j2@00000000", "no registered versions"),
    ],
)
def test_a_bad_shadow_prompt_is_a_clear_error(pins: PinStore, spec: str, message: str) -> None:
    with pytest.raises(PinError, match=message):
        pins.shadow_overrides(spec)


@pytest.mark.unit
@pytest.mark.parametrize(
    ("spec", "served", "model_id", "adapter"),
    [
        ("compose=large", "large", "large", None),
        ("compose=large:compose-v2", "compose-v2", "large", "compose-v2"),
        (" compose = tagged:7b ", "tagged:7b", "tagged:7b", None),
        ("questions=small", "small", "small", None),
    ],
)
def test_a_shadow_model_is_read_and_checked(spec: str, served: str, model_id: str, adapter: str | None) -> None:
    choice = shadow_model(spec, sample_registry())
    assert (choice.served_name, choice.model_id, choice.adapter) == (served, model_id, adapter)


@pytest.mark.unit
@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("large", "is not TASK=MODEL"),
        ("compose=", "is not TASK=MODEL"),
        ("write=large", "'write' is not a task"),
        ("extract=large", "is not for extract"),
        ("compose=large:compose-v9", "has no adapter 'compose-v9'"),
        ("compose=huge", "'huge' is not in the registry"),
    ],
)
def test_a_bad_shadow_model_is_a_clear_error(spec: str, message: str) -> None:
    with pytest.raises(PinError, match=message):
        shadow_model(spec, sample_registry())
