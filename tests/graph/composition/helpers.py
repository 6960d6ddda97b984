"""Facts for the composition tests, and a local reading of the letter contract the guardrails enforce."""

from __future__ import annotations

import datetime as dt
import re

from graph.composition.facts import AnsweredQuestion, LetterFacts, long_date
from graph.composition.rights import appeal_rights
from graph.denial import AppealDeadline, Category, Codes, PlanKind, ServiceKind

TODAY = dt.date(2025, 3, 3)

KEY_IDEAS: dict[Category, tuple[str, ...]] = {
    Category.medical_necessity: ("medically necessary",),
    Category.experimental_investigational: ("experimental", "investigational"),
    Category.prior_authorization: ("prior authorization",),
    Category.out_of_network: ("out-of-network", "network"),
    Category.not_covered_benefit: ("not covered", "benefit"),
    Category.step_therapy: ("step therapy",),
    Category.formulary: ("formulary",),
    Category.cost_sharing: ("cost-sharing", "deductible", "copayment", "coinsurance"),
    Category.preventive_care: ("preventive",),
    Category.level_of_care: ("level of care",),
    Category.insufficient_documentation: ("documentation", "information"),
    Category.duplicate: ("duplicate",),
    Category.coding_billing: ("coding", "billing"),
    Category.timely_filing: ("timely filing", "filed"),
    Category.other: (),
}

_PLACEHOLDER = re.compile(r"\[[A-Z][A-Z_]*_\d+\]")
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_CITATION = re.compile(
    r"(?:\d+\s+)?(?:C\.F\.R\.|U\.S\.C\.)(?:\s+§?\s*[\d.\-]*\d)?|§\s*[\d.\-]*|\bsection\s+\d+(?:\([a-z0-9]+\))*|\bv\.\s",
    re.IGNORECASE,
)
_NAMED_LAW = re.compile(r"\b(?:[A-Z][a-z]+ )+(?:Act|Code|Statute)\b")


def full_facts(
    category: Category = Category.medical_necessity,
    plan_kind: PlanKind = PlanKind.employer_erisa,
    **overrides: object,
) -> LetterFacts:
    values: dict[str, object] = {
        "today": TODAY,
        "member_name": "[PERSON_1]",
        "member_id": "[MEMBER_ID_1]",
        "insurer": "Acme Health",
        "plan_name": "Acme Gold PPO",
        "plan_kind": plan_kind,
        "service": "MRI of the left knee",
        "service_kind": ServiceKind.imaging,
        "diagnosis": "tear of the medial meniscus",
        "codes": Codes(cpt=["73721"], icd10=["S83.241A"], carc=["50"]),
        "categories": [category],
        "reason": "The requested imaging does not meet our criteria for this request.",
        "policy_cited": "Clinical Policy Bulletin 0171",
        "claim_id": "[CLAIM_NUMBER_1]",
        "reference_id": "[REFERENCE_NUMBER_1]",
        "letter_date": dt.date(2025, 2, 10),
        "service_date": dt.date(2025, 1, 20),
        "appeal_deadline": AppealDeadline(date=dt.date(2025, 8, 8), days=180, counted_from="the date of this notice"),
        "expedited_available": True,
        "appeal_address": "Acme Health Appeals, PO Box 4410, Hartford, CT 06101",
        "appeal_fax": "(860) 555-0142",
        "answers": [
            AnsweredQuestion(
                question_id="urgent_need",
                area="urgency",
                question="Is your need for this care urgent?",
                answer="yes",
                statement="My doctor told me that I need this care urgently.",
            ),
            AnsweredQuestion(
                question_id="pt_start",
                area="history",
                question="When did you start physical therapy?",
                answer="2024-11-04",
                statement="I started physical therapy on November 4, 2024.",
            ),
        ],
    }
    values.update(overrides)
    return LetterFacts.model_validate(values)


def empty_facts(plan_kind: PlanKind = PlanKind.unknown, **overrides: object) -> LetterFacts:
    return LetterFacts.model_validate({"today": TODAY, "plan_kind": plan_kind, **overrides})


def _facts_text(facts: LetterFacts) -> str:
    """Everything a letter may draw numbers and placeholders from: the facts, their dates, the rights sentence."""
    parts = [facts.model_dump_json(), appeal_rights(facts.plan_kind).next_level]
    dates = [facts.today, facts.letter_date, facts.service_date]
    if facts.appeal_deadline and facts.appeal_deadline.date:
        dates.append(facts.appeal_deadline.date)
    parts += [long_date(day) for day in dates if day]
    return "\n".join(parts)


def contract_violations(letter: str, facts: LetterFacts) -> list[str]:
    """What a letter gets wrong against the contract; empty when it passes."""
    problems: list[str] = []
    lowered = letter.lower()
    rights = appeal_rights(facts.plan_kind)
    source = _facts_text(facts)

    for placeholder in set(_PLACEHOLDER.findall(letter)):
        if placeholder not in source:
            problems.append(f"unknown placeholder {placeholder}")
    for number in set(_NUMBER.findall(letter)):
        if (len(re.sub(r"\D", "", number)) >= 3 or "." in number) and number not in source:
            problems.append(f"ungrounded number {number}")
    for citation in [*_CITATION.findall(letter), *_NAMED_LAW.findall(letter)]:
        allowed = [*rights.citations, facts.policy_cited or "\0"]
        if not any(citation.strip().lower() in item.lower() for item in allowed):
            problems.append(f"citation {citation!r}")
    if not any(phrase.lower() in lowered for phrase in rights.required_any):
        problems.append("no required rights phrase")
    problems += [f"forbidden {phrase!r}" for phrase in rights.forbidden if phrase.lower() in lowered]
    if rights.next_level not in letter:
        problems.append("rights sentence not verbatim")
    if not re.search(r"\b(reverse|overturn)\b", lowered) or not re.search(r"\b(approve|cover|pay)\b", lowered):
        problems.append("no remedy")
    if facts.reason:
        ideas = KEY_IDEAS[facts.primary_category]
        if not _quotes(letter, facts.reason) and not any(idea in lowered for idea in ideas):
            problems.append("reason not addressed")
    re_line = next((line for line in letter.splitlines() if line.startswith("RE:")), "")
    for placeholder in (facts.claim_id, facts.reference_id):
        if placeholder and placeholder not in re_line:
            problems.append(f"{placeholder} not in the RE line")
    if facts.member_name and facts.member_name not in letter.rsplit("Sincerely,", 1)[-1]:
        problems.append("member name not in the closing")
    deadline = facts.appeal_deadline.date if facts.appeal_deadline else None
    if deadline and deadline >= facts.today and f"before {long_date(deadline)}" not in letter:
        problems.append("deadline not mentioned")
    if facts.wants_expedited and "expedited review" not in lowered:
        problems.append("no expedited request")
    if not facts.wants_expedited and "expedited" in lowered:
        problems.append("expedited review asked without cause")
    return problems


def _quotes(letter: str, reason: str, size: int = 8) -> bool:
    """The letter repeats `size` consecutive words of the reason (all of a shorter one)."""
    words = re.findall(r"[a-z0-9]+", reason.lower())
    run = min(size, len(words))
    text = " " + " ".join(re.findall(r"[a-z0-9]+", letter.lower())) + " "
    return any(" " + " ".join(words[i : i + run]) + " " in text for i in range(len(words) - run + 1))
