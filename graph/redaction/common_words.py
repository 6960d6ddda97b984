"""Everyday English words that turn up capitalised (headings, form fields, sentence starts, note sections) and
that spaCy's small model now and then tags as a person or a place: "Insert", "Download", "Drop", "Handbook",
"Floor", "Scanner", "DAILY NOTE". Lower case.

A single capitalised word in this list is not a name, and a run made only of these words is not one either
("Guilty Pleasures", "GERIATRICS CONSULT"). A run that mixes them with other words can still be a name
("Mark Johnson"): the rules that use this list say how (policy and person_rules).
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words of forms, letters, documents and software.
DOCUMENT_WORDS = _words(
    """
    about above account accounts action actions add added address addresses agree agreement alert all also
    amount answer answers apply approve area article ask attach attached attachment back balance before below
    bill billing blank book box brochure button call calls cancel card case cc center check checked choose
    city click close code comment comments complete confirm contact contacts continue copy copies corner cover
    dated day days deadline delete deliver description detail details document documents done download draft
    drop due edit effective electronic else email enclosed end enter entry envelope error example except exit
    faq field file files fill final find first floor folder follow following footer for form forms forward
    free front full get give go guide guidance handbook header heading help here hold home how important
    include included including index info information inquiry insert inside instructions issue issued item
    items keep key last late later learn left legal let letter letters line link list lists log login look
    mail mailing main make manual mark menu message messages more name names new next no none note notes
    notice number numbers office official ok okay online only open option optional options order orders
    original other others out over overview page pages paper part password pay payment pdf pending person
    personal phone place please portal post postal press preview print printed privacy private process
    profile public question questions read ready receipt received record records reference register
    regular related remember remove reply report reports request required reset response result results
    return review right rights room save scan scanner schedule screen search section see select send sent
    service services set share show sign signature signed site size skip start state status step steps stop
    street submit subject summary support table tab tax team terms text thanks time title today top total
    track type under update updated upload urgent use user username version view visit wait want web website
    welcome what when where who why window word words work yes requesting requested servicing rendering
    ordering referring prescribing treating personalize
    """
)

# Clinical note sections, shorthand that is written capitalised, and words of a clinic's day.
NOTE_WORDS = _words(
    """
    abdomen abnormal active acute addendum admit admitted admission admissions advised afebrile alert allergies
    allergy alert ambulating ambulation ambulatory anesthesia appointment appt arrival assessment attending
    awake bed bedside bilateral biopsy bp brief chart chief chronic clear clinic clinical complaint complaints
    condition consult consultation consults course cpr critical current daily date denies diagnoses diagnosis
    diet discharge discharged disposition dispo dose doses dressing dx ed education emergency encounter er
    exam examination family findings fever floor followup follow-up general goals hand handoff history
    home hospital hpi hx icu imaging impression improved initial inpatient instructions intake interval
    intervention labs left level lines meds medication medications mental monitor monitoring negative
    neuro neurologic normal nursing objective observation onset order orders outpatient pain past patient
    physical plan positive post postop pre preop present prn problem problems procedure procedures prognosis
    progress psych pulse reason recent recommendations recommend referral referred rehab reports resting
    result review ros round rounds run sheet shift signs social stable stat status subjective surgery
    surgical symptoms systems temp therapy transfer transferred treatment triage unit update vitals ward
    weight well wound
    """
)

# Plain vocabulary: verbs, adjectives and nouns that open a sentence or a heading.
PLAIN_VOCABULARY = _words(
    """
    able accept access act added advance after again against age ago agency air allow almost alone along
    already always among analysis animal annual another anyone anything apart apple approach approval around
    arrive art assist assistance available average avoid away baby bad bank base basic battery beach bear
    beat beautiful because become begin beginning behind being believe best better big bird birth bit blue
    board body bold both bottom bought boy brain break bring broad brother brought build building built
    business busy buy calm came camp can capital car care career careful carry cash cause certain chair
    change changes charge cheap child children choice church circle class clean clear climate club coast
    cold collect college color come comedy coming common community company compare concert consider
    consumer continue control cool corporate cost could council count country couple courage create credit
    crime cross culture cup customer cut dance dark data daughter dead deal dear death decide deep degree
    deliver demand design develop did die difference different difficult dinner direct direction discover
    discuss doctor dog door double down dream dress drink drive driver drug during each early earn earth
    easy eat economic economy edge effect effort eight either election else energy engine english enjoy
    enough entertainment entire environment equal even evening event ever every everyone everything exactly
    expect experience explain eye face fact fair fall far farm fast fat father fear federal feel feeling few
    fight figure film finance financial fine finish fire firm fish five fix flat flight floor fly food
    foot force foreign forest forget former four friend friends from fuel fun fund funny future game garden
    gas gate gather global glass goal gold golden good got government great green ground group grow growth
    guess gun guy hair half happy hard have head health hear heart heat heavy high him history hit hole
    holiday hot hotel hour hours house huge human hundred hungry husband idea image imagine impact improve
    increase indeed industry inside instead interest international into investment island job join joint
    journey just keep kid kids kill kind kitchen knew know knowledge lady lake land language large late
    laugh law lay lead leader learn least leave less life light like likely limit little live living local
    long lose loss lost lot loud low lunch machine made magazine major majority make male man manage many
    market marriage master match matter mean measure media meet meeting member memory method middle might
    mile military million mind minute miss mission model modern moment money month morning most mother
    mountain mouth move movie much music must myself nation national natural nature near nearly need
    network never news newspaper nice night nine none nor north nothing now ocean off offer often oil old
    once one open operation opportunity order others our outside own owner paint pair parent parents party
    pass patient peace people perhaps period pick picture piece plant play player pleasure pleasures point
    police policy political poor popular population position possible power practice prepare pressure
    pretty prevent price pride prime private probably product production program project property protect
    prove provide pull purpose push quality quick quickly quiet quite race radio raise range rate rather
    reach real reality really reason receive red region relationship release remain rest rich ride ring
    rise risk river road rock role roll room rule safe safety sale same school science score sea season
    seat second security seem sell senior sense series serious serve seven several shake shape she ship shoot
    short shot should shoulder side simple simply since sing single sister sit six skill skin small smile
    snow society soft soldier some someone something sometimes son song soon sorry sort sound source south
    southern space speak special speech spend sport spring staff stage stand standard star station stay
    still stock stone store story strategy strong student study stuff style success successful sudden suffer
    suggest summer sun sure surface system table talk task teach teacher technology television ten test
    than thank that the their theory there these they thing think third those though thought thousand three
    through throw thus together tonight too tool total tough toward town trade traditional training travel
    tree trial trip trouble true truth try turn twelve twenty two union unit until upon usual usually value
    various very victim video voice vote walk wall war watch water way weapon wear week weekly western
    whatever whether which while white whole whom whose wide wife wild will win wind window winter wish
    with within without woman women wonder wood worker world worry would write writer wrong yard yeah year
    yet young youth zombie mom dad mommy daddy grandma grandpa nana papa hubby sis bro
    """
)

# Street, building and place-type words: a run holding one is an address or a facility, not a person.
PLACE_TYPE_WORDS = _words(
    """
    alley apartment apt ave avenue bay beach blvd bldg boulevard branch bridge building camp canal canyon
    cape causeway cir circle city coast commons corner county court courts cove coves creek crescent
    crossing ct dr drive estate estates expressway extension extensions falls ferry field fields fl floor
    forest fork freeway gardens gateway glen green grove harbor harbour haven heights highway hill hills
    hollow hwy island isle junction lake lakes landing lane ln loop mall manor meadow meadows mews mill
    mills mount mountain park parks parkway pass path pike pines place plaza point port prairie rd ridge
    road route row run shore shores spring springs sq square st station ste street suite summit terrace
    town township trace trail tunnel turnpike union unit valley via view village ville vista walk way
    wells
    """
)

# Titles, credentials and place prefixes: written beside a name, never a name part themselves.
TITLE_WORDS = _words(
    """
    dr mr mrs ms mx miss prof rev sr jr md do np pa-c rn lpn cna phd psyd dds dmd dpm lcsw lmft facs facp
    fort ft saint mt cape sgt lt capt officer
    """
)

# Languages, as the taglines of every insurer letter name them ("Nếu bạn nói Tiếng Việt").
LANGUAGE_WORDS = _words(
    """
    english spanish español espanol chinese 中文 vietnamese tiếng việt tagalog korean 한국어 russian русский
    arabic french français german deutsch italian italiano portuguese português polish polski japanese
    日本語 haitian creole kreyòl ayisyen hindi urdu bengali punjabi farsi persian hmong somali amharic navajo
    diné dine bizaad ukrainian armenian khmer lao thai gujarati cantonese mandarin asl sign language
    """
)

COMMON_WORDS = DOCUMENT_WORDS | NOTE_WORDS | PLAIN_VOCABULARY | PLACE_TYPE_WORDS | TITLE_WORDS | LANGUAGE_WORDS
