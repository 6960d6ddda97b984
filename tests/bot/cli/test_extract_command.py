from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "bot" / "examples" / "denial_mri.txt"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.unit
def test_json_output_for_the_sample_letter(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "extract", str(SAMPLE), "--json")
    assert code == 0
    details = json.loads(out)
    assert details["insurer"] == "Cigna"
    assert details["codes"] == {"cpt": ["72148"], "hcpcs": [], "icd10": ["M54.16"], "carc": []}
    assert details["categories"] == ["medical_necessity"]
    assert details["claim_id"] == "2026E0000042"
    assert details["service"] == "MRI lumbar spine without contrast"
    assert details["service_kind"] == "imaging"
    assert details["plan_kind"] == "employer_erisa"
    assert details["letter_date"] == "2026-03-03"
    assert details["service_date"] == "2026-02-14"
    assert details["appeal_deadline"]["days"] == 180
    assert details["expedited_available"] is True
    assert details["reason"].startswith("Your records show low back pain")
    text = SAMPLE.read_text()
    for key, evidence in details["evidence"].items():
        for span in evidence["spans"]:
            assert text[span["start"] : span["end"]] == span["text"], key


@pytest.mark.unit
def test_table_output_shows_values_and_quotes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "extract", str(SAMPLE))
    assert code == 0
    assert "medical_necessity" in out
    assert '"Requested Service(s)' not in out  # the quote is the value's own words, not the label
    assert '"MRI lumbar spine without contrast"' in out


def _pdf_bytes(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def _encrypted_pdf(tmp_path: Path) -> Path:
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(_pdf_bytes("Your claim was denied."))))
    writer.encrypt("secret")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    return path


@pytest.mark.unit
@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda tmp: tmp / "missing.txt", "no such file"),
        (lambda tmp: tmp, "not a file"),
        (lambda tmp: _write(tmp / "empty.txt", b""), "empty"),
        (lambda tmp: _write(tmp / "blob.txt", bytes(range(256)) * 20), ""),
        (lambda tmp: _write(tmp / "big.txt", b"a" * (5 * 1024 * 1024 + 1)), "5 MB"),
        (lambda tmp: _write(tmp / "broken.pdf", _pdf_bytes("Your claim was denied.")[:300]), ""),
        (_encrypted_pdf, "password"),
        (
            lambda tmp: _write(
                tmp / "carta.txt",
                "Estimado miembro: su solicitud de cobertura para la resonancia magnética ha sido denegada porque "
                "no es médicamente necesaria. Usted tiene derecho a apelar esta decisión dentro de 180 días.".encode(),
            ),
            "English",
        ),
    ],
)
def test_bad_input_gives_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: object, words: str
) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    code, out, err = _run(capsys, "extract", str(path))
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    assert words.lower() in err.lower()


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.unit
def test_console_script_runs_without_traceback(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("overturn")
    result = subprocess.run(
        [str(script), "extract", str(tmp_path / "nope.pdf")], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert result.stderr.startswith("overturn: ")
    assert "Traceback" not in result.stderr


@pytest.mark.unit
def test_a_pdf_letter_gives_the_same_facts_with_evidence_in_its_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path / "letter.pdf", _pdf_bytes(SAMPLE.read_text()))
    code, out, _ = _run(capsys, "extract", str(path), "--json")
    assert code == 0
    details = json.loads(out)
    assert details["insurer"] == "Cigna"
    assert details["codes"]["cpt"] == ["72148"]
    assert details["categories"] == ["medical_necessity"]
    assert details["claim_id"] == "2026E0000042"


@pytest.mark.unit
def test_a_scanned_letter_is_read_by_ocr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from PIL import Image, ImageDraw, ImageFont

    lines = [
        "Aetna",
        "Claim Number: 88231907",
        "We received a request for coverage of WEGOVY 2.4 MG.",
        "This request is denied because the drug is not on your plan's formulary.",
    ]
    image = Image.new("L", (1400, 400), color=255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=32)
    for row, line in enumerate(lines):
        draw.text((40, 40 + row * 70), line, fill=0, font=font)
    path = tmp_path / "scan.png"
    image.save(path)
    code, out, _ = _run(capsys, "extract", str(path), "--json")
    assert code == 0
    details = json.loads(out)
    assert details["insurer"] == "Aetna"
    assert details["claim_id"] == "88231907"
    assert details["categories"] == ["formulary"]
