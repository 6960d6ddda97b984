"""US state and territory names as they appear in mailing addresses, and the ZIP code that follows them."""

from __future__ import annotations

_NAMES = (
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
    "District of Columbia", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas",
    "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi",
    "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York",
    "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Puerto Rico",
    "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia",
    "Washington", "West Virginia", "Wisconsin", "Wyoming", "Guam", "Virgin Islands",
)  # fmt: skip

_ABBREVIATIONS = (
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC",
    "ND", "OH", "OK", "OR", "PA", "PR", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI",
    "WY", "GU", "VI",
)  # fmt: skip

# Longest names first so "West Virginia" wins over "Virginia"; abbreviations are upper case only.
STATE_NAME = r"(?:" + "|".join(sorted(_NAMES, key=len, reverse=True)).replace(" ", r"[ \t]+") + r")"
STATE = r"(?:" + STATE_NAME + r"|(?-i:" + "|".join(_ABBREVIATIONS) + r")|D\.C\.)"

ZIP = r"\d{5}(?:-\d{4})?(?![\d-])"
