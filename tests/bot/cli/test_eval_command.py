"""`overturn eval phi`: datasets found or skipped, table and JSON output, --check, scripted detector."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from bot.cli import eval_command
from bot.cli.errors import UserFacingError
from graph.redaction.evaluation import LabelledSpan

LETTER = {
    "id": "L1",
    "text": "Member: Ada Quill  ID: XQP123456789  Phone: (216) 448-3021",
    "spans": [
        {"type": "PERSON", "start": 8, "end": 17},
        {"type": "MEMBER_ID", "start": 23, "end": 35},
        {"type": "PHONE_NUMBER", "start": 44, "end": 58},
    ],
}


class FindsNamesOnly:
    """A detector that finds the one name in LETTER and nothing else."""

    def analyze(self, text: str) -> Sequence[LabelledSpan]:
        start = text.find("Ada Quill")
        return [LabelledSpan("PERSON", start, start + 9)] if start >= 0 else []


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    eval_command.register(parser.add_subparsers(dest="command"))
    return parser.parse_args(["eval", "phi", *argv])


@pytest.fixture
def letters_file(tmp_path: Path) -> Path:
    path = tmp_path / "letters.jsonl"
    path.write_text(json.dumps(LETTER) + "\n", encoding="utf-8")
    return path


@pytest.mark.unit
def test_table_flags_entities_below_target_and_skips_missing_sets(
    letters_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = parse("--letters", str(letters_file), "--presidio", str(tmp_path / "absent.jsonl"))
    assert eval_command.run_phi(args, FindsNamesOnly()) == 0
    out = capsys.readouterr().out
    person = next(line for line in out.splitlines() if line.startswith("PERSON"))
    assert person.split()[:3] == ["PERSON", "1", "1.000"]
    assert "MEMBER_ID recall 0.000 < 0.95" in out
    assert "PHONE_NUMBER recall 0.000 < 0.95" in out
    assert "presidio-research: skipped (not found at" in out
    assert "p50" in out


@pytest.mark.unit
def test_json_output_with_misses_shows_shapes_not_values(
    letters_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = parse("--dataset", "letters", "--letters", str(letters_file), "--json", "--misses")
    assert eval_command.run_phi(args, FindsNamesOnly()) == 0
    report = json.loads(capsys.readouterr().out)
    (letters,) = report["datasets"]
    assert letters["overall"]["gold"] == 3
    assert letters["overall"]["recall"] == pytest.approx(1 / 3)
    assert letters["overall"]["precision"] == 1.0
    assert {item["entity"] for item in letters["below_target"]} == {"MEMBER_ID", "PHONE_NUMBER"}
    assert letters["ms_per_text"]["samples"] == 1
    missed = " ".join(letters["misses"])
    assert "[AAA999999999]" in missed and "[(999) 999-9999]" in missed
    assert "XQP123456789" not in missed


@pytest.mark.unit
def test_check_exits_1_below_target(letters_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = parse("--dataset", "letters", "--letters", str(letters_file), "--check")
    assert eval_command.run_phi(args, FindsNamesOnly()) == 1
    assert "below target" in capsys.readouterr().out


@pytest.mark.unit
def test_no_dataset_found_is_a_user_facing_error(tmp_path: Path) -> None:
    args = parse("--dataset", "letters", "--letters", str(tmp_path / "none.jsonl"))
    with pytest.raises(UserFacingError, match="no labelled dataset found"):
        eval_command.run_phi(args, FindsNamesOnly())


@pytest.mark.unit
def test_clinical_notes_are_a_dataset_of_their_own(
    letters_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = parse("--dataset", "notes", "--notes", str(letters_file), "--json")
    assert eval_command.run_phi(args, FindsNamesOnly()) == 0
    (notes,) = json.loads(capsys.readouterr().out)["datasets"]
    assert notes["dataset"] == "notes"
    args = parse("--letters", str(letters_file), "--notes", str(tmp_path / "absent.jsonl"))
    eval_command.run_phi(args, FindsNamesOnly())
    assert "notes: skipped (not found at" in capsys.readouterr().out


@pytest.mark.unit
def test_the_committed_clinical_notes_are_the_default() -> None:
    assert parse().notes == eval_command.NOTES_FILE
    assert eval_command.NOTES_FILE.is_file()
