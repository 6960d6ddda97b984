from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from graph.reading import read_document
from graph.reading.language import looks_english
from tests.graph.reading import samples

ROOT = Path(__file__).resolve().parents[3]
CORPUS = Path(os.environ.get("OVERTURN_CORPUS", ROOT.parent / "shared" / "corpus"))


def ocr_noise(text: str, *, dropped_spaces: float, misread_letters: float, seed: int = 7) -> str:
    """Text as a poor scan might come back: words run together and letters misread."""
    rng = random.Random(seed)
    noisy = []
    for char in text:
        if char == " " and rng.random() < dropped_spaces:
            continue
        if char.isalpha() and rng.random() < misread_letters:
            char = rng.choice("il1rnmoec")
        noisy.append(char)
    return "".join(noisy)


@pytest.mark.unit
@pytest.mark.parametrize(
    "text",
    [
        samples.ENGLISH_LETTER,
        samples.SHORT_LETTER,
        ocr_noise(samples.ENGLISH_LETTER, dropped_spaces=0.3, misread_letters=0.08),
        samples.ENGLISH_LETTER + samples.TAGLINES,  # the notice of language help does not tip it
        samples.ENGLISH_LETTER + samples.SPANISH_LETTER,  # a bilingual letter is still one we can read
        samples.ENGLISH_LETTER.upper(),
    ],
)
def test_english_letters_look_english(text: str) -> None:
    assert looks_english(text)


@pytest.mark.unit
@pytest.mark.parametrize(
    "text",
    [
        samples.SPANISH_LETTER,
        samples.FRENCH_LETTER,
        samples.GERMAN_LETTER,
        samples.PORTUGUESE_LETTER,
        samples.TAGALOG_LETTER,
        samples.VIETNAMESE_LETTER,
        samples.CHINESE_LETTER,
        samples.RUSSIAN_LETTER,
        ocr_noise(samples.SPANISH_LETTER, dropped_spaces=0.3, misread_letters=0.08),
        "",
        "1-800-555-0147 7731-AB-2290 $1,250.00",
    ],
)
def test_other_letters_do_not(text: str) -> None:
    assert not looks_english(text)


def _corpus_files(folder: str) -> list[Path]:
    return sorted((CORPUS / folder).glob("*.txt")) if (CORPUS / folder).is_dir() else []


@pytest.mark.corpus
@pytest.mark.parametrize("path", _corpus_files("denials") + _corpus_files("appeals"), ids=lambda p: p.name)
def test_corpus_letters_read_and_look_english(path: Path) -> None:
    document = read_document(path.read_bytes(), path.name)
    assert document.text == path.read_text(encoding="utf-8-sig")
    assert looks_english(document.text)
    assert looks_english(ocr_noise(document.text, dropped_spaces=0.3, misread_letters=0.08))


@pytest.mark.corpus
def test_corpus_is_present() -> None:
    if not _corpus_files("denials"):
        pytest.skip(f"shared corpus not found at {CORPUS} (set OVERTURN_CORPUS to read it)")
    assert len(_corpus_files("denials")) >= 10
