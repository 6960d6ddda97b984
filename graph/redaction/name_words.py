"""Is this capitalised run of words a person's name? Word lists that keep insurers, drugs and letter words out.

Letters and notes are full of capitalised words that are not people: insurers ("Humana", "Anthem"), drugs
("Truvada", "Lasix"), departments ("Appeals Unit"), diagnoses ("Hodgkin lymphoma"), headings ("DAILY NOTE")
and months. spaCy's small model tags some of them PERSON. A candidate is rejected outright when any word
belongs to an organisation, a drug, a condition or a generic addressee; it is cut short at the first plain
English word ("Ruiz On March" -> "Ruiz"); everyday words before the name are dropped ("Call Maria" ->
"Maria") unless they are names themselves ("Mark Ruiz"). Initials stay ("A. Patel").
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from graph.redaction.clinical_terms import CONDITION_WORDS, DRUG_WORDS
from graph.redaction.common_words import COMMON_WORDS
from graph.redaction.person_names import GIVEN_NAMES, SURNAMES


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Insurers, PBMs, programmes and agencies a denial letter names. Lower case.
INSURER_WORDS = _words(
    """
    aetna anthem amerigroup ambetter amerihealth bcbs carefirst caremark centene cigna cvs elevance
    emblemhealth evernorth excellus geisinger guidewell healthnet healthfirst highmark humana kaiser
    permanente medica medicaid medicare medi-cal molina optum optumrx premera regence selecthealth
    tricare uhc unitedhealth unitedhealthcare wellcare wellmark wellpoint magellan evicore carelon
    healthhelp nia availity navinet cms hhs ebsa dol oic dmhc ire maximus
    """
) | _words(
    # Pharmacies, hospital systems and drug makers: named in notes as often as insurers are in letters.
    """
    walgreens walmart costco kroger safeway publix rite-aid accredo cvs/caremark express-scripts
    mayo sinai cedars-sinai hopkins brigham deaconess presbyterian baptist methodist lutheran adventist
    mercy dartmouth intermountain ochsner sutter ascension atrium novant baylor kaiser
    pfizer merck novartis sanofi genentech amgen abbvie gilead squibb astrazeneca regeneron biogen
    janssen takeda bayer roche lilly novo moderna pilgrim harvard tufts fallon fidelis metroplus cdphp upmc
    caresource healthpartners pacificsource moda quartz meridian trillium point32health
    """
)
# Drugs and clinical words that reach spaCy as capitalised tokens. Lower case; generic and brand names.
CLINICAL_WORDS = (
    _words(
        """
    truvada descovy apretude pertzye creon zenpep lidocaine lidoderm humira enbrel stelara dupixent
    ozempic wegovy mounjaro zepbound trulicity jardiance farxiga eliquis xarelto keytruda opdivo botox
    aimovig emgality ajovy nurtec ubrelvy qulipta xolair nucala fasenra skyrizi tremfya cosentyx taltz
    otezla rinvoq xeljanz entyvio remicade inflectra ocrevus tysabri gilenya copaxone spinraza zolgensma
    vyvanse adderall concerta suboxone sublocade vivitrol narcan lantus humalog novolog tresiba toujeo
    basaglar dexcom libre omnipod tandem insulin metformin gabapentin lyrica cymbalta prep pep hiv mri
    ct pet ekg ecg cpt hcpcs icd dme tablet tablets capsule capsules patch patches injection infusion
    pen vial syringe solution cream dose knee hip shoulder spine spinal lumbar cervical thoracic back
    neck joint replacement arthroplasty arthroscopy fusion repair reconstruction resection biopsy scan
    imaging ultrasound mammogram colonoscopy endoscopy physical occupational speech therapy therapies
    sleep study polysomnography glucose monitor pump sensor surgery procedure treatment screening test
    testing visit visits device equipment wheelchair brace orthotic prosthetic oxygen dialysis
    chemotherapy radiation transplant bariatric gastric sleeve bypass cardiac
    """
    )
    | DRUG_WORDS
    | CONDITION_WORDS
)
# Organisation, department and generic-addressee words: a run holding one is not a person's name.
ORGANISATION_WORDS = _words(
    """
    health healthcare insurance insurer company co corp corporation inc llc lp ltd plan plans group
    medical center centre hospital hospitals clinic clinics pharmacy pharmacies associates association
    services service department dept unit team office division management utilization review appeals
    appeal grievance grievances grievance customer member members membership valued subscriber enrollee
    participant beneficiary patient provider providers physician physicians doctor doctors sir madam
    friend colleague parent guardian policyholder coordinator administrator administration director
    directors committee board foundation university institute counselor counsellor specialist
    representative manager nurse reviewer analyst advocate officer clerk assistant supervisor pharmacist
    technician agent liaison navigator financial billing mutual rx network networks partners systems
    system solutions care cares orthopedic orthopedics radiology imaging laboratory laboratories lab
    labs surgery surgical rehabilitation rehab therapy therapeutics behavioral mental specialty
    specialists family community regional general memorial children's womens women's county state
    federal national american united department of notice determination decision benefit benefits
    coverage claim claims request requests authorization prior pre-certification external internal
    independent organization organisation program programme assistance ombudsman commissioner bureau
    agency trust fund employer employee retirement security act law policy policies criteria guideline
    guidelines summary explanation statement letter form attachment enclosure page fax facsimile phone
    telephone email website confidential important urgent expedited standard level first second final
    adverse denial denied approved medicare medicaid advantage part drug drugs formulary tier
    """
) | _words(
    # Specialties and services ("referred to Cardiology"), and the words of firms' and bands' names.
    """
    cardiology neurology oncology nephrology urology dermatology gastroenterology pulmonology pulmonary
    rheumatology endocrinology hematology psychiatry psychology pediatrics paediatrics obstetrics gynecology
    ophthalmology otolaryngology podiatry orthopaedics neurosurgery anesthesiology anaesthesia pathology
    hospice palliative geriatrics nutrition dietary chaplaincy audiology optometry urgent primary infectious
    medicine dental dentistry wellness nursing pharmaceuticals pharmaceutical biotech bioscience
    incorporated orchestra band ensemble choir records studio studios productions media press publishing
    ventures holdings consulting technologies enterprises industries collective cooperative gmbh plc llp
    pllc sa ag bv administrative code codes regulation regulations statute statutes chapter cfr usc rcw
    wac revised legislature ortho cards onc heme pulm nephro uro derm endo rheum peds obgyn gyn ent gi
    assisted residence residences homes shelter lodge hospice
    """
)
# Plain words: a name run is cut where one starts ("Dr. Ruiz On March 3" -> "Ruiz").
PLAIN_WORDS = _words(
    """
    the a an and or of on in at by for to from with without as is are was were be been this that these
    those it its we our us you your he she his her they their them who whom which what when where why
    how if then than not no yes all any each every some such per via re dear hello hi please thank
    thanks sincerely regards january february march april may june july august september october
    november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday
    friday saturday sunday today date dob birth born name id number no ssn mrn npi tel fax
    """
)
# Field labels of letters and notes that are no one's name, though nothing else marks them ("Rationale:",
# "Surgeon:", "Cell:"): a line that opens with one is a form field, not a speaker in a dialogue.
LABEL_WORDS = _words(
    """
    attn rationale prescriber surgeon attestation totals cell mobile pager home work
    """
)
# Interjections, sentence adverbs and the words one calls a person by instead of a name: they open a line
# before a comma ("Honestly, can you", "Honey, please") or a colon as a name would.
FORMS_OF_ADDRESS = _words(
    """
    listen honey sweetie sweetheart darling babe dear maam ma'am sir madam folks guys everyone everybody
    anyone anybody someone somebody mum mom mama papa dad grandma grandpa granny nana auntie uncle buddy
    dude bro sis doc boss coach captain ladies gentlemen kids nope yep yeah yes alright okay hey oh ah um
    uh wow excuse pardon sorry seriously honestly actually finally lastly tomorrow yesterday tonight
    """
)
_LABELS_AND_FORMS_OF_ADDRESS = LABEL_WORDS | FORMS_OF_ADDRESS
_TOKEN = re.compile(r"[^\s,]+")
_INITIAL = re.compile(r"[A-Z]\.")


def _bare(token: str) -> str:
    return token.strip(".,;:()'’\"").casefold()


def is_known_name(word: str) -> bool:
    """A given name or surname in person_names (lower case or not; possessive ignored)."""
    bare = _bare(word).removesuffix("'s").removesuffix("’s")
    return bare in GIVEN_NAMES or bare in SURNAMES


def is_everyday_word(word: str) -> bool:
    """An everyday, function or document word that is not also a name in our lists ("Insert", "Has", "Note")."""
    bare = _bare(word)
    listed = bare in COMMON_WORDS or bare in PLAIN_WORDS or bare in STOP_WORDS or bare in _LABELS_AND_FORMS_OF_ADDRESS
    return listed and not is_known_name(bare)


def name_bounds(candidate: str) -> tuple[int, int] | None:
    """The part of `candidate` that is a name, as offsets into it, or None when it is not a person's name."""
    tokens = [(m.start(), m.end(), _bare(m.group()), m.group()) for m in _TOKEN.finditer(candidate)]
    kept: list[tuple[int, int, str]] = []
    cut = False  # an everyday word ended the name; later words may still show it is an organisation
    for start, end, word, raw in tokens:
        if word in ORGANISATION_WORDS or word in INSURER_WORDS or word in CLINICAL_WORDS:
            return None
        if word in PLAIN_WORDS and not _INITIAL.fullmatch(raw):
            break
        if cut:
            continue
        if _INITIAL.fullmatch(raw):
            kept.append((start, end, word))
        elif word in COMMON_WORDS and not is_known_name(word):
            if any(len(w) >= 2 for _, _, w in kept):
                cut = True
            else:
                kept.clear()  # a heading or sentence word before the name ("Call Maria")
        else:
            kept.append((start, end, word))
    while kept and len(kept[-1][2]) <= 1:  # a trailing initial stays only inside a name ("LOPEZ, MARIA E")
        if len(kept) > 2:
            break
        kept.pop()
    if not any((len(word) >= 2 and word.isalpha()) or "-" in word or "'" in word for _, _, word in kept):
        return None
    end = kept[-1][1]
    while end > 0 and candidate[end - 1] in ",;:":
        end -= 1
    return kept[0][0], end


def is_name_like(candidate: str) -> bool:
    return name_bounds(candidate) is not None
