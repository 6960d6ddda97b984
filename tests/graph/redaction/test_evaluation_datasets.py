"""Reading labelled datasets for PHI evaluation: our letters, and presidio-research's mapped to our types."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest

from graph.redaction.evaluation import LabelledSpan
from graph.redaction.evaluation_datasets import map_presidio_spans, parse_letters, parse_presidio_research

ROOT = Path(__file__).resolve().parents[3]
CORPUS = Path(os.environ.get("OVERTURN_CORPUS", ROOT.parent / "shared" / "corpus"))
PRESIDIO_SLICE = CORPUS / "phi" / "presidio_research_synth_dataset_v2_slice300.jsonl"


def presidio_line(text: str, *spans: tuple[str, str]) -> str:
    """A presidio-research record whose spans are found by value in the text."""
    return json.dumps(
        {
            "index_in_source": 195,
            "full_text": text,
            "spans": [
                {
                    "entity_type": label,
                    "entity_value": value,
                    "start_position": text.index(value),
                    "end_position": text.index(value) + len(value),
                }
                for label, value in spans
            ],
        }
    )


@pytest.mark.unit
def test_parse_letters_reads_ids_text_and_spans() -> None:
    line = json.dumps({"id": "a", "text": "Hi Cora Plum", "spans": [{"type": "PERSON", "start": 3, "end": 12}]})
    (text,) = parse_letters([line, "  \n"])
    assert (text.id, text.text, text.spans, text.ignored) == (
        "a",
        "Hi Cora Plum",
        (LabelledSpan("PERSON", 3, 12),),
        (),
    )


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "spans", "gold", "ignored"),
    [
        (
            "Call Ivo Brandt at 216-448-3021",
            [("PERSON", "Ivo Brandt"), ("PHONE_NUMBER", "216-448-3021")],
            [("PERSON", "Ivo Brandt"), ("PHONE_NUMBER", "216-448-3021")],
            [],
        ),
        (
            "Mail: 9 Elm Row\nTorvik\nNorway 4410",
            [("STREET_ADDRESS", "9 Elm Row"), ("GPE", "Torvik"), ("GPE", "Norway"), ("ZIP_CODE", "4410")],
            [("ADDRESS", "9 Elm Row"), ("ADDRESS", "Torvik"), ("ADDRESS", "Norway"), ("ADDRESS", "4410")],
            [],
        ),
        ("She moved from Peru last year", [("GPE", "Peru")], [], [("GPE", "Peru")]),
        (
            "He was born on 4/2/1950 in a village",
            [("DATE_TIME", "4/2/1950")],
            [("DATE_OF_BIRTH", "4/2/1950")],
            [],
        ),
        ("Your DOB: 1961-03-09", [("DATE_TIME", "1961-03-09")], [("DATE_OF_BIRTH", "1961-03-09")], []),
        ("The band formed in 1994", [("DATE_TIME", "1994")], [], []),
        (
            "Tamsin works at Orbix, card 4111 2222 3333 4444",
            [("PERSON", "Tamsin"), ("ORGANIZATION", "Orbix"), ("CREDIT_CARD", "4111 2222 3333 4444")],
            [("PERSON", "Tamsin")],
            [("CREDIT_CARD", "4111 2222 3333 4444")],
        ),
        (
            "Site: https://www.lumenfold.fr/",
            [("DOMAIN_NAME", "https://www.lumenfold.fr/")],
            [("URL", "https://www.lumenfold.fr/")],
            [],
        ),
        ("the Senior Clerk, aged 45", [("TITLE", "Senior Clerk"), ("AGE", "45")], [], [("AGE", "45")]),
        ("my aunt just turned 93", [("AGE", "93")], [("AGE", "93")], []),  # over 89: Safe Harbor PHI
    ],
)
def test_presidio_labels_map_to_ours(
    text: str, spans: list[tuple[str, str]], gold: list[tuple[str, str]], ignored: list[tuple[str, str]]
) -> None:
    (record,) = parse_presidio_research([presidio_line(text, *spans)])
    assert record.id == "presidio-000"  # ids number the lines: the source index repeats in the slice
    assert sorted((s.entity_type, text[s.start : s.end]) for s in record.spans) == sorted(gold)
    assert sorted((s.entity_type, text[s.start : s.end]) for s in record.ignored) == sorted(ignored)


@pytest.mark.unit
def test_gpe_far_from_an_address_is_not_part_of_it() -> None:
    text = "12 Oak Lane is where I live. Later I flew to Lisbon."
    gold, ignored = map_presidio_spans(
        text,
        [LabelledSpan("STREET_ADDRESS", 0, 11), LabelledSpan("GPE", text.index("Lisbon"), len(text) - 1)],
    )
    assert [s.entity_type for s in gold] == ["ADDRESS"]
    assert [s.entity_type for s in ignored] == ["GPE"]


@pytest.mark.corpus
def test_presidio_research_slice_maps_every_record() -> None:
    if not PRESIDIO_SLICE.is_file():
        pytest.skip(f"presidio-research slice not found at {PRESIDIO_SLICE} (set OVERTURN_CORPUS)")
    texts = parse_presidio_research(PRESIDIO_SLICE.read_text(encoding="utf-8").splitlines())
    counts = Counter(span.entity_type for text in texts for span in text.spans)
    assert len(texts) == 300
    assert set(counts) <= {
        "PERSON",
        "ADDRESS",
        "PHONE_NUMBER",
        "EMAIL_ADDRESS",
        "US_SSN",
        "URL",
        "DATE_OF_BIRTH",
    }
    assert counts["PERSON"] == 252
    assert counts["DATE_OF_BIRTH"] == 6  # the birth-context dates among 33 DATE_TIME spans
    assert all(0 <= s.start < s.end <= len(t.text) for t in texts for s in t.spans)
