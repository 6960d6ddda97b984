from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from bot import cli
from bot.cli import redact_command
from graph.redaction import engine
from tests.graph.redaction.sample_letters import DENIAL, DENIAL_PHI

SECRETS = [value for values in DENIAL_PHI.values() for value in values]


@pytest.fixture(autouse=True)
def with_redact_command(monkeypatch: pytest.MonkeyPatch) -> None:
    """`overturn redact` whether or not the lead has registered it in bot.cli yet."""
    if redact_command.register not in cli.COMMANDS:
        monkeypatch.setattr(cli, "COMMANDS", (*cli.COMMANDS, redact_command.register))


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(["redact", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.unit
def test_prints_the_letter_with_placeholders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    letter = _write(tmp_path / "denial.txt", DENIAL.encode())
    code, out, _ = _run(capsys, str(letter))
    assert code == 0
    assert "Member ID: [MEMBER_ID_1]" in out
    assert re.search(r"^Dear \[PERSON_\d+\],$", out, re.MULTILINE)
    assert "CPT 72148" in out and "June 3, 2025" in out
    assert not [secret for secret in SECRETS if secret in out]


@pytest.mark.unit
def test_json_offsets_index_the_text_as_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    letter = _write(tmp_path / "denial.txt", DENIAL.encode())
    code, out, _ = _run(capsys, str(letter), "--json")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["file"] == str(letter)
    assert {span["type"] for span in record["spans"]} >= set(DENIAL_PHI)
    for span in record["spans"]:
        assert set(span) == {"type", "start", "end", "score"}
        assert DENIAL[span["start"] : span["end"]].strip() == DENIAL[span["start"] : span["end"]]
    member_ids = [DENIAL[s["start"] : s["end"]] for s in record["spans"] if s["type"] == "MEMBER_ID"]
    assert member_ids == DENIAL_PHI["MEMBER_ID"]
    assert not [secret for secret in SECRETS if secret in out]


@pytest.mark.unit
def test_files_share_one_case_and_one_warm_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    real = engine.get_analyzer

    def counting() -> object:
        calls.append(1)
        return real()

    monkeypatch.setattr(engine, "get_analyzer", counting)
    first = _write(tmp_path / "a.txt", b"Member name: Ana Quillfeather\nMember ID: ZX44190023\n")
    second = _write(tmp_path / "b.txt", b"Member name: Bo Lindqvist-Hale\nMember ID: ZX44190023\n")
    code, out, _ = _run(capsys, str(first), str(second), "--json")
    assert code == 0 and len(calls) == 1
    texts = [json.loads(line)["text"] for line in out.splitlines()]
    assert texts == [
        "Member name: [PERSON_1]\nMember ID: [MEMBER_ID_1]\n",
        "Member name: [PERSON_2]\nMember ID: [MEMBER_ID_1]\n",
    ]


@pytest.mark.unit
def test_known_values_are_redacted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    letter = _write(tmp_path / "note.txt", b"we spoke with zinnia about her appeal\n")
    code, out, _ = _run(capsys, str(letter), "--known", "PERSON=Zinnia Okwuosa")
    assert code == 0 and out == "we spoke with [PERSON_1] about her appeal\n\n"


@pytest.mark.unit
@pytest.mark.parametrize("known", ["PERSON", "NAME=Zinnia", "PERSON= "])
def test_a_malformed_known_value_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], known: str) -> None:
    letter = _write(tmp_path / "note.txt", b"text\n")
    code, out, err = _run(capsys, str(letter), "--known", known)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1


def _pdf_bytes(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def _blank_png(path: Path) -> Path:
    Image.new("RGB", (400, 200), "white").save(path)
    return path


@pytest.mark.unit
@pytest.mark.parametrize(
    "make",
    [
        lambda tmp: tmp / "missing.txt",
        lambda tmp: _write(tmp / "empty.txt", b""),
        lambda tmp: _write(tmp / "blob.txt", bytes(range(256)) * 20),
        lambda tmp: _write(tmp / "big.txt", b"a" * (5 * 1024 * 1024 + 1)),
        lambda tmp: _write(tmp / "broken.pdf", _pdf_bytes("Your claim was denied.")[:300]),
        lambda tmp: _blank_png(tmp / "blank.png"),
    ],
)
def test_bad_input_gives_one_line_and_exit_2_before_any_warm_up(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    make: Callable[[Path], Path],
) -> None:
    monkeypatch.setattr(engine, "get_analyzer", lambda: pytest.fail("the engine warmed up for bad input"))
    good = _write(tmp_path / "good.txt", b"Member ID: ZX44190023\n")
    code, out, err = _run(capsys, str(good), str(make(tmp_path)))
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("overturn: ") and "Traceback" not in err
