"""Clinical words that must survive redaction and that spaCy's small model takes for people: drugs (generic
and brand), conditions, anatomy, tests and the capitalised shorthand of notes. Lower case.

Also the nouns that make a surname an eponym ("Graves disease", "Bell's palsy", "Foley catheter", "Whipple
procedure"): a name followed by one of them is a diagnosis or a device, and the appeal needs it.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


DRUG_WORDS = _words(
    """
    abilify acetaminophen actos acyclovir adalimumab adderall advair advil albuterol aldactone alendronate
    allegra allopurinol alprazolam ambien amiodarone amitriptyline amlodipine amoxicillin amoxil ampicillin
    anastrozole apixaban aricept aripiprazole aspirin atenolol ativan atorvastatin augmentin azithromycin
    bactrim baclofen benadryl benzonatase biktarvy bisoprolol brilinta budesonide bumetanide bumex
    buprenorphine bupropion buspirone bystolic carbamazepine carbidopa carvedilol cefazolin cefdinir
    ceftriaxone celebrex celecoxib celexa cephalexin cetirizine chantix chlorthalidone cholecalciferol
    cialis cipro ciprofloxacin citalopram clindamycin clonazepam clonidine clopidogrel colchicine coreg
    coumadin cozaar crestor cyclobenzaprine dapagliflozin depakote dexamethasone diazepam diclofenac
    dicyclomine digoxin dilantin diltiazem diphenhydramine dilaudid divalproex donepezil doxycycline
    duloxetine effexor empagliflozin enalapril enoxaparin entresto epinephrine epipen escitalopram
    esomeprazole estradiol eszopiclone ezetimibe famotidine fenofibrate fentanyl ferrous fexofenadine
    finasteride flagyl flexeril flomax flonase fluconazole fluoxetine fluticasone folic fosamax furosemide
    glimepiride glipizide glucophage glyburide haldol haloperidol heparin hydralazine hydrochlorothiazide
    hydrocodone hydromorphone hydroxychloroquine hydroxyzine ibuprofen imitrex invokana ipratropium
    isosorbide januvia jardiance kayexalate keflex keppra ketorolac klonopin labetalol lamictal lamotrigine
    lansoprazole lasix latanoprost letrozole levaquin levemir levetiracetam levofloxacin levothyroxine
    levodopa lexapro linzess lipitor liraglutide lisinopril lithium lopressor loratadine lorazepam losartan
    lovastatin lovenox lyrica meclizine medrol meloxicam memantine metoclopramide metoprolol methadone
    methotrexate methylphenidate methylprednisolone metronidazole mirtazapine mobic montelukast morphine
    motrin mucinex naloxone namenda naproxen narcan neurontin nexium nifedipine nitrofurantoin
    nitroglycerin norco norepinephrine norvasc nystatin olanzapine omeprazole ondansetron oxybutynin
    oxycodone oxycontin pantoprazole paroxetine paxil penicillin pepcid percocet phenergan phenytoin
    pioglitazone plavix plaquenil potassium pradaxa pravastatin prednisone pregabalin premarin prilosec
    pristiq promethazine propranolol protonix prozac quetiapine ramipril ranitidine rexulti risperdal
    risperidone rivaroxaban robitussin rosuvastatin semaglutide senna seroquel sertraline sildenafil
    simvastatin singulair sitagliptin spiriva spironolactone sudafed sumatriptan symbicort synthroid
    synvisc tamoxifen tamsulosin tegretol temazepam terbinafine tizanidine topamax topiramate toradol
    tramadol trazodone triamcinolone trulicity tylenol valacyclovir valium valtrex vancomycin vanc venlafaxine
    ventolin verapamil viagra vicodin vitamin vyvanse warfarin wellbutrin xanax zantac zithromax zocor
    zofran zoloft zolpidem zosyn zyprexa zyrtec prevnar pneumovax shingrix tdap gardasil fluzone comirnaty
    spikevax arexvy dosepak xarelto flonase medrol
    """
)

CONDITION_WORDS = _words(
    """
    abscess adhd aids alcohol allergic alzheimer alzheimer's anemia aneurysm angina anxiety apnea
    appendicitis arrhythmia arthritis asthma atrial autism bipolar bronchitis bursitis cancer carcinoma
    cardiomyopathy cataract cellulitis cholecystitis cirrhosis colitis concussion copd covid cystic
    dementia depression dermatitis diabetes diabetic diverticulitis eczema edema embolism emphysema
    endometriosis epilepsy fibrillation fibromyalgia fracture gerd glaucoma gout hepatitis hernia
    hypertension hyperlipidemia hypothyroidism infection influenza insomnia ischemia leukemia lupus
    lymphoma melanoma migraine myeloma neuropathy obesity osteoarthritis osteoporosis pancreatitis
    pneumonia psoriasis radiculopathy schizophrenia sciatica scoliosis seizure sepsis septic shock sinusitis
    stenosis stroke syncope tendinitis thrombosis tinnitus tumor ulcer vertigo
    oropharynx nasopharynx pharynx larynx trachea thorax abdomen pelvis perineum sternum clavicle scapula
    humerus radius ulna femur tibia fibula patella calcaneus sacrum coccyx cranium mandible maxilla
    normocephalic atraumatic perrla perrl eomi heent cta rrr
    """
)

# Capitalised shorthand of notes and letters (abbreviations, tests, devices, units of care).
SHORTHAND_WORDS = _words(
    """
    a1c abg ace acl adl adls afib aki als ama aox3 ards arb asa bid bipap bmi bmp bnp bun cabg cad cbc cbt
    ccu cdiff chf ckd cmp cns copd cpap crp csf cva cxr dka dnr dnr/dni dni dvt echo eeg egd emg emr ems
    ent esr etoh fhr gcs gerd gfr gi gyn hba1c hcp hdl hgb hiv hpi hr htn ibs icd icu inr iv ivf jvd kub
    ldl lft lfts lmp loc mdd mrsa msk nicu nkda npo nsaid nsaids ob ocd od ot pacu pcp pe pft pfts phq
    picc pmh po pr prbc prn psa ptsd pt/inr pvd qd qhs qid ra rbc rn rom rsv rvr sbp snf sob sq stemi
    std tia tid tka tha tpa tsh uri uti vna vs vte wbc pt pts hx dx tx rx sx fx bx
    """
)

# Nouns that follow an eponym: "Graves disease", "Crohn's disease", "Bell's palsy", "Whipple procedure".
EPONYM_NOUNS = _words(
    """
    disease diseases syndrome syndromes palsy disorder lymphoma sarcoma tumor tumour cyst cysts esophagus
    thyroiditis phenomenon sign test maneuver manoeuvre procedure operation repair fracture score scale
    criteria classification stage staging reflex node nodes ulcer contracture catheter tube stain position
    triad tremor chorea neuralgia neuroma ataxia dystrophy encephalopathy anomaly deformity fundoplication
    protocol method technique formula equation index solution law rule point sheath gland duct kinase
    inhibitor inhibitors receptor antibody agonist antagonist vaccine virus fever flu encephalitis
    """
)

# Eponyms and trade names used alone in notes, without the noun ("Foley draining", "on Holter").
EPONYM_WORDS = _words(
    """
    foley holter doppler pap whipple mohs apgar gleason epley heimlich valsalva trendelenburg
    babinski kernig brudzinski lachman mcmurray phalen tinel romberg glasgow karnofsky
    hickman groshong mediport dexcom omnipod medtronic jackson-pratt swan-ganz
    """
)

CLINICAL_TERMS = DRUG_WORDS | CONDITION_WORDS | SHORTHAND_WORDS | EPONYM_WORDS
