"""PHI redaction: find identifiers in a member's text, swap them for placeholders, and put them back later.

analyzer = engine.get_analyzer()                  # loads spaCy once per process
redactor = Redactor(analyzer, known_values=[KnownValue("PERSON", "Maria Lopez")])
redacted = redactor.redact(letter_text, vault)    # vault: store.vault.PhiVault of the case
rehydrate(model_output, vault).text               # only for the member's final letter

What is redacted (HIPAA Safe Harbor, for the member, relatives, clinicians and anyone else named): names,
also a single name ("Maria said", "Dr. Ruiz", "son Kevin") and names in lower case where they are listed;
birth dates; every place smaller than a state (street lines, city or town named alone, county, ZIP);
phone and fax numbers in any national format; email; SSN; member, group, claim, reference, authorization,
MRN, account and accession numbers; NPI; URLs that carry an identifier.
What is kept, because the appeal needs it: letter, service, admission, discharge and decision dates (only a
date given as a birth date is PHI; alone a service date identifies no one and deadlines run from it); US
states and countries (state law, "treated in Mexico"; a country inside a printed address block goes with
the block); insurer, plan, pharmacy and facility names and the insurer's own mailing address and toll-free
lines; drugs, procedures, diagnoses (eponyms too: "Graves disease"), CPT/HCPCS/ICD-10 codes.
Where each rule lives: policy.py (which findings count), person_rules.py, location_rules.py, recognizers/.
"""

from graph.redaction.entities import ENTITY_TYPES, PhiSpan
from graph.redaction.placeholders import Vault, placeholders_in
from graph.redaction.recognizers.known_values import KnownValue
from graph.redaction.redactor import Redacted, Redactor
from graph.redaction.rehydration import INVENTED_MARK, Rehydrated, rehydrate

__all__ = [
    "ENTITY_TYPES",
    "INVENTED_MARK",
    "KnownValue",
    "PhiSpan",
    "Redacted",
    "Redactor",
    "Rehydrated",
    "Vault",
    "placeholders_in",
    "rehydrate",
]
