"""Cue phrases for each denial category, with how strongly each one says "this is why you were denied".

A cue is ``negatable`` when words just before it can turn it around ("not experimental", "no longer requires
prior authorization"); cues that carry their own negation ("not medically necessary") are not. A ``weak``
cue ("not covered under your plan") names a category only when no other category is cued in the same
sentence: "not covered under your plan because it is not medically necessary" is a medical-necessity denial.

Two decisions worth knowing:

- insufficient_documentation means the insurer says it lacked the records to decide ("we did not receive
  the notes we asked for"). "The notes do not show ..." or "your doctor has not documented ..." is a
  clinical criterion not met: it cues nothing here (the letter's own necessity or step-therapy words carry
  it).
- prior_authorization means authorization was missing, not that an authorization request was reviewed and
  denied (that is the usual route to a medical-necessity denial), so a bare "prior authorization" is no
  cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.denial import Category


@dataclass(frozen=True)
class Cue:
    category: Category
    pattern: re.Pattern[str]
    confidence: float
    negatable: bool = True
    weak: bool = False
    # Lower-case word stems of which a match must hold one: a letter without any of them skips the pattern.
    needs: tuple[str, ...] = ()

    def may_match(self, lowered_text: str) -> bool:
        return any(stem in lowered_text for stem in self.needs)


def _cue(
    category: Category,
    needs: str,
    pattern: str,
    confidence: float,
    *,
    negatable: bool = True,
    weak: bool = False,
) -> Cue:
    compiled = re.compile(r"(?i)(?<![\w-])(?:" + pattern + r")(?![\w-])")
    return Cue(category, compiled, confidence, negatable, weak, tuple(needs.split()))


_AUTH = r"(?:prior\s+authori[sz]ation|pre-?authori[sz]ation|pre-?certification|precert)"
_SOMEONES = r"(?:your|the|this|our|the\s+member[’']?s)(?:\s+(?:health\s+|drug\s+)?plan[’']?s)?"

MN = Category.medical_necessity
EI = Category.experimental_investigational
PA = Category.prior_authorization
OON = Category.out_of_network
NCB = Category.not_covered_benefit
STEP = Category.step_therapy
FORM = Category.formulary
COST = Category.cost_sharing
PREV = Category.preventive_care
LOC = Category.level_of_care
DUP = Category.duplicate
CODE = Category.coding_billing
TIME = Category.timely_filing
DOCS = Category.insufficient_documentation
CUES: tuple[Cue, ...] = (
    # medical necessity
    _cue(MN, "necessar", r"not\s+(?:considered\s+)?medically\s+necessary|medically\s+unnecessary", 0.85,
         negatable=False),
    _cue(MN, "medical reasonable", r"lack\s+of\s+medical\s+necessity|not\s+(?:considered\s+)?medically\s+"
         r"(?:appropriate|needed|required|indicated)|not\s+(?:considered\s+)?reasonable\s+and\s+necessary", 0.85,
         negatable=False),
    _cue(MN, "necessity", r"(?:does|did|do)\s+not\s+meet\s+(?:\w+\s+){0,4}?medical\s+necessity", 0.85, negatable=False),
    _cue(MN, "necessity", r"medical\s+necessity\s+(?:(?:criteria|requirements|guidelines)\s+)?"
         r"(?:were|was|are|is|have|has)\s+not\s+(?:been\s+)?(?:met|established|satisfied|demonstrated|shown)", 0.85,
         negatable=False),
    _cue(MN, "appropriate", r"not\s+(?:medically\s+)?appropriate\s+for\s+(?:your|his|her|their|the\s+"
         r"(?:member|patient)[’']?s)\s+(?:condition|diagnosis|situation|illness)", 0.75, negatable=False),
    # experimental / investigational
    _cue(EI, "considered", r"considered\s+(?:to\s+be\s+)?(?:experimental|investigational|unproven)", 0.9),
    _cue(EI, "experimental investigational unproven", r"experimental|investigational|unproven", 0.8),
    _cue(EI, "standard", r"not\s+(?:the\s+|a\s+)?standard\s+of\s+care", 0.7, negatable=False),
    _cue(EI, "approved", r"not\s+(?:yet\s+)?(?:been\s+)?(?:FDA[- ]approved|approved\s+by\s+the\s+"
         r"(?:FDA|Food\s+and\s+Drug\s+Administration))", 0.65, negatable=False),
    _cue(EI, "evidence literature studies", r"(?:insufficient|lack\s+of|limited|not\s+enough|inadequate)\s+"
         r"(?:scientific|clinical|peer[- ]reviewed|published)\s+(?:\w+\s+)?(?:evidence|literature|studies)", 0.65,
         negatable=False),
    # prior authorization: missing, not merely requested
    _cue(PA, "authori certif precert", _AUTH + r"\s+(?:was|is|has|had)\s+not\s+(?:been\s+)?"
         r"(?:obtained|requested|received|submitted|on\s+file)", 0.9, negatable=False),
    _cue(PA, "authori certif approval", r"(?:failure|failed)\s+to\s+(?:obtain|request|get)\s+(?:a\s+|the\s+)?"
         r"(?:prior\s+|pre-?)?(?:authori[sz]ation|certification|approval)", 0.9, negatable=False),
    _cue(PA, "authori certif precert", r"without\s+(?:a\s+|an\s+|the\s+)?(?:required\s+)?" + _AUTH, 0.85,
         negatable=False),
    _cue(PA, "authori certif precert",
         r"no\s+" + _AUTH + r"\s+(?:was\s+|is\s+)?(?:on\s+file|obtained|found|received)", 0.85, negatable=False),
    _cue(PA, "authori certif precert",
         r"(?:did\s+not|didn[’']t|never)\s+(?:obtain|get|request)\s+(?:a\s+|the\s+)?" + _AUTH, 0.85, negatable=False),
    _cue(PA, "authori certif", r"not\s+(?:pre-?certified|pre-?authori[sz]ed|prior\s+authori[sz]ed)", 0.85,
         negatable=False),
    _cue(PA, "authori certif precert", _AUTH + r"\s+(?:was\s+)?required(?!\s+for\s+(?:this|these|all|some|certain))",
         0.6, weak=True),
    # out of network
    _cue(OON, "network participating", r"out[- ]of[- ]network|non-?participating", 0.8),
    _cue(OON, "participating contracted network",
         r"not\s+(?:a\s+|an\s+)?(?:participating|contracted|network|in-network)\s+"
         r"(?:provider|facility|pharmacy|physician|doctor|hospital)", 0.8, negatable=False),
    _cue(OON, "network", r"not\s+(?:in|part\s+of)\s+" + _SOMEONES + r"\s+(?:provider\s+)?network", 0.8,
         negatable=False),
    _cue(OON, "network", r"outside\s+(?:of\s+)?" + _SOMEONES + r"\s+(?:provider\s+)?network", 0.75),
    # benefit exclusions
    _cue(NCB, "excluded", r"excluded\s+(?:from|under|by)\s+" + _SOMEONES + r"?\s*(?:member[’']?s\s+)?"
         r"(?:benefits?|plan|policy|coverage|contract|certificate)", 0.85),
    _cue(NCB, "exclusion", r"(?:benefits?|plan|policy|contract(?:ual)?|coverage)\s+exclusions?", 0.8),
    _cue(NCB, "covered benefit", r"not\s+a\s+covered\s+(?:benefit|service|expense)|non-?covered\s+"
         r"(?:benefit|service)s?|not\s+a\s+benefit\s+(?:of|under)", 0.85, negatable=False),
    _cue(NCB, "cover include provide", r"(?:plan|policy|contract|benefits?)\s+(?:does|do)\s+not\s+(?:cover|include|"
         r"provide\s+(?:coverage|benefits))", 0.7, negatable=False, weak=True),
    _cue(NCB, "covered included", r"not\s+(?:a\s+)?(?:covered|included)\s+(?:under|by|in)\s+" + _SOMEONES
         + r"\s+(?:plan|policy|benefits?|contract|certificate|coverage)", 0.65, negatable=False, weak=True),
    # step therapy
    _cue(STEP, "step fail", r"step[- ]therapy|fail[- ]first", 0.9),
    _cue(STEP, "first", r"(?:must|need\s+to|needs\s+to|required\s+to|have\s+to|has\s+to)\s+(?:first\s+)?"
         r"(?:try|use|fail)\b[^.\n]{0,80}?\bfirst", 0.75),
    _cue(STEP, "tried failed first",
         r"(?:must|should)\s+have\s+(?:first\s+)?(?:tried|failed)|try\b[^.\n]{0,80}?\bfirst", 0.75),
    _cue(STEP, "tried failed", r"(?:have|has)\s+not\s+(?:yet\s+)?(?:tried|failed)\b[^.\n]{0,60}?\b(?:medications?|"
         r"drugs?|generics?|alternatives?|formulary|preferred|agents?)", 0.7, negatable=False),
    _cue(STEP, "prerequisite failure",
         r"prerequisite\s+(?:drugs?|medications?|therap(?:y|ies))|trial\s+and\s+failure", 0.75),
    # formulary
    _cue(FORM, "formulary list", r"not\s+(?:on|in|included\s+(?:on|in)|listed\s+(?:on|in)|part\s+of)\s+" + _SOMEONES
         + r"\s+(?:\w+\s+)?(?:formulary|drug\s+list|list\s+of\s+covered\s+drugs)", 0.9, negatable=False),
    _cue(FORM, "formulary", r"non-?formulary|off[- ]formulary", 0.85),
    _cue(FORM, "formulary list", r"(?:excluded|removed)\s+from\s+" + _SOMEONES + r"\s+(?:formulary|drug\s+list)", 0.85),
    _cue(FORM, "formulary", r"formulary\s+exception|not\s+a\s+(?:covered|formulary)\s+(?:drug|medication)", 0.75),
    # cost sharing
    _cue(COST, "deductible coinsurance co-pay copay pocket",
         r"(?:applied|applies|apply)\s+to\s+(?:your|the\s+member[’']?s|the)\s+(?:annual\s+)?"
         r"(?:deductible|coinsurance|co-?pay(?:ment)?|out[- ]of[- ]pocket)", 0.8),
    _cue(COST, "deductible pocket",
         r"(?:deductible|out[- ]of[- ]pocket\s+maximum)\s+(?:has|have)\s+not\s+(?:yet\s+)?been\s+"
         r"met|(?:have|has)\s+not\s+(?:yet\s+)?met\s+(?:your|the)\s+(?:annual\s+)?deductible", 0.85, negatable=False),
    _cue(COST, "responsibility cost",
         r"(?:patient|member)\s+(?:responsibility|cost[- ]share)|cost[- ]shar(?:e|ing)\s+"
         r"(?:amount|applies|applied)", 0.7),
    # preventive care
    _cue(PREV, "preventive", r"not\s+(?:considered\s+)?(?:a\s+)?preventive|(?:diagnostic|not)\s+rather\s+than\s+"
         r"(?:routine|preventive)", 0.8, negatable=False),
    _cue(PREV, "preventive", r"does\s+not\s+(?:meet|qualify)\s+(?:as|for)\s+(?:a\s+|the\s+)?preventive", 0.85,
         negatable=False),
    _cue(PREV, "preventive routine", r"(?:exceeds|beyond)\s+(?:the\s+)?(?:preventive|routine)\s+(?:\w+\s+)?"
         r"(?:frequency|limit)", 0.75),
    # level of care
    _cue(LOC, "level intensive", r"lower\s+level\s+of\s+care|less\s+intensive\s+(?:level|setting|care)", 0.85),
    _cue(LOC, "outpatient home office observation lower less ambulatory",
         r"(?:could|can)\s+(?:have\s+)?(?:be(?:en)?\s+)?(?:safely\s+)?(?:provided|performed|"
         r"treated|managed|done|given|delivered)\s+(?:\w+\s+){0,3}?(?:in|at)\s+(?:an?\s+|the\s+|your\s+)?"
         r"(?:outpatient|home|office|observation|lower|less|ambulatory)", 0.8),
    _cue(LOC, "inpatient acute hospital residential",
         r"(?:does|did)\s+not\s+(?:require|need)\s+(?:an?\s+)?(?:inpatient|acute|hospital|"
         r"residential)\s+(?:level|care|stay|admission|setting|hospitali[sz]ation)", 0.8, negatable=False),
    _cue(LOC, "observation", r"observation\s+(?:status|level|stay|care)\s+(?:is|was|would\s+(?:have\s+)?be(?:en)?)"
         r"\s+(?:more\s+)?appropriate", 0.85),
    # duplicate
    _cue(DUP, "duplicate", r"duplicate\s+(?:of\s+(?:a\s+)?(?:previous|prior|another)\s+)?(?:claims?|services?|"
         r"submissions?|bill(?:ing)?|requests?|charges?)", 0.85),
    _cue(DUP, "previously already",
         r"(?:claim|service|charge|bill)\s+(?:was|has\s+been|had\s+been)\s+(?:previously|already)\s+"
         r"(?:processed|paid|submitted|billed|adjudicated)", 0.8),
    # coding and billing
    _cue(CODE, "code modifier", r"(?:incorrect|invalid|inappropriate|inconsistent|missing|wrong)\s+(?:\w+\s+)?"
         r"(?:(?:procedure|diagnosis|billing|CPT|HCPCS|ICD-?10|revenue|place\s+of\s+service)\s+)?"
         r"(?:codes?|modifiers?|coding)", 0.8),
    _cue(CODE, "unbundl exclusive edit billed coded coding",
         r"unbundl\w*|mutually\s+exclusive\s+(?:procedures?|codes?)|(?:NCCI|CCI)\s+edits?|"
         r"(?:billed|coded)\s+(?:incorrectly|improperly|in\s+error)|coding\s+(?:error|guidelines|rules)", 0.8),
    _cue(CODE, "modifier", r"modifier\s+(?:\w+\s+)?(?:is\s+|was\s+)?(?:missing|invalid|required|not\s+"
         r"(?:valid|appropriate|supported))", 0.75),
    # timely filing
    _cue(TIME, "timely", r"timely\s+filing", 0.9),
    _cue(TIME, "filed submitted received",
         r"(?:claim|bill)\s+was\s+(?:filed|submitted|received)\s+(?:after|beyond|past|outside|"
         r"more\s+than)|(?:claim|bill)\s+was\s+not\s+(?:filed|submitted|received)\s+within", 0.85, negatable=False),
    _cue(TIME, "filing submission", r"(?:filing|submission)\s+(?:limit|deadline|time\s+limit)\s+(?:has\s+|had\s+)?"
         r"(?:expired|passed|been\s+exceeded|was\s+exceeded)|(?:exceeds|exceeded|past|beyond)\s+(?:the\s+)?"
         r"(?:timely\s+)?(?:filing|submission)\s+(?:limit|deadline|period)", 0.85, negatable=False),
    # insufficient documentation: records missing, not records that show a criterion unmet
    _cue(DOCS, "records information documentation documents notes results",
         r"(?:did\s+not|have\s+not|has\s+not|never)\s+(?:yet\s+)?(?:receive[d]?|"
         r"get|gotten)\s+(?:the\s+|any\s+|all\s+(?:of\s+)?the\s+)?(?:requested\s+|necessary\s+|additional\s+|"
         r"needed\s+|required\s+|enough\s+)?(?:medical\s+|clinical\s+|supporting\s+)?(?:records|information|"
         r"documentation|documents|notes|test\s+results)", 0.8, negatable=False),
    _cue(DOCS, "information documentation records",
         r"(?:insufficient|incomplete|missing|inadequate|not\s+enough|lack\s+of|no)"
         r"\s+(?:clinical\s+|medical\s+|supporting\s+)?(?:information|documentation|records)\s+(?:was\s+|were\s+)?"
         r"(?:received|submitted|provided|sent|to\s+(?:make|complete|review|determine|decide|support))", 0.75,
         negatable=False),
    _cue(DOCS, "able", r"(?:unable|not\s+able)\s+to\s+(?:make\s+a\s+decision|complete\s+"
         r"(?:the|our|your)\s+review)\s+(?:\w+\s+){0,4}?(?:without|because|due\s+to)", 0.7, negatable=False),
)  # fmt: skip
