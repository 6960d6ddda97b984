"""Who pays: US health plans, Blues plans, Medicare and Medicaid plan brands, PBMs and utilization-management
vendors, with the names letters use for them.

Plain data. An alias matches as written or in capitals (letterheads shout), on word edges. Aliases are
chosen to be unambiguous on their own: no bare "HIP" (hip surgery), "AIM", "Oscar", "Molina" (a surname),
"Horizon" or "Empire". ``family`` groups a parent with its brands and vendors, so a letter naming
"UnitedHealthcare" and "OptumRx" names one payer.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from graph.denial import PlanKind


class Role(StrEnum):
    plan = "plan"  # the health plan that insures or administers the member's coverage
    pbm = "pbm"  # pharmacy benefit manager acting for a plan
    um_vendor = "um_vendor"  # utilization-management vendor reviewing requests for a plan


@dataclass(frozen=True)
class Payer:
    name: str
    role: Role
    aliases: tuple[str, ...]
    family: str


@dataclass(frozen=True)
class Product:
    """A named plan or product: the member's plan_name, and the payer behind it."""

    name: str
    payer: str
    aliases: tuple[str, ...]
    kind: PlanKind | None = None


def _plan(name: str, *aliases: str, family: str = "") -> Payer:
    return Payer(name, Role.plan, (name, *aliases), family or name)


def _pbm(name: str, *aliases: str, family: str = "") -> Payer:
    return Payer(name, Role.pbm, (name, *aliases), family or name)


def _vendor(name: str, *aliases: str, family: str = "") -> Payer:
    return Payer(name, Role.um_vendor, (name, *aliases), family or name)


PAYERS: tuple[Payer, ...] = (
    # national carriers and their brands
    _plan("UnitedHealthcare", "United Healthcare", "United HealthCare", "UnitedHealthCare", "UHC",
          "United Health Care", family="UnitedHealth"),
    _plan("UMR", family="UnitedHealth"),
    _plan("Oxford Health Plans", "Oxford Health Plan", family="UnitedHealth"),
    _plan("Anthem", "Anthem Blue Cross", "Anthem Blue Cross and Blue Shield", "Anthem Blue Cross Blue Shield",
          "Anthem BlueCross BlueShield", "Anthem Health Plans", "Anthem Insurance Companies",
          family="Elevance"),
    _plan("Elevance Health", family="Elevance"),
    _plan("Empire BlueCross BlueShield", "Empire Blue Cross Blue Shield", "Empire Blue Cross", "Empire BCBS",
          "Empire HealthChoice", family="Elevance"),
    _plan("Wellpoint", "Amerigroup", family="Elevance"),
    _plan("Aetna", "Aetna Life Insurance Company", "Aetna Better Health", family="CVS Health"),
    _plan("Meritain Health", family="CVS Health"),
    _plan("Cigna", "Cigna Healthcare", "CIGNA", "Cigna Health and Life Insurance Company", family="Cigna"),
    _plan("Humana", "Humana Insurance Company", "Humana Health Plan", family="Humana"),
    _plan("Kaiser Permanente", "Kaiser Foundation Health Plan", "Kaiser Health Plan", family="Kaiser"),
    _plan("Centene", "Centene Corporation", family="Centene"),
    _plan("Ambetter", "Ambetter Health", family="Centene"),
    _plan("Health Net", family="Centene"),
    _plan("WellCare", "Wellcare", family="Centene"),
    _plan("Fidelis Care", family="Centene"),
    _plan("Molina Healthcare", family="Molina"),
    _plan("CareSource", family="CareSource"),
    _plan("Oscar Health", "Oscar Insurance", family="Oscar"),
    _plan("Bright HealthCare", "Bright Health", family="Bright"),
    _plan("Devoted Health"),
    _plan("Alignment Health", "Alignment Health Plan"),
    _plan("Clover Health"),
    _plan("SCAN Health Plan"),
    _plan("GEHA", "Government Employees Health Association"),
    _plan("TRICARE", "Tricare"),
    # Blue Cross Blue Shield companies
    _plan("Blue Cross Blue Shield", "Blue Cross and Blue Shield", "BlueCross BlueShield", "BCBS",
          "Blue Cross & Blue Shield"),
    _plan("Blue Cross and Blue Shield of Illinois", "Blue Cross Blue Shield of Illinois", "BCBSIL",
          family="HCSC"),
    _plan("Blue Cross and Blue Shield of Texas", "Blue Cross Blue Shield of Texas", "BCBSTX", family="HCSC"),
    _plan("Health Care Service Corporation", "HCSC", family="HCSC"),
    _plan("Blue Cross Blue Shield of Michigan", "BCBSM", "Blue Care Network"),
    _plan("Blue Cross Blue Shield of Massachusetts", "Blue Cross and Blue Shield of Massachusetts"),
    _plan("Blue Cross and Blue Shield of North Carolina", "Blue Cross NC", "Blue Cross Blue Shield of North "
          "Carolina"),
    _plan("Blue Shield of California"),
    _plan("Florida Blue"),
    _plan("Highmark", "Highmark Blue Cross Blue Shield", "Highmark BCBS", family="Highmark"),
    _plan("Independence Blue Cross", "IBX", family="Independence"),
    _plan("AmeriHealth", "AmeriHealth Caritas", family="Independence"),
    _plan("Horizon Blue Cross Blue Shield of New Jersey", "Horizon BCBSNJ", "Horizon Blue Cross"),
    _plan("CareFirst", "CareFirst BlueCross BlueShield", "CareFirst Blue Cross Blue Shield"),
    _plan("Premera Blue Cross", "Premera"),
    _plan("Regence", "Regence BlueShield", "Regence BlueCross BlueShield"),
    _plan("Wellmark", "Wellmark Blue Cross and Blue Shield"),
    _plan("Excellus BlueCross BlueShield", "Excellus"),
    _plan("Capital Blue Cross"),
    _plan("Blue Cross Blue Shield of Arizona", "BCBSAZ"),
    _plan("BlueCross BlueShield of Tennessee", "Blue Cross Blue Shield of Tennessee"),
    _plan("Blue Cross and Blue Shield of Alabama", "Blue Cross Blue Shield of Alabama"),
    _plan("Blue Cross and Blue Shield of Minnesota", "Blue Cross Blue Shield of Minnesota"),
    _plan("Blue Cross and Blue Shield of Kansas City", "Blue KC"),
    _plan("Arkansas Blue Cross and Blue Shield"),
    _plan("Federal Employee Program", "FEP Blue", "Blue Cross and Blue Shield Service Benefit Plan"),
    # regional and provider-sponsored plans
    _plan("HIP Health Plan of New York", "HIP Health Plan of NY", "HIP of New York",
          "Health Insurance Plan of Greater New York", family="EmblemHealth"),
    _plan("EmblemHealth", "Emblem Health", "GHI", "Group Health Incorporated", family="EmblemHealth"),
    _plan("Healthfirst"),
    _plan("MetroPlus Health", "MetroPlus"),
    _plan("MVP Health Care", "MVP Health Plan"),
    _plan("CDPHP", "Capital District Physicians' Health Plan", "Capital District Physicians’ Health Plan"),
    _plan("Univera Healthcare"),
    _plan("Harvard Pilgrim Health Care", "Harvard Pilgrim", family="Point32Health"),
    _plan("Tufts Health Plan", family="Point32Health"),
    _plan("Point32Health", family="Point32Health"),
    _plan("Geisinger Health Plan"),
    _plan("UPMC Health Plan"),
    _plan("Priority Health"),
    _plan("HealthPartners"),
    _plan("Medica"),
    _plan("Presbyterian Health Plan"),
    _plan("SelectHealth"),
    _plan("Moda Health"),
    _plan("PacificSource", "PacificSource Health Plans"),
    _plan("Providence Health Plan"),
    _plan("Sentara Health Plans", "Optima Health"),
    _plan("L.A. Care Health Plan", "L.A. Care"),
    _plan("Inland Empire Health Plan", "IEHP"),
    _plan("Sharp Health Plan"),
    _plan("Quartz Health Solutions"),
    _plan("Dean Health Plan"),
    _plan("Avera Health Plans"),
    _plan("Security Health Plan"),
    _plan("Neighborhood Health Plan of Rhode Island"),
    _plan("Community Health Plan of Washington"),
    # pharmacy benefit managers
    _pbm("Express Scripts", family="Cigna"),
    _pbm("Evernorth", family="Cigna"),
    _pbm("CVS Caremark", "Caremark", family="CVS Health"),
    _pbm("OptumRx", "Optum Rx", family="UnitedHealth"),
    _pbm("Prime Therapeutics"),
    _pbm("MedImpact", "MedImpact Healthcare Systems"),
    _pbm("Navitus", "Navitus Health Solutions"),
    _pbm("Elixir Rx", "Elixir Solutions"),
    _pbm("Capital Rx"),
    _pbm("Magellan Rx Management", "Magellan Rx", family="Prime Therapeutics"),
    _pbm("CarelonRx", "IngenioRx", family="Elevance"),
    # utilization-management vendors
    _vendor("AIM Specialty Health", "AIM Specialty", family="Elevance"),
    _vendor("Carelon Medical Benefits Management", "Carelon", "Carelon Behavioral Health", family="Elevance"),
    _vendor("eviCore healthcare", "eviCore", "EviCore", "eviCore Healthcare", family="Cigna"),
    _vendor("National Imaging Associates", family="Evolent"),
    _vendor("Evolent", "Evolent Health", "Evolent Specialty Services", family="Evolent"),
    _vendor("Magellan Healthcare", "Magellan Health", "Magellan Behavioral Health"),
    _vendor("HealthHelp"),
    _vendor("Cohere Health"),
    _vendor("TurningPoint Healthcare Solutions", "TurningPoint"),
    _vendor("OrthoNet"),
    _vendor("Optum", "Optum Behavioral Health", family="UnitedHealth"),
    _vendor("Beacon Health Options"),
    _vendor("American Specialty Health"),
    _vendor("Avalon Healthcare Solutions"),
)  # fmt: skip

MA = PlanKind.medicare_advantage
PART_D = PlanKind.medicare_part_d
MEDICAID = PlanKind.medicaid

PRODUCTS: tuple[Product, ...] = (
    Product("HIP Health Plan of New York", "HIP Health Plan of New York",
            ("HIP Health Plan of New York", "HIP Health Plan of NY")),
    Product("Humana Gold Plus", "Humana", ("Humana Gold Plus",), MA),
    Product("Humana Gold Choice", "Humana", ("Humana Gold Choice",), MA),
    Product("Humana Honor", "Humana", ("Humana Honor",), MA),
    Product("Humana Walmart Value Rx Plan", "Humana", ("Humana Walmart Value Rx Plan",), PART_D),
    Product("AARP Medicare Advantage", "UnitedHealthcare", ("AARP Medicare Advantage",), MA),
    Product("AARP Medicare Rx", "UnitedHealthcare", ("AARP Medicare Rx", "AARP MedicareRx"), PART_D),
    Product("UnitedHealthcare Dual Complete", "UnitedHealthcare", ("UnitedHealthcare Dual Complete",), MA),
    Product("UnitedHealthcare Community Plan", "UnitedHealthcare", ("UnitedHealthcare Community Plan",),
            MEDICAID),
    Product("Aetna Better Health", "Aetna", ("Aetna Better Health",), MEDICAID),
    Product("SilverScript", "Aetna", ("SilverScript",), PART_D),
    Product("Anthem MediBlue", "Anthem", ("Anthem MediBlue",), MA),
    Product("Kaiser Permanente Senior Advantage", "Kaiser Permanente", ("Senior Advantage",), MA),
    Product("Wellcare Value Script", "WellCare", ("Wellcare Value Script", "WellCare Value Script"), PART_D),
    Product("Cigna Healthcare Medicare Rx", "Cigna", ("Cigna Healthcare Medicare Rx",), PART_D),
    Product("Oxford Freedom", "Oxford Health Plans", ("Oxford Freedom",)),
    Product("Oxford Liberty", "Oxford Health Plans", ("Oxford Liberty",)),
    Product("Open Access Plus", "Cigna", ("Open Access Plus",)),
    Product("FEP Blue Standard", "Federal Employee Program", ("FEP Blue Standard",)),
    Product("FEP Blue Basic", "Federal Employee Program", ("FEP Blue Basic",)),
    Product("FEP Blue Focus", "Federal Employee Program", ("FEP Blue Focus",)),
    Product("HMO Blue", "Blue Cross Blue Shield of Massachusetts", ("HMO Blue",)),
)  # fmt: skip

PAYER_BY_NAME: dict[str, Payer] = {payer.name: payer for payer in PAYERS}
