"""Extraction speed: rule extractor per letter (p50/p95), and OCR of a one-page scan, separately.

Run: .venv/bin/python benchmarks/extract.py [--rounds N]
Target: rules-only p50 <= 50 ms for a two-page letter on the project's 2-core machine.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from graph.extraction.extractor import extract
from graph.reading import read_document

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "bot" / "examples" / "denial_mri.txt"
TARGET_P50_MS = 50.0


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def _time_ms(fn: object, *args: object) -> float:
    start = time.perf_counter()
    fn(*args)  # type: ignore[operator]
    return (time.perf_counter() - start) * 1000


def two_page_letter() -> str:
    """About 6,000 characters (two printed pages): the sample letter plus a second page of case history."""
    sample = SAMPLE.read_text()
    history = (
        "Case history reviewed: the member reported low back pain radiating to the left leg. The treating "
        "physician documented an exam with reduced reflexes and prescribed an anti-inflammatory medicine. "
    ) * 20
    return sample + "\n\nAdditional information\n\n" + history


def corpus_letters() -> dict[str, str]:
    corpus = Path(os.environ.get("OVERTURN_CORPUS", ROOT.parent / "shared" / "corpus")) / "denials"
    letters = {}
    for path in sorted(corpus.glob("*.txt")):
        lines = path.read_text().splitlines(keepends=True)
        letters[path.name] = "".join(line for line in lines if not line.startswith("# "))
    return letters


def bench_rules(rounds: int) -> None:
    letters = {"two_page_sample": two_page_letter(), **corpus_letters()}
    extract(letters["two_page_sample"])  # first call compiles lazy tables (ICD-10 code set)
    print(f"{'letter':<72}{'chars':>7}{'p50 ms':>9}{'p95 ms':>9}")
    for name, text in letters.items():
        p50, p95 = _percentiles([_time_ms(extract, text) for _ in range(rounds)])
        print(f"{name:<72}{len(text):>7}{p50:>9.2f}{p95:>9.2f}")
        if name == "two_page_sample":
            headline = p50
    print(
        f"\nrules-only two-page p50 = {headline:.2f} ms; target {TARGET_P50_MS:.0f} ms; "
        f"ratio to target = {headline / TARGET_P50_MS:.3f}"
    )


def scanned_page_png() -> bytes:
    """The sample letter drawn as a 200-dpi page image (8.5 x 11 in), like a member's scan."""
    image = Image.new("L", (1700, 2200), color=255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=30)
    y = 100
    for line in SAMPLE.read_text().splitlines()[:40]:
        draw.text((120, y), line[:95], fill=0, font=font)
        y += 44
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def bench_ocr(rounds: int) -> None:
    png = scanned_page_png()
    first = _time_ms(read_document, png, "scan.png")
    warm = [_time_ms(read_document, png, "scan.png") for _ in range(rounds)]
    p50, p95 = _percentiles(warm)
    print(
        f"\nOCR one 200-dpi page: first call (engine warm-up) {first:.0f} ms; warm p50 {p50:.0f} ms, p95 {p95:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--ocr-rounds", type=int, default=3)
    args = parser.parse_args()
    bench_rules(args.rounds)
    bench_ocr(args.ocr_rounds)


if __name__ == "__main__":
    main()
