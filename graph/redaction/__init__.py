"""PHI redaction: find identifiers in a member's text, swap them for placeholders, and put them back later.

analyzer = engine.get_analyzer()                  # loads spaCy once per process
redactor = Redactor(analyzer, known_values=[KnownValue("PERSON", "Maria Lopez")])
redacted = redactor.redact(letter_text, vault)    # vault: store.vault.PhiVault of the case
rehydrate(model_output, vault).text               # only for the member's final letter
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
