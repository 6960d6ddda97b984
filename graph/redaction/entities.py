"""The PHI types Overturn redacts, and a found span. These exact strings travel in placeholders and reports."""

from __future__ import annotations

from dataclasses import dataclass

PERSON = "PERSON"
DATE_OF_BIRTH = "DATE_OF_BIRTH"
ADDRESS = "ADDRESS"
PHONE_NUMBER = "PHONE_NUMBER"
EMAIL_ADDRESS = "EMAIL_ADDRESS"
US_SSN = "US_SSN"
MEMBER_ID = "MEMBER_ID"
GROUP_NUMBER = "GROUP_NUMBER"
CLAIM_NUMBER = "CLAIM_NUMBER"
REFERENCE_NUMBER = "REFERENCE_NUMBER"
AUTH_NUMBER = "AUTH_NUMBER"
MRN = "MRN"
NPI = "NPI"
URL = "URL"
AGE = "AGE"  # an age over 89 only (Safe Harbor); younger ages stay

ENTITY_TYPES: frozenset[str] = frozenset(
    {
        PERSON,
        DATE_OF_BIRTH,
        ADDRESS,
        PHONE_NUMBER,
        EMAIL_ADDRESS,
        US_SSN,
        MEMBER_ID,
        GROUP_NUMBER,
        CLAIM_NUMBER,
        REFERENCE_NUMBER,
        AUTH_NUMBER,
        MRN,
        NPI,
        URL,
        AGE,
    }
)


@dataclass(frozen=True)
class PhiSpan:
    """One identifier found in a text: [start, end) indexes the analysed text; score is 0..1."""

    entity_type: str
    start: int
    end: int
    score: float

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: PhiSpan) -> bool:
        return self.start < other.end and other.start < self.end

    def shifted(self, offset: int) -> PhiSpan:
        return PhiSpan(self.entity_type, self.start + offset, self.end + offset, self.score)
