"""Running spaCy's NER over the focus regions of a text (ner_focus) as one batch, and returning one Doc.

The model used to read the whole text with everything outside the regions blanked. It now reads each region
as its own short text, all of them in one `nlp.pipe` batch: the blanks cost nothing any more, and the
transition-based NER advances every region's state in the same step. The regions are then put back into a
single Doc the length of the text: each blanked gap (spaces, newlines kept) becomes one whitespace token, and
the entities of each region are set on the Doc at the region's place, so their character offsets index the
original text exactly.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from graph.redaction.ner_focus import blanked, focus_regions

# Regions of a two-page letter number a few dozen; one batch holds them all.
BATCH_SIZE = 256


def focused_doc(nlp: Language, text: str, settled: Sequence[tuple[int, int]] = ()) -> Doc:
    """A Doc whose text is ner_focus(text, settled) and whose entities are the model's, read region by region."""
    regions = focus_regions(text, settled)
    words: list[str] = []
    spaces: list[bool] = []
    entities: list[tuple[int, int, str]] = []
    last = 0
    read = nlp.pipe([text[start:end] for start, end in regions], batch_size=BATCH_SIZE)
    for (start, end), region in zip(regions, read, strict=True):
        if start > last:
            words.append(blanked(text[last:start]))
            spaces.append(False)
        first = len(words)
        for token in region:
            words.append(token.text)
            spaces.append(bool(token.whitespace_))
        entities += [(first + ent.start, first + ent.end, ent.label_) for ent in region.ents]
        last = end
    if last < len(text):
        words.append(blanked(text[last:]))
        spaces.append(False)
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in entities]
    return doc
