"""Turning what the member typed into an Answer, or a kind re-ask that says what form we need.

The member's text is data: it is matched against forms, never followed. Every question accepts "skip" (and
"pass", "next", "n/a", an empty reply) and "I don't know" (and "not sure", "unsure", "idk", "?"); those are
answers too. Values are normalised: "yes"/"no", ISO dates, plain numbers ("6", "12.5"), the choice's own
text, and free text with its white space tidied.

Dates: a month and year without a day ("March 2025", "3/2025") means the first of that month. Two-digit years
are this century unless that would be in the future ("3/4/98" is 1998). Dates after `today` are refused:
every date question asks about something that has already happened.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from graph.questions.model import Answer, AnswerStatus, AnswerType, Question

MAX_FREE_TEXT_CHARS = 2000
_OR_SKIP = " (or say skip)"


class Reask(BaseModel):
    """The reply could not be read as an answer; `message` asks again, saying what form is expected."""

    model_config = ConfigDict(frozen=True)

    message: str


_SKIP = frozenset({"", "skip", "skip it", "skip this", "skip this one", "pass", "next", "n/a", "na", "not applicable"})
_UNKNOWN = frozenset(
    {
        "i don't know", "i dont know", "i do not know", "don't know", "dont know", "do not know", "not sure",
        "i'm not sure", "im not sure", "i am not sure", "unsure", "idk", "no idea", "dunno",
    }
)  # fmt: skip
_YES = frozenset({"yes", "y", "yeah", "yep", "yup", "yea", "ya", "true"})
_NO = frozenset({"no", "n", "nope", "nah", "false"})
_TRAILING = ".!?,;: "


def _tidy(raw: str) -> str:
    return " ".join(raw.split())


def _bare(text: str) -> str:
    """The reply folded for matching against fixed forms (curly apostrophes straightened, end punctuation gone)."""
    return text.replace("\u2019", "'").casefold().rstrip(_TRAILING)


def parse_answer(question: Question, raw: str, *, today: date) -> Answer | Reask:
    text = _tidy(raw)
    if text and set(text) == {"?"}:
        return Answer(question_id=question.id, status=AnswerStatus.unknown)
    bare = _bare(text)
    if bare in _SKIP:
        return Answer(question_id=question.id, status=AnswerStatus.skipped)
    if bare in _UNKNOWN:
        return Answer(question_id=question.id, status=AnswerStatus.unknown)
    value = _VALUE_READERS[question.answer_type](question, text, today)
    if isinstance(value, Reask):
        return value
    return Answer(question_id=question.id, status=AnswerStatus.answered, value=value)


def _yes_no(question: Question, text: str, today: date) -> str | Reask:
    words = re.findall(r"[a-z']+", _bare(text))
    if words:
        first, rest = words[0], set(words[1:])
        if first in _YES and not rest & _NO:
            return "yes"
        if first in _NO and not rest & _YES:
            return "no"
    return Reask(message="Please answer yes or no" + _OR_SKIP + ".")


# -- dates ------------------------------------------------------------------------------------------------

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_DATE_FORMS = [
    re.compile(r"(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})"),  # ISO
    re.compile(r"(?P<month>\d{1,2})[-/.](?P<day>\d{1,2})[-/.](?P<year>\d{4}|\d{2})"),  # US order
    re.compile(rf"{_MONTH},? {_DAY},? {_YEAR}"),  # March 3, 2025
    re.compile(rf"{_DAY} (?:of )?{_MONTH},? {_YEAR}"),  # 3 March 2025
    re.compile(rf"{_MONTH},? {_YEAR}"),  # March 2025: the first of the month
    re.compile(r"(?P<month>\d{1,2})/(?P<year>\d{4})"),  # 3/2025: the first of the month
]
_DATE_HELP = "like 03/14/2025 or March 14, 2025"
_MONTH_NAMES = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
]  # fmt: skip


def _year(digits: str, today: date) -> int:
    if len(digits) == 4:
        return int(digits)
    this_century = today.year // 100 * 100 + int(digits)
    return this_century if this_century <= today.year else this_century - 100


def _date(question: Question, text: str, today: date) -> str | Reask:
    bare = _bare(text)
    if bare == "today":
        return today.isoformat()
    if bare == "yesterday":
        return (today - timedelta(days=1)).isoformat()
    found = next((match for form in _DATE_FORMS if (match := form.fullmatch(bare))), None)
    if found is None:
        return Reask(message=f"Please give the date {_DATE_HELP}{_OR_SKIP}.")
    parts = found.groupdict()
    month_text = parts["month"]
    month = _MONTHS[month_text] if month_text in _MONTHS else int(month_text)
    day = int(parts.get("day") or 1)
    year = _year(parts["year"], today)
    if not 1 <= month <= 12:
        return Reask(message=f"There is no month {month}. Please write the date month first, {_DATE_HELP}.")
    try:
        value = date(year, month, day)
    except ValueError:
        return Reask(
            message=f"{_MONTH_NAMES[month - 1]} {year} has no day {day}. Please check the day and month, {_DATE_HELP}."
        )
    if year < 1900:
        return Reask(message=f"That year looks too early. Please check the date, {_DATE_HELP}.")
    if value > today:
        return Reask(
            message=f"That date is after today. Please give a date that has already happened, {_DATE_HELP}{_OR_SKIP}."
        )
    return value.isoformat()


# -- numbers ----------------------------------------------------------------------------------------------

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a dozen": 12, "a couple": 2,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_QUALIFIER = r"(?:(?:about|around|roughly|approximately|approx|nearly|almost|maybe|probably|close to|at least|over|"
_QUALIFIER += r"more than|~)\.?\s*)?"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,12}(?:\.\d+)?|\.\d+"
_ONE_TO_NINE = "one|two|three|four|five|six|seven|eight|nine"
_WORDS = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
_NUMBER = re.compile(
    rf"{_QUALIFIER}\$?(?:(?P<digits>{_DIGITS})"
    rf"|(?P<tens>{'|'.join(_TENS)})[- ](?P<unit>{_ONE_TO_NINE})|(?P<word>{_WORDS}))"
    r"(?:\s*(?P<rest>[a-z][a-z' ]*))?"
)
_NEGATIVE = re.compile(r"(?:^|[\s$~])-\s*\$?\d|\b(?:minus|negative)\b")
_NUMBER_HELP = "Please give one number of zero or more, like 6 or 12.5"


def _number(question: Question, text: str, today: date) -> str | Reask:
    bare = _bare(text)
    if _NEGATIVE.search(bare) or bare.startswith("-"):
        return Reask(message=f"{_NUMBER_HELP}{_OR_SKIP}; it can't be below zero.")
    match = _NUMBER.fullmatch(bare)
    if match is None:
        return Reask(message=f"{_NUMBER_HELP}{_OR_SKIP}.")
    if match["digits"] is not None:
        value = Decimal(match["digits"].replace(",", ""))
    elif match["tens"] is not None:
        value = Decimal(_TENS[match["tens"]] + _UNITS[match["unit"]])
    else:
        value = Decimal(_UNITS.get(match["word"], _TENS.get(match["word"], 0)))
    return format(value.normalize(), "f")


# -- choices and free text --------------------------------------------------------------------------------


def _choice(question: Question, text: str, today: date) -> str | Reask:
    bare = _bare(text)
    folded = [choice.casefold() for choice in question.choices]
    if bare in folded:
        return question.choices[folded.index(bare)]
    number = re.fullmatch(r"(?:option|number|no\.?|#)?\s*(\d{1,2})", bare)
    if number and 1 <= int(number[1]) <= len(question.choices):
        return question.choices[int(number[1]) - 1]
    starting = [choice for choice, fold in zip(question.choices, folded, strict=True) if fold.startswith(bare)]
    if number is None and len(starting) == 1:
        return starting[0]
    listed = "; ".join(f"{index}. {choice}" for index, choice in enumerate(question.choices, start=1))
    return Reask(message=f"Please pick one of these by its number or its words{_OR_SKIP}: {listed}.")


def _free_text(question: Question, text: str, today: date) -> str | Reask:
    if len(text) > MAX_FREE_TEXT_CHARS:
        return Reask(
            message=f"That answer is {len(text):,} characters long. Please shorten it to {MAX_FREE_TEXT_CHARS:,} "
            "characters or fewer; the key points are enough."
        )
    return text


_VALUE_READERS = {
    AnswerType.yes_no: _yes_no,
    AnswerType.date: _date,
    AnswerType.number: _number,
    AnswerType.choice: _choice,
    AnswerType.free_text: _free_text,
}
