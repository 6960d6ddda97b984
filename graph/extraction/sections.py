"""Where a letter stops talking about this member's denial: appeal-rights boilerplate and form instructions.

Two kinds of text are never evidence of why this member was denied:

- appeal-rights boilerplate ("You have the right to appeal", "If you need help", language taglines): it
  starts at the sentence holding a rights cue and runs until a sentence that is clearly about the denial
  again ("Why did we deny your request?", "We have declined to provide benefits", "Case Details") or to the
  end of the letter. A sentence defining the notice's own terms ("An Adverse Benefit Determination is a
  decision we make ...") opens such a range too: it is boilerplate, not this member's reason;
- form instructions of model notices ("{Insert ...}", "[Insert Medicaid information ...]", "Findings:Discuss
  the reason ..."): curly braces are insertion marks; square brackets only when they read as an instruction
  (a short ``[Customer]`` is a hand-redaction mark, not an instruction).

The result is a flat partition: instruction ranges are cut out of the rights ranges they fall in, so
``Letter.section_at`` finds exactly one kind for every position. Everything not covered is body.
"""

from __future__ import annotations

import re

from graph.extraction.letter import Section, SectionKind
from graph.extraction.sentence_index import SentenceIndex

_RIGHTS_CUE = re.compile(
    r"(?i)\byou\s+(?:also\s+)?(?:may\s+)?(?:have|has)\s+(?:the\s+)?rights?\s+to\b"
    r"|\bright\s+to\s+(?:appeal|an?\s+(?:appeal|external|independent|fair))"
    r"|\bif\s+you\s+(?:do\s+not|don['’]t)\s+agree\b|\bif\s+you\s+disagree\b|\byou\s+may\s+disagree\b"
    r"|\bif\s+you\s+(?:think|believe|feel)\b[^.\n]{0,60}\b(?:error|wrong|incorrect|mistake)"
    r"|\b(?:if\s+you|what\s+if\s+i)\s+need\s+help\b|\bget\s+help\s*(?:&|and)\s*more\s+information"
    r"|\bif\s+you\s+have\s+(?:any\s+)?questions\b"
    r"|\byou\s+(?:may|can)\s+(?:also\s+)?(?:obtain|request|ask\s+for|get)\s+(?:free\s+of\s+charge\s+)?"
    r"(?:a\s+copy|copies|any\s+documents|access\s+to)"
    r"|\b(?:how|when|where)\s+to\s+(?:file|request|ask\s+for|submit)\s+(?:an?\s+|your\s+)?"
    r"(?:appeal|grievance|external\s+review|fair\s+hearing)"
    r"|\bto\s+(?:file|request|start)\s+(?:an?\s+|your\s+)?(?:appeal|grievance)\b"
    r"|\bif\s+your\s+appeal\s+is\s+denied\b|\bexternal\s+(?:review|appeal)\b|\bfair\s+hearing\b"
    r"|\bexpedited\s+(?:appeal|review)\b|\bfree\s+of\s+charge\b"
    r"|\blanguage\s+assistance\b|\bATTENTION\s*:|\bATENCI[ÓO]N\b|\binterpret(?:er|ation|ing)\s+services?\b"
    r"|\bdiscriminat\w*|\bnondiscrimination\b|\ba\s+language\s+other\s+than\s+English\b"
)
# A sentence defining the notice's own terms: "An Adverse Benefit Determination is a decision we make ...".
_DEFINITION = re.compile(
    r"(?:An?|The)\s+(?:[A-Z][\w-]*\s+){1,4}(?:is|means)\s+(?:a|an|any|the)\s+(?:decision|determination|denial)\b"
)
# Heading-only cues: a short line that names the rights part of the letter.
_RIGHTS_HEADING = re.compile(
    r"(?i)\bappeals?\s+rights\b|\byour\s+rights\b|\bhow\s+to\s+appeal\b|\bappeals?\s+(?:process|procedures?)\b"
    r"|\bgrievances?\b|\bother\s+resources\b"
)
_HEADING_MAX = 100
# A sentence that starts talking about the denial again.
_DENIAL_AGAIN = re.compile(
    r"(?i)(?:why\s+did\s+we\s+den|dear\b|re\s*:"
    r"|we\s+(?:have\s+)?(?:reviewed|received)\s+(?:your|the|a)\s+(?:request|claim|prior|pre)"
    r"|(?:notice|letter)\s+of\s+(?:denial|adverse|non-?coverage|action)"
    r"|(?:your|this|the)\s+(?:request|claim|appeal)\b[^.\n]{0,80}?\b(?:was|is|has\s+been)\s+"
    r"(?:denied|partially|not\s+approved|not\s+covered)"
    r"|we\s+(?:have\s+)?(?:denied|declined|decided\s+to\s+(?:deny|decline|rescind)|are\s+denying|cannot\s+approve"
    r"|are\s+unable\s+to\s+approve|have\s+not\s+approved|did\s+not\s+approve)"
    r"|this\s+(?:letter|notice|document)\s+(?:is|serves\s+as)\b|case\s+details|details\s+about"
    r"|claim\s+(?:denial\s+)?(?:information|details)|reasons?\s+for\s+(?:the\s+|this\s+|our\s+)?(?:denial|decision)"
    r"|the\s+reason\s+for|explanation\s+of|summary\s+of\s+(?:the\s+)?(?:decision|review)"
    r"|(?:clinical\s+)?rationale\b|service(?:/item)?\s*:|description\s+of\s+service)"
)

# Square-bracket text that reads as an instruction to whoever fills in the form.
_INSTRUCTION_WORD = re.compile(
    r"(?i)\s*(?:insert|include|provide|replace|describe|explain|state|list|add|enter|use|language|if|choose|"
    r"select|attach|identify|discuss|summarize|note)\b"
)
_MIN_BRACKET_WORDS = 4
# "Findings:Discuss the reason or reasons ..." on a labelled line of a model notice.
_LABEL_INSTRUCTION = re.compile(
    r"(?m):[ \t]*(?P<instruction>(?:Describe|State\s+that|Discuss|List\s+all|Explain|Insert|Summarize)\b[^\n]*)"
)
_OPENERS = re.compile(r"[{\[]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_BRACKET_LIMIT = 1500


def find_sections(text: str) -> tuple[Section, ...]:
    instructions = _merged(_instruction_ranges(text))
    rights = _rights_ranges(text, instructions)
    sections = [Section(SectionKind.instructions, start, end) for start, end in instructions]
    for start, end in rights:
        sections.extend(Section(SectionKind.appeal_rights, s, e) for s, e in _minus(start, end, instructions))
    return tuple(sorted(sections, key=lambda s: s.start))


def _instruction_ranges(text: str) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    covered = 0
    for match in _OPENERS.finditer(text):
        start = match.start()
        if start < covered:
            continue
        opener = text[start]
        end = _closing(text, start, opener, "}" if opener == "{" else "]")
        if opener == "{":
            if end is None and start + 1 < len(text) and text[start + 1].isalpha():
                blank = _BLANK_LINE.search(text, start)
                end = min(blank.start() if blank else len(text), start + _BRACKET_LIMIT)
        elif end is not None and not _reads_as_instruction(text[start + 1 : end - 1]):
            end = None
        if end is not None:
            ranges.append((start, end))
            covered = end
    ranges.extend(m.span("instruction") for m in _LABEL_INSTRUCTION.finditer(text))
    return ranges


def _closing(text: str, start: int, opener: str, closer: str) -> int | None:
    """Index just past the bracket that closes the one at ``start`` (nesting counted), or None."""
    depth = 0
    for i in range(start, min(len(text), start + _BRACKET_LIMIT)):
        char = text[i]
        if char == opener:
            depth += 1
        elif char == closer:
            depth -= 1
            if depth == 0:
                return i + 1
    return None


def _reads_as_instruction(content: str) -> bool:
    return _INSTRUCTION_WORD.match(content) is not None or len(content.split()) >= _MIN_BRACKET_WORDS


def _rights_ranges(text: str, instructions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    sentences = SentenceIndex(text)
    opens: set[int] = set()
    for match in _RIGHTS_CUE.finditer(text):
        if not _inside(match.start(), instructions):
            opens.add(sentences.start_of(match.start()))
    closes: set[int] = set()
    for start in sentences.starts:
        if _DENIAL_AGAIN.match(text, start) and not _inside(start, instructions):
            closes.add(start)
        if _DEFINITION.match(text, start):
            opens.add(start)
        line_end = text.find("\n", start)
        line = text[start : len(text) if line_end < 0 else line_end]
        if len(line.strip()) <= _HEADING_MAX and _RIGHTS_HEADING.search(line):
            opens.add(start)

    # A denial sentence never opens a rights range, even when it mentions the right to appeal. A range starts
    # at the blanks before its first sentence, so the gap after the previous full stop is not body either.
    starts = {_back_over_blanks(text, pos) for pos in opens - closes}
    ranges: list[tuple[int, int]] = []
    open_at: int | None = None
    for pos, is_open in sorted([(p, False) for p in closes] + [(p, True) for p in starts]):
        if is_open and open_at is None:
            open_at = pos
        elif not is_open and open_at is not None:
            ranges.append((open_at, pos))
            open_at = None
    if open_at is not None:
        ranges.append((open_at, len(text)))
    return ranges


def _back_over_blanks(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1] in " \t":
        pos -= 1
    return pos


def _inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= pos < end for start, end in ranges)


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _minus(start: int, end: int, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of [start, end) outside the (sorted, disjoint) holes."""
    parts: list[tuple[int, int]] = []
    cursor = start
    for hole_start, hole_end in holes:
        if hole_end <= cursor or hole_start >= end:
            continue
        if hole_start > cursor:
            parts.append((cursor, hole_start))
        cursor = max(cursor, hole_end)
    if cursor < end:
        parts.append((cursor, end))
    return parts
