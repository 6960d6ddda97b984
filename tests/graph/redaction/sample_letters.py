"""Invented denial letters for the redaction tests. Every person, number and address here is made up."""

from __future__ import annotations

# The identifiers DENIAL carries, by type, exactly as written in it.
DENIAL_PHI: dict[str, list[str]] = {
    "PERSON": ["Marisol Abernathy-Quint", "Theodore Vasquez", "Marisol", "Priya Ramanathan", "Okafor"],
    "ADDRESS": ["4417 Larkspur Lane, Apt 2C", "Fairbanks, AK 99709"],
    "DATE_OF_BIRTH": ["04/17/1979"],
    "MEMBER_ID": ["QHX771204568"],
    "GROUP_NUMBER": ["GR-55120"],
    "CLAIM_NUMBER": ["2025CL0093371"],
    "REFERENCE_NUMBER": ["APL-88120-4"],
    "AUTH_NUMBER": ["PA-4471190"],
    "PHONE_NUMBER": ["(907) 455-2381"],
    "EMAIL_ADDRESS": ["m.abernathy.q@examplemail.net"],
    "NPI": ["1730254169"],
    "URL": ["https://members.northwindhealth.example.com/claims/2025CL0093371"],
}
# What must survive redaction: clinical content, insurers, drugs, the letter's own dates, toll-free lines.
DENIAL_KEPT = [
    "Northwind Health Plan",
    "Humana",
    "Truvada",
    "Anthem",
    "MRI of the lumbar spine",
    "CPT 72148",
    "M54.16",
    "June 3, 2025",
    "May 20, 2025",
    "1-800-555-0199",
    "www.northwindhealth.example.com",
    "Alaska",
]

DENIAL = """Northwind Health Plan
Appeals and Grievances Department
P.O. Box 60112
Anchorage, AK 99507

June 3, 2025

Marisol Abernathy-Quint
4417 Larkspur Lane, Apt 2C
Fairbanks, AK 99709

Member name: Marisol Abernathy-Quint
Date of Birth: 04/17/1979
Member ID: QHX771204568    Group #: GR-55120
Claim number: 2025CL0093371
Reference #: APL-88120-4
Authorization number: PA-4471190
Date of service: May 20, 2025
Ordering physician: Theodore Vasquez, MD    NPI 1730254169

Dear Marisol,

We reviewed the request for an MRI of the lumbar spine (CPT 72148) for low back pain with radiculopathy
(M54.16). We denied it because the records do not show six weeks of conservative treatment. Your doctor,
Dr. Okafor, may ask for a peer-to-peer review. Your earlier plans with Humana and Anthem, and your Truvada
prescription, do not change this decision. Members in Alaska may also contact the state insurance division.

You may call us at 1-800-555-0199 or visit www.northwindhealth.example.com. Your claim is online at
https://members.northwindhealth.example.com/claims/2025CL0093371. We will also write to you at
m.abernathy.q@examplemail.net or call you at (907) 455-2381.

Sincerely,

Priya Ramanathan, MD
Medical Director
"""


def two_page_letter() -> str:
    """About two printed pages (~6,000 characters): the letter, then its appeal-rights pages."""
    rights = (
        "YOUR RIGHT TO APPEAL. You may ask for an internal appeal within 180 days of the date you received this "
        "letter. Send any records, test results or a letter from your doctor. A clinician who took no part in "
        "this decision will review it, and you may see the file and the criteria we used, free of charge. If "
        "waiting could seriously harm your health, ask for an expedited appeal; we decide those within 72 hours. "
        "After our internal appeal you may ask for an external review by an independent review organization.\n\n"
    )
    return DENIAL + "\n" + rights * 10
