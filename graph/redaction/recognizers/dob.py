"""Dates of birth: a date written after "DOB", "Date of birth", "Birth date" or "born (on)".

Only the birth date is PHI for Overturn. Letter, service, admission and decision dates are kept, because the
appeal depends on them (deadlines run from them) and alone they do not identify the member.
"""

from __future__ import annotations

from graph.redaction.entities import DATE_OF_BIRTH
from graph.redaction.recognizers.labelled_value import LabelledValueRecognizer

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DATE = (
    r"\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})"  # 10/4/51, 03-01-1946
    r"|\d{4}-\d{1,2}-\d{1,2}"  # 1938-09-25
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"  # October 31, 1983; Aug. 1, 1998
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"  # 31 October 1983
    rf"|\d{{1,2}}[\-/ ]{_MONTH}[\-/ ](?:\d{{4}}|\d{{2}})"  # 01-Jan-1950, 4/Jul/45, 12 Mar 51
    rf"|{_MONTH}[\-/ ]\d{{1,2}}[\-/ ](?:\d{{4}}|\d{{2}})"  # Jan-01-1950
)


class DobRecognizer(LabelledValueRecognizer):
    ENTITY = DATE_OF_BIRTH
    LABELS = r"\b(?:dob|d\.o\.?b|do\.b)\b\.?|date\s+of\s+birth|birth\s*date|\bborn(?:\s+on)?|\bbirthday"
    VALUE = DATE
    # "Date of birth: 4/10/45", "DOB of 4/10/45", "date of birth. It's 4/10/1945": a few words, no digits.
    GAP = r"[^\d\n]{0,15}?"
    SCORE = 0.9

    def accepts(self, value: str) -> bool:
        return True  # the DATE pattern already is the whole test
