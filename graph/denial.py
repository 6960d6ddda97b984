"""What a denial letter says, as facts the member can confirm: each with the letter's own words and a confidence.

Plain pydantic, no I/O. Values sit at the top level (``insurer``, ``service``, ``codes`` ...); ``evidence`` maps a
field key to the spans of the letter text it came from. Keys are field names, and for list fields one key per item:
``"categories.medical_necessity"``, ``"codes.cpt.70336"``.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator


class PlanKind(StrEnum):
    employer_erisa = "employer_erisa"
    state_regulated = "state_regulated"
    marketplace = "marketplace"
    medicare_advantage = "medicare_advantage"
    medicare_part_d = "medicare_part_d"
    original_medicare = "original_medicare"
    medicaid = "medicaid"
    unknown = "unknown"


class ServiceKind(StrEnum):
    procedure = "procedure"
    imaging = "imaging"
    drug = "drug"
    device = "device"
    stay = "stay"
    therapy = "therapy"
    test = "test"
    other = "other"


class Category(StrEnum):
    medical_necessity = "medical_necessity"
    experimental_investigational = "experimental_investigational"
    prior_authorization = "prior_authorization"
    out_of_network = "out_of_network"
    not_covered_benefit = "not_covered_benefit"
    step_therapy = "step_therapy"
    formulary = "formulary"
    cost_sharing = "cost_sharing"
    preventive_care = "preventive_care"
    level_of_care = "level_of_care"
    insufficient_documentation = "insufficient_documentation"
    duplicate = "duplicate"
    coding_billing = "coding_billing"
    timely_filing = "timely_filing"
    other = "other"


class Span(BaseModel):
    """A half-open character range of the letter text; ``text`` is exactly ``letter[start:end]``."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError("span end before start")
        if len(self.text) != self.end - self.start:
            raise ValueError("span text length does not match its offsets")
        return self


class FieldEvidence(BaseModel):
    model_config = ConfigDict(frozen=True)

    spans: list[Span]
    confidence: float = Field(ge=0.0, le=1.0)


class Codes(BaseModel):
    cpt: list[str] = Field(default_factory=list)
    hcpcs: list[str] = Field(default_factory=list)
    icd10: list[str] = Field(default_factory=list)
    carc: list[str] = Field(default_factory=list)


class AppealDeadline(BaseModel):
    """When the appeal is due: a calendar date, a number of days counted from an event, or both."""

    date: dt.date | None = None
    days: int | None = Field(default=None, gt=0)
    counted_from: str | None = None

    @model_validator(mode="after")
    def _something_known(self) -> AppealDeadline:
        if self.date is None and self.days is None:
            raise ValueError("an appeal deadline needs a date or a number of days")
        return self


class DenialDetails(BaseModel):
    """Everything the extractor understood. An unknown field is null (or empty), never a guess."""

    insurer: str | None = None
    plan_name: str | None = None
    plan_kind: PlanKind = PlanKind.unknown
    service: str | None = None
    service_kind: ServiceKind | None = None
    diagnosis: str | None = None
    codes: Codes = Field(default_factory=Codes)
    categories: list[Category] = Field(default_factory=list)
    reason: str | None = None
    policy_cited: str | None = None
    claim_id: str | None = None
    reference_id: str | None = None
    letter_date: dt.date | None = None
    service_date: dt.date | None = None
    appeal_deadline: AppealDeadline | None = None
    expedited_available: bool | None = None
    appeal_address: str | None = None
    appeal_fax: str | None = None
    evidence: dict[str, FieldEvidence] = Field(default_factory=dict)


# The fields of DenialDetails that hold free text (as opposed to enums, dates, codes and lists).
TEXT_FIELDS: tuple[str, ...] = (
    "insurer",
    "plan_name",
    "service",
    "diagnosis",
    "reason",
    "policy_cited",
    "claim_id",
    "reference_id",
    "appeal_address",
    "appeal_fax",
)
