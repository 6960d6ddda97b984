"""Names spaCy's small model files under ORG: "Tomomi Nishiyama lives at ...", "Enrico shouted at Gary".

The model tags many unfamiliar names ORG, and the analyzer drops ORG at source (engine.NER_IGNORED). This
recognizer reads the entities of the same spaCy document the analyzer already made (no second pass) and
reports as PERSON the ORG entities that are shaped like a person's name:
- one word: only a known given name or surname (person_names) that is not an everyday word;
- two or three words: each capitalised (not all capitals), letters only, none an everyday, organisation,
  insurer, drug or place word ("Credit Karma", "Fuse TV", "Redbud Drive", "Beth Israel" are not names).
Whatever reads as an eponym or an organisation's name in context is left alone (person_rules.is_name_at).
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.tokens import Doc

from graph.redaction.entities import PERSON
from graph.redaction.name_words import is_everyday_word, is_known_name, name_bounds
from graph.redaction.person_names import AMBIGUOUS_NAMES
from graph.redaction.person_rules import is_name_at, single_word_is_name
from graph.redaction.places import is_larger_than_a_state
from graph.redaction.recognizers.own_recognizer import OwnRecognizer
from graph.redaction.recognizers.results import recognizer_result

SCORE = 0.5
ORG_LABEL = "ORG"
MAX_WORDS = 3
_LINE_PART = re.compile(r"[^\n]+")
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*(?:['’]s)?")
_INITIAL = re.compile(r"[A-Z]\.?")


def org_entity_spans(nlp_artifacts: NlpArtifacts | None) -> list[tuple[int, int]]:
    """Character offsets of the ORG entities in the analyzer's spaCy document, if it has one."""
    doc = getattr(nlp_artifacts, "tokens", None)
    if not isinstance(doc, Doc):
        return []
    return [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == ORG_LABEL]


def _shaped_like_a_name(words: list[str]) -> bool:
    bare = [w.removesuffix("'s").removesuffix("’s") for w in words]
    if len(bare) == 1:
        word = bare[0]
        known = is_known_name(word) and word.casefold() not in AMBIGUOUS_NAMES
        return known and single_word_is_name(word)
    if len(bare) > MAX_WORDS or any(w.isupper() or not w[0].isupper() for w in bare):
        return False
    return not any(is_everyday_word(w) or is_larger_than_a_state(w) for w in bare)


class OrgTaggedNamesRecognizer(OwnRecognizer):
    ENTITY = PERSON

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        for ent_start, ent_end in org_entity_spans(nlp_artifacts):
            for line in _LINE_PART.finditer(text, ent_start, min(ent_end, len(text))):
                lead = _LEADING_THE.match(line.group())
                offset = line.start() + (lead.end() if lead else 0)
                bounds = name_bounds(text[offset : line.end()])
                if bounds is None:
                    continue
                start, end = offset + bounds[0], offset + bounds[1]
                tokens = text[start:end].split()
                if not all(_NAME_WORD.fullmatch(t) or _INITIAL.fullmatch(t) for t in tokens):
                    continue  # punctuation, digits or symbols inside: "Mystery & Suspense", "PSC 0413"
                words = [t for t in tokens if not _INITIAL.fullmatch(t)]
                if words and _shaped_like_a_name(words) and is_name_at(text, start, end):
                    results.append(recognizer_result(self, PERSON, start, end, SCORE))
        return results
