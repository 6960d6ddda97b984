"""The member's next-level appeal rights, by plan kind: what a letter says it keeps, and what it must not claim.

One table serves the letter writers (template letters, the model prompt) and the review guardrail, so a letter
and its check never disagree. `required_any`: a letter must contain at least one of these phrases
(case-insensitive). `forbidden`: phrases that name another plan kind's process. `citations`: the only legal
citations a letter about this plan kind may carry (besides the policy the insurer itself cited).
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.denial import PlanKind


@dataclass(frozen=True)
class AppealRights:
    plan_kind: PlanKind
    next_level: str  # one sentence a letter can use as it is
    required_any: tuple[str, ...]
    forbidden: tuple[str, ...]
    citations: tuple[str, ...]


_MEDICARE_ONLY = ("Independent Review Entity", "Administrative Law Judge", "Medicare Appeals Council", "QIC")
_MEDICAID_ONLY = ("State fair hearing", "fair hearing")
_ERISA_ONLY = ("ERISA", "section 502(a)", "29 C.F.R. 2560.503-1")
_EXTERNAL = ("external review",)

RIGHTS: dict[PlanKind, AppealRights] = {
    PlanKind.employer_erisa: AppealRights(
        PlanKind.employer_erisa,
        "If this appeal is denied, I reserve my right to an independent external review and my rights under "
        "ERISA, including a full and fair review under 29 C.F.R. 2560.503-1 and a civil action under section "
        "502(a). Please send me, free of charge, copies of all documents, records and criteria relevant to "
        "this claim.",
        required_any=("external review", "ERISA"),
        forbidden=(*_MEDICARE_ONLY, *_MEDICAID_ONLY),
        citations=("29 C.F.R. 2560.503-1", "section 502(a)"),
    ),
    PlanKind.state_regulated: AppealRights(
        PlanKind.state_regulated,
        "If this appeal is denied, I will ask my state's insurance regulator for an independent external review "
        "of this decision.",
        required_any=_EXTERNAL,
        forbidden=(*_MEDICARE_ONLY, *_MEDICAID_ONLY, *_ERISA_ONLY),
        citations=(),
    ),
    PlanKind.marketplace: AppealRights(
        PlanKind.marketplace,
        "If this appeal is denied, I will request an independent external review of this decision, as the "
        "Affordable Care Act provides for Marketplace plans.",
        required_any=_EXTERNAL,
        forbidden=(*_MEDICARE_ONLY, *_MEDICAID_ONLY, *_ERISA_ONLY),
        citations=("Affordable Care Act",),
    ),
    PlanKind.medicare_advantage: AppealRights(
        PlanKind.medicare_advantage,
        "I am asking for a reconsideration. If the plan does not decide fully in my favor, my case must be sent "
        "to the Independent Review Entity, and I keep my further Medicare appeal rights, including a hearing "
        "before an Administrative Law Judge.",
        required_any=("Independent Review Entity", "reconsideration"),
        forbidden=(*_MEDICAID_ONLY, *_ERISA_ONLY, "external review"),
        citations=(),
    ),
    PlanKind.medicare_part_d: AppealRights(
        PlanKind.medicare_part_d,
        "I am asking for a redetermination. If it is not decided fully in my favor, I will ask the Independent "
        "Review Entity for a reconsideration, and I keep my further Medicare appeal rights.",
        required_any=("redetermination", "Independent Review Entity"),
        forbidden=(*_MEDICAID_ONLY, *_ERISA_ONLY, "external review"),
        citations=(),
    ),
    PlanKind.original_medicare: AppealRights(
        PlanKind.original_medicare,
        "I am asking for a redetermination. If it is not decided fully in my favor, I will ask a Qualified "
        "Independent Contractor for a reconsideration, and I keep my further Medicare appeal rights.",
        required_any=("redetermination", "Qualified Independent Contractor"),
        forbidden=(*_MEDICAID_ONLY, *_ERISA_ONLY, "external review", "Independent Review Entity"),
        citations=(),
    ),
    PlanKind.medicaid: AppealRights(
        PlanKind.medicaid,
        "If this appeal is denied, I will ask for a State fair hearing, and I ask that my benefits continue "
        "while my appeal is decided where the rules allow.",
        required_any=("State fair hearing", "fair hearing"),
        forbidden=(*_MEDICARE_ONLY, *_ERISA_ONLY),
        citations=(),
    ),
    PlanKind.unknown: AppealRights(
        PlanKind.unknown,
        "If this appeal is denied, I reserve every further appeal right my plan and the law give me, including "
        "an independent external review where it applies.",
        required_any=("further appeal right", "external review"),
        forbidden=(
            "Independent Review Entity",
            "Administrative Law Judge",
            "Medicare Appeals Council",
            "State fair hearing",
            "ERISA",
        ),
        citations=(),
    ),
}


def appeal_rights(plan_kind: PlanKind) -> AppealRights:
    return RIGHTS[plan_kind]
