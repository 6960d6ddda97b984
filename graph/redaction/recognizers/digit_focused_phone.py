"""presidio's phone recognizer (python-phonenumbers, several regions), run only where a phone number can be.

presidio's recogniser runs phonenumbers' matcher over the whole text once per region, and the matcher tries to
parse every digit group it meets (dates, codes, amounts): on a two-page letter that was the largest cost
after spaCy. A phone number in any supported region has at least MIN_DIGITS digits, so the matcher now reads
only the stretches around runs of digits (with their separators) that hold that many, with SLACK_CHARS of
context either side so that a "+", brackets, an extension or the letters that rule a match out are still
seen. Runs that could never count are skipped too: a slash date, a toll-free number, a run with fewer than
MIN_DIGITS_ALONE digits and no phone word before it (phone_words.py, the rules policy.py applies), and a
run our US phone pattern (phone_fax.py) already reads whole: that finding covers it. A match
that touches a cut edge of its stretch is dropped: the stretch was too short to judge it. Offsets index the
whole text, and the results keep presidio's recognizer name, so policy.py reads them as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import PhoneRecognizer

from graph.redaction.phone_words import MIN_DIGITS_ALONE, is_toll_free, phone_word_before
from graph.redaction.recognizers.phone_fax import PHONE as US_PHONE

# The shortest national number phonenumbers validates in our regions has 7 digits (subscriber numbers with an
# area code); 6 leaves a margin.
MIN_DIGITS = 6
SLACK_CHARS = 24
MAX_DIGITS_ONE_NUMBER = 11
US_PREFIX_CHARS = 4  # "+1 (" may stand before a run's first digit
PRESIDIO_NAME = "PhoneRecognizer"
# Digits joined by the separators phone numbers are printed with (no newlines: a number sits on one line).
_DIGIT_RUN = re.compile(r"\d(?:[^\S\n]{0,2}[\d().\-/–][^\S\n]{0,2}|\d)*")
_SLASH_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}")
_ZIP_CODE = re.compile(r"\d{5}(?:-\d{4})?")
_STATE_CODE_BEFORE = re.compile(r"(?<![A-Za-z])[A-Z]{2},?[^\S\n]{1,2}$")
_URL_PATH_BEFORE = re.compile(r"[A-Za-z0-9]\.[A-Za-z]{2,}\S*/\S*$")
STATE_CODE_CHARS = 6


@dataclass(frozen=True)
class Stretch:
    start: int
    end: int
    cut_start: bool  # the stretch starts or ends inside its line, not at a line break or the text's edge
    cut_end: bool


def _could_count(text: str, run: re.Match[str], min_digits: int) -> bool:
    digits = re.sub(r"\D", "", run.group())
    if len(digits) < min_digits or _SLASH_DATE.fullmatch(run.group().strip(" .-/()")):
        return False
    if len(digits) <= MAX_DIGITS_ONE_NUMBER and is_toll_free(digits):
        return False  # policy.py keeps toll-free lines whoever finds them
    if _read_whole_as_a_us_number(text, run) or _zip_code(text, run) or _in_a_url_path(text, run):
        return False
    return len(digits) >= MIN_DIGITS_ALONE or phone_word_before(text, run.start())


def _zip_code(text: str, run: re.Match[str]) -> bool:
    """A ZIP or ZIP+4 code after a state code ("Salt Lake City, UT 84130-0417"): the address's, never a phone."""
    before = text[max(0, run.start() - STATE_CODE_CHARS) : run.start()]
    return (
        _ZIP_CODE.fullmatch(run.group().rstrip(" .-/()")) is not None and _STATE_CODE_BEFORE.search(before) is not None
    )


def _in_a_url_path(text: str, run: re.Match[str]) -> bool:
    """Digits in the path of a web address ("plan.com/claims/03U12926751800"): the URL rule (policy.py) reads
    them, and with six or more digits the whole address is redacted."""
    word_start = (
        max(text.rfind(" ", 0, run.start()), text.rfind("\n", 0, run.start()), text.rfind("\t", 0, run.start())) + 1
    )
    return _URL_PATH_BEFORE.search(text, word_start, run.start()) is not None


def _read_whole_as_a_us_number(text: str, run: re.Match[str]) -> bool:
    """Whether our US phone pattern (phone_fax.py) already takes in every digit of the run."""
    first = run.start()
    last = run.start() + max(i for i, ch in enumerate(run.group()) if ch.isdigit()) + 1
    for match in US_PHONE.finditer(text, max(0, first - US_PREFIX_CHARS)):
        if match.start() > first:
            return False
        if match.end() >= last:
            return True
    return False


def digit_stretches(text: str, min_digits: int = MIN_DIGITS, slack: int = SLACK_CHARS) -> list[Stretch]:
    """Disjoint stretches of `text`, in order, around each run of digits that could be a phone number that
    counts; a stretch reaches `slack` characters either side of its runs, never past the ends of its line."""
    stretches: list[Stretch] = []
    for run in _DIGIT_RUN.finditer(text):
        if not _could_count(text, run, min_digits):
            continue
        line_start = text.rfind("\n", 0, run.start()) + 1
        line_end = text.find("\n", run.end())
        line_end = len(text) if line_end < 0 else line_end
        start, end = max(line_start, run.start() - slack), min(line_end, run.end() + slack)
        if stretches and start <= stretches[-1].end:
            stretches[-1] = Stretch(stretches[-1].start, end, stretches[-1].cut_start, end < line_end)
        else:
            stretches.append(Stretch(start, end, start > line_start, end < line_end))
    return stretches


class DigitFocusedPhoneRecognizer(PhoneRecognizer):
    def __init__(self, supported_regions: tuple[str, ...]) -> None:
        super().__init__(supported_regions=supported_regions, name=PRESIDIO_NAME)

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """presidio's analysis of each stretch (digit_stretches), in the whole text's offsets."""
        results: list[RecognizerResult] = []
        for stretch in digit_stretches(text):
            piece = text[stretch.start : stretch.end]
            found = super().analyze(piece, entities, nlp_artifacts)  # type: ignore[arg-type]  # its default is None
            for result in found:
                at_cut = (result.start == 0 and stretch.cut_start) or (result.end == len(piece) and stretch.cut_end)
                if not at_cut:
                    result.start += stretch.start
                    result.end += stretch.start
                    results.append(result)
        return list(EntityRecognizer.remove_duplicates(results))
