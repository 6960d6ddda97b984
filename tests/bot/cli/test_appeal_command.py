"""`overturn appeal`: the interview without a person, from the command line."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.cli import main
from bot.settings import get_settings
from store.db import engine_for

pytestmark = pytest.mark.unit

LETTER = Path(__file__).resolve().parents[3] / "bot" / "examples" / "denial_mri.txt"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("OVERTURN_MODEL_URL", "")


def test_json_carries_the_letter_details_answers_guardrails_and_provenance(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "member_name: Jordan Example\n"
        "details:\n  service: MRI of the lumbar spine\n"
        "answers:\n  urgent_health_risk: yes\n  clinician_supports_appeal: yes\n",
        encoding="utf-8",
    )
    assert main(["appeal", str(LETTER), "--answers", str(answers), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["status"] == "ready"
    assert report["details"]["service"] == "MRI of the lumbar spine"
    assert report["corrections"] == {"service": "MRI of the lumbar spine"}
    assert report["answers_used"]["urgent_health_risk"] == {
        "question": report["answers_used"]["urgent_health_risk"]["question"],
        "answer": "yes",
        "from": "answers file",
    }
    assert report["guardrails"]["passed"] is True
    assert [r["name"] for r in report["guardrails"]["results"]] == [
        "grounding",
        "citations",
        "placeholders",
        "reason",
        "remedy",
        "rights",
        "hygiene",
    ]
    assert len(report["provenance"]["template_sha256"]) == 64
    assert report["source"] == "template"
    assert "MRI of the lumbar spine" in report["letter"] and "Jordan Example" in report["letter"]
    assert "expedited" in report["letter"].lower()
    _assert_nothing_kept(tmp_path)


def _assert_nothing_kept(folder: Path) -> None:
    """A batch run keeps no conversation, key, vault or letter; it only reads the store's prompt and model pins."""
    assert not (folder / ".overturn" / "checkpoints.db").exists()
    assert not (folder / ".overturn" / "key").exists()
    engine = engine_for(f"sqlite:///{folder / '.overturn' / 'overturn.db'}")
    with engine.connect() as connection:
        for table in ("cases", "letters", "generations", "phi_vaults", "case_answers"):
            assert connection.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one() == 0, table


def test_out_writes_the_letter_for_the_owner_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "letter.txt"
    assert main(["appeal", str(LETTER), "--out", str(out)]) == 0
    assert "MRI lumbar spine" in out.read_text(encoding="utf-8")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("answers: [1, 2", "not a readable YAML file"),
        ("answers:\n  no_such_question: yes\n", "no question has the id no_such_question"),
        ("favourite_colour: blue\n", "check favourite_colour"),
    ],
)
def test_a_bad_answers_file_gets_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(content, encoding="utf-8")
    assert main(["appeal", str(LETTER), "--answers", str(answers)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_an_answer_that_does_not_fit_is_skipped_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("answers:\n  urgent_health_risk: purple\n", encoding="utf-8")
    assert main(["appeal", str(LETTER), "--answers", str(answers), "--json"]) == 0
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert report["answers_used"]["urgent_health_risk"]["from"] == "rejected"
    assert any("urgent_health_risk" in warning for warning in report["warnings"])
    assert "urgent_health_risk" in captured.err


def test_a_missing_letter_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["appeal", "nope.txt"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_out_pdf_writes_a_pdf_for_the_owner_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import io

    from pypdf import PdfReader

    out = tmp_path / "letter.pdf"
    assert main(["appeal", str(LETTER), "--out", str(out)]) == 0
    document = out.read_bytes()
    assert document.startswith(b"%PDF")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(document)).pages)
    assert "MRI lumbar spine" in text
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert capsys.readouterr().out == ""


def test_an_out_the_letter_cannot_be_saved_as_is_one_line_before_anything_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "letter.odt"
    assert main(["appeal", str(LETTER), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert ".txt, .pdf or .docx" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "Reading your letter" not in err
    assert not out.exists()


@pytest.mark.parametrize(
    ("setting", "value"),
    [("OVERTURN_SHADOW_PROMPT", "no-version-here"), ("OVERTURN_SHADOW_MODEL", "compose=no/such-model")],
)
def test_a_mistyped_shadow_setting_is_one_line_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], setting: str, value: str
) -> None:
    monkeypatch.setenv(setting, value)
    get_settings.cache_clear()
    try:
        assert main(["appeal", str(LETTER)]) == 2
    finally:
        get_settings.cache_clear()
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("overturn: settings: ") and "Traceback" not in err[0]
