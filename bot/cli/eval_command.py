"""`overturn eval phi [--json] [--misses] [--check]`: how well the redactor finds PHI in labelled data.

Datasets: our invented insurer letters (tests/fixtures/phi/letters.jsonl), our invented clinical notes
(tests/fixtures/phi/clinical_notes.jsonl, same format) and the presidio-research slice in the shared corpus
($OVERTURN_CORPUS/phi/...). A dataset whose file is absent is reported as skipped. The
engine is warmed once per process; time per text is measured after that, one analyze call per text.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from bot.cli.errors import UserFacingError
from bot.settings import get_settings
from graph.redaction.evaluation import Evaluation, LabelledText, SpanLike, evaluate
from graph.redaction.evaluation_datasets import parse_letters, parse_presidio_research
from graph.redaction.evaluation_report import Timing, evaluation_dict, render_outcomes, render_table
from graph.redaction.evaluation_targets import shortfalls

REPO_ROOT = Path(__file__).resolve().parents[2]
LETTERS_FILE = REPO_ROOT / "tests" / "fixtures" / "phi" / "letters.jsonl"
NOTES_FILE = REPO_ROOT / "tests" / "fixtures" / "phi" / "clinical_notes.jsonl"
PRESIDIO_SLICE = Path("phi") / "presidio_research_synth_dataset_v2_slice300.jsonl"
WARM_UP_TEXT = "Member: Ada Quill, DOB 01/02/1960, Member ID XQP123456789, phone (216) 448-3021."


class Detector(Protocol):
    def analyze(self, text: str) -> Sequence[SpanLike]: ...


@dataclass(frozen=True)
class Dataset:
    name: str
    path: Path
    parse: Callable[[list[str]], list[LabelledText]]


@dataclass(frozen=True)
class DatasetResult:
    texts: list[LabelledText]
    evaluation: Evaluation
    timing: Timing


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("eval", help="measure Overturn against labelled data")
    targets = parser.add_subparsers(dest="eval_target", required=True, metavar="TARGET")
    phi = targets.add_parser("phi", help="recall, precision and F2 of PHI detection on labelled sets")
    phi.add_argument("--json", action="store_true", help="print the results as JSON")
    phi.add_argument(
        "--dataset", choices=("all", "letters", "notes", "presidio"), default="all", help="which set to score"
    )
    phi.add_argument("--letters", type=Path, default=LETTERS_FILE, help="our labelled letters (JSON lines)")
    phi.add_argument("--notes", type=Path, default=NOTES_FILE, help="our labelled clinical notes (JSON lines)")
    phi.add_argument("--presidio", type=Path, default=None, help="presidio-research slice (default: in the corpus)")
    phi.add_argument("--misses", action="store_true", help="list missed spans and false positives (shapes only)")
    phi.add_argument("--check", action="store_true", help="exit 1 when any score is below target")
    phi.set_defaults(run=run_phi)


def build_detector() -> Detector:
    # Imported here so that other subcommands and --help do not pay for loading presidio and spaCy.
    from graph.redaction.engine import get_redactor

    return get_redactor()


def selected_datasets(args: argparse.Namespace) -> list[Dataset]:
    presidio = args.presidio or get_settings().corpus / PRESIDIO_SLICE
    chosen = [
        Dataset("letters", args.letters, parse_letters),
        Dataset("notes", args.notes, parse_letters),
        Dataset("presidio-research", presidio, parse_presidio_research),
    ]
    return [d for d in chosen if args.dataset in ("all", d.name.split("-")[0])]


def warm_up(detector: Detector | None) -> tuple[Detector, float]:
    """The detector (built unless given) after one call, and the milliseconds that build and call took."""
    start = time.perf_counter()
    ready = detector or build_detector()
    ready.analyze(WARM_UP_TEXT)
    return ready, (time.perf_counter() - start) * 1000


def score_dataset(detector: Detector, name: str, texts: list[LabelledText]) -> DatasetResult:
    predictions: list[Sequence[SpanLike]] = []
    samples: list[float] = []
    for text in texts:
        start = time.perf_counter()
        predictions.append(detector.analyze(text.text))
        samples.append((time.perf_counter() - start) * 1000)
    return DatasetResult(texts, evaluate(name, texts, predictions), Timing(tuple(samples)))


def run_phi(args: argparse.Namespace, detector: Detector | None = None) -> int:
    datasets = selected_datasets(args)
    present = [d for d in datasets if d.path.is_file()]
    skipped = {d.name: f"not found at {d.path}" for d in datasets if not d.path.is_file()}
    if not present:
        raise UserFacingError("no labelled dataset found: " + "; ".join(f"{k} {v}" for k, v in skipped.items()))
    ready, warm_ms = warm_up(detector)
    results = {
        d.name: score_dataset(ready, d.name, d.parse(d.path.read_text(encoding="utf-8").splitlines())) for d in present
    }
    if args.json:
        print(json.dumps(as_json(results, skipped, warm_ms, args.misses), indent=2))
    else:
        print(as_text(results, skipped, warm_ms, args.misses))
    below = any(shortfalls(result.evaluation) for result in results.values())
    return 1 if args.check and below else 0


def as_text(results: dict[str, DatasetResult], skipped: dict[str, str], warm_ms: float, misses: bool) -> str:
    blocks = [f"engine warm-up (load and first call): {warm_ms:.0f} ms"]
    for result in results.values():
        blocks.append(render_table(result.evaluation, result.timing))
        if misses:
            blocks.append(render_outcomes(result.evaluation, result.texts))
    blocks += [f"{name}: skipped ({why})" for name, why in skipped.items()]
    return "\n\n".join(blocks)


def as_json(results: dict[str, DatasetResult], skipped: dict[str, str], warm_ms: float, misses: bool) -> dict[str, Any]:
    return {
        "warm_up_ms": warm_ms,
        "datasets": [evaluation_dict(r.evaluation, r.timing, r.texts if misses else None) for r in results.values()],
        "skipped": skipped,
    }
