from __future__ import annotations

import pytest

from graph.denial import Category
from graph.extraction.category_cues import CUES, Cue


@pytest.mark.unit
def test_every_category_but_other_has_cues() -> None:
    assert {cue.category for cue in CUES} == set(Category) - {Category.other}


@pytest.mark.unit
@pytest.mark.parametrize("cue", CUES, ids=lambda cue: f"{cue.category.value}:{cue.pattern.pattern[18:48]}")
def test_cues_are_sane(cue: Cue) -> None:
    assert 0.5 <= cue.confidence <= 0.95
    # A cue that starts with its own negation must not be read as negated by that word.
    if cue.pattern.pattern.split("(?:", 1)[1].startswith("not"):
        assert not cue.negatable


@pytest.mark.unit
@pytest.mark.parametrize(
    ("phrase", "category"),
    [
        ("NOT MEDICALLY NECESSARY", Category.medical_necessity),
        ("Experimental/Investigational", Category.experimental_investigational),
        ("Pre-certification was not obtained", Category.prior_authorization),
        ("Non-Participating provider", Category.out_of_network),
    ],
)
def test_cues_ignore_case(phrase: str, category: Category) -> None:
    assert any(cue.pattern.search(phrase) for cue in CUES if cue.category is category)


@pytest.mark.unit
@pytest.mark.parametrize("phrase", ["non-experimental", "the principal investigator", "preexperimental"])
def test_cues_respect_word_edges(phrase: str) -> None:
    assert not any(cue.pattern.search(phrase) for cue in CUES)


# One or more phrases for every cue, so each cue is seen to fire and its trigger stems are seen to hold.
EXAMPLES = """
not medically necessary. medically unnecessary. lack of medical necessity. not medically appropriate.
not reasonable and necessary. does not meet our medical necessity. medical necessity criteria were not met.
not appropriate for your condition. considered experimental. investigational. not the standard of care.
not FDA-approved. insufficient scientific evidence. prior authorization was not obtained.
failure to obtain prior authorization. without precertification. no prior authorization on file.
did not obtain a prior authorization. not precertified. precertification required.
out-of-network. not a participating provider. not in your network. outside the plan's network.
excluded from your benefits. benefit exclusion. not a covered benefit. your plan does not cover.
not covered under your plan. step therapy. you must try two generics first. must have tried.
has not tried preferred drugs. prerequisite drugs. not on the formulary. non-formulary.
removed from the drug list. formulary exception. applied to your deductible. deductible has not been met.
patient responsibility. not considered preventive. does not qualify as preventive. exceeds the preventive frequency.
lower level of care. could be safely provided in an outpatient setting. does not require an inpatient stay.
observation status is more appropriate. duplicate claim. claim was previously processed. incorrect procedure code.
unbundled. modifier is missing. timely filing. claim was submitted after. filing limit has expired.
did not receive the medical records. insufficient information to make. unable to make a decision without.
"""


@pytest.mark.unit
@pytest.mark.parametrize("index", range(len(CUES)))
def test_every_cue_fires_on_an_example_and_its_stems_hold(index: int) -> None:
    cue = CUES[index]
    matches = list(cue.pattern.finditer(EXAMPLES))
    assert matches, cue.pattern.pattern
    assert all(cue.may_match(match.group(0).lower()) for match in matches)
