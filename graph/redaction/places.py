"""Places that are NOT identifiers under HIPAA Safe Harbor: US states, countries and large regions.

Safe Harbor removes "all geographic subdivisions smaller than a state": street, city, county, precinct, ZIP.
A state is kept (the appeal needs it: state law, the state's external review). A country is larger than a
state, names no one on its own, and tells the reviewer which rules apply ("treated in Mexico"), so it is kept
too; a country printed inside an address block goes with the block (recognizers/cued_address). Everything
else spaCy calls a place (GPE, LOC, FAC) is redacted as ADDRESS, unless it is part of an organisation's name
(location_rules).
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


US_STATE_NAMES = _words(
    """
    alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho
    illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi
    missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia
    washington wisconsin wyoming guam
    """
) | frozenset(
    {
        "new hampshire",
        "new jersey",
        "new mexico",
        "new york",
        "north carolina",
        "north dakota",
        "rhode island",
        "south carolina",
        "south dakota",
        "west virginia",
        "district of columbia",
        "puerto rico",
        "virgin islands",
        "american samoa",
        "northern mariana islands",
        "new york state",
        "washington state",
        "d.c.",
        "washington d.c.",
        "washington, d.c.",
    }
)

US_STATE_CODES = _words(
    """
    AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND
    OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR VI GU AS MP
    """
)

COUNTRIES = _words(
    """
    afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain
    bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria
    burundi cambodia cameroon canada chad chile china colombia comoros congo croatia cuba cyprus czechia
    denmark djibouti dominica ecuador egypt england eritrea estonia eswatini ethiopia fiji finland france
    gabon gambia germany ghana greece greenland grenada guatemala guinea guyana haiti honduras hungary
    iceland india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati
    korea kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania
    luxembourg madagascar malawi malaysia maldives mali malta mauritania mauritius mexico micronesia moldova
    monaco mongolia montenegro morocco mozambique myanmar namibia nauru nepal netherlands nicaragua niger
    nigeria norway oman pakistan palau palestine panama paraguay peru philippines poland portugal qatar
    romania russia rwanda samoa senegal serbia seychelles singapore slovakia slovenia somalia spain
    sudan suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga tunisia turkey
    turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe
    scotland wales britain usa us america
    """
) | frozenset(
    {
        "united states",
        "united states of america",
        "the united states",
        "united kingdom",
        "the united kingdom",
        "great britain",
        "northern ireland",
        "new zealand",
        "south africa",
        "south korea",
        "north korea",
        "saudi arabia",
        "sri lanka",
        "costa rica",
        "el salvador",
        "dominican republic",
        "czech republic",
        "ivory coast",
        "cote d'ivoire",
        "sierra leone",
        "south sudan",
        "trinidad and tobago",
        "united arab emirates",
        "papua new guinea",
        "burkina faso",
        "cabo verde",
        "cape verde",
        "the netherlands",
        "the philippines",
        "the bahamas",
        "the gambia",
        "hong kong",
        "macau",
        "north macedonia",
        "east timor",
        "timor-leste",
        "vatican city",
        "san marino",
    }
)

# Continents and regions larger than a state.
REGIONS = _words(
    """
    africa asia europe antarctica oceania americas caribbean scandinavia balkans midwest appalachia
    """
) | frozenset(
    {
        "north america",
        "south america",
        "central america",
        "latin america",
        "middle east",
        "new england",
        "the south",
        "the midwest",
        "east coast",
        "west coast",
        "pacific northwest",
        "southeast asia",
        "east africa",
        "west africa",
        "eastern europe",
        "western europe",
        "the caribbean",
    }
)

_SPACE = re.compile(r"\s+")
_EDGE = ".,;:'’\"()"
_DIRECTION = re.compile(r"^(?:northern|southern|eastern|western|central|north|south|east|west)\s+", re.IGNORECASE)


def _key(place: str) -> str:
    return _SPACE.sub(" ", place.strip(_EDGE + " ").removesuffix("'s").removesuffix("’s")).casefold()


def is_state(place: str) -> bool:
    """A US state (or DC or a territory), by name or postal code: "Texas", "New York", "NY"."""
    stripped = place.strip(_EDGE + " ")
    return _key(stripped) in US_STATE_NAMES or stripped in US_STATE_CODES


def is_larger_than_a_state(place: str) -> bool:
    """A state, a country or a region, optionally with a direction word ("Southern Tunisia")."""
    key = _key(place)
    bare = _DIRECTION.sub("", key)
    return is_state(place) or any(k in COUNTRIES or k in REGIONS or k in US_STATE_NAMES for k in (key, bare))
