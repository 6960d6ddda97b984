"""US postal addresses: street lines, P.O. boxes and "City, ST 12345" lines.

"1234 Elm Street, Apt 5" "41905 County Road 12" "P.O. Box 1234" "Lowell, MA 01851-2201", and military
mail ("PSC 1234, Box 5678" over "APO AE 09876"; "Unit 4719 Box 7394" over "DPO AP 70942"). A street line and a
city line on one line ("60698 Pemberton Place, Lowell, MA 01802") make one span; on two lines, two spans.
A state name alone is not PHI (Safe Harbor removes places smaller than a state), so it is never matched alone.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from graph.redaction.cue_search import cue_finditer
from graph.redaction.entities import ADDRESS
from graph.redaction.recognizers.own_recognizer import OwnRecognizer
from graph.redaction.recognizers.results import recognizer_result, without_contained

_STATE_CODES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND "
    "OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR VI GU AS MP"
)
STATES = _STATE_CODES.split()
STATE_NAMES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|District of Columbia|Florida|"
    "Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|"
    "Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|"
    "New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|"
    "South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|Puerto Rico"
)
_SUFFIX = (
    r"(?:Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Terrace|Ter|Circle|"
    r"Cir|Parkway|Pkwy|Highway|Hwy|Row|Trail|Trl|Square|Sq|Loop|Run|Path|Pike|Alley|Aly|Crossing|Xing|Point|Pt|"
    r"Plaza|Plz|Heights|Hts|Ridge|Commons|Cove|Cv|Creek|Crescent|Cres|Expressway|Expy|Freeway|Fwy|Glen|Grove|"
    r"Hill|Hollow|Junction|Landing|Manor|Meadow|Meadows|Mews|Park|Pass|Ranch|Spur|Station|Terr|Turnpike|Tpke|"
    r"Valley|View|Vista|Walk|Wynd|Bend|Close|Green|Broadway)\b\.?"
)
_DIRECTION = r"(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\b\.?"
_STREET_WORD = r"(?:[A-Z][A-Za-z'’\-]*|\d+(?:st|nd|rd|th))"
_UNIT = r"(?:Apt|Apartment|Suite|Ste|Unit|Bldg|Building|Floor|Fl|Room|Rm|Lot|Trlr|#)\.?[^\S\n]*#?[A-Z0-9\-]+"
_ROUTE = (
    r"(?:County\s+Road|County\s+Rd|State\s+Route|State\s+Road|Route|Rte|Highway|Hwy|"
    r"Farm\s+to\s+Market\s+Road|FM|CR|SR|US)\s+\d+[A-Z]?"
)
_CITY = r"[A-Z][A-Za-z'’.\-]*(?:[^\S\n][A-Z][A-Za-z'’.\-]*){0,3}"
_ZIP = r"\d{5}(?:-\d{4})?"
_STATE = rf"(?:{'|'.join(STATES)}|{STATE_NAMES})"

STREET = (
    rf"\d{{1,6}}(?:-\d{{1,4}})?[A-Z]?[^\S\n]+(?:{_DIRECTION}[^\S\n]+)?"
    rf"(?:{_ROUTE}|(?:{_STREET_WORD}[^\S\n]+){{1,4}}{_SUFFIX}(?:[^\S\n]+{_DIRECTION})?)"
    rf"(?:,?[^\S\n]+{_UNIT})?"
)
PO_BOX = r"(?:P\.?[^\S\n]?O\.?[^\S\n]?Box|Post[^\S\n]+Office[^\S\n]+Box|PO[^\S\n]+Box|Box)[^\S\n]+\d{1,7}"
CITY_LINE = rf"{_CITY},?[^\S\n]+{_STATE},?[^\S\n]+{_ZIP}"
MILITARY_BOX = r"(?:PSC|CMR|Unit)[^\S\n]+\d{1,5},?[^\S\n]+Box[^\S\n]+\d{1,5}"
MILITARY_POST = rf"(?:APO|FPO|DPO)[^\S\n]+(?:AA|AE|AP)[^\S\n]+{_ZIP}"

PATTERNS: tuple[tuple[re.Pattern[str], float], ...] = (
    (re.compile(rf"(?<![\w-])(?:{STREET}|{PO_BOX})(?:,?[^\S\n]+{CITY_LINE})?(?![\w])"), 0.8),
    (re.compile(rf"(?<![\w-]){CITY_LINE}(?![\w-])"), 0.75),
    (re.compile(rf"(?<![\w-]){MILITARY_BOX}(?:,?[^\S\n]+{MILITARY_POST})?(?![\w-])"), 0.8),
    (re.compile(rf"(?<![\w-]){MILITARY_POST}(?![\w-])"), 0.75),
)


class UsAddressRecognizer(OwnRecognizer):
    ENTITY = ADDRESS

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        return without_contained(
            [
                recognizer_result(self, ADDRESS, match.start(), match.end(), score)
                for pattern, score in PATTERNS
                for match in cue_finditer(pattern, text)
            ]
        )
