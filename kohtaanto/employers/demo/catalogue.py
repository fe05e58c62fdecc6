"""What the demo companies are made of: how many, obviously fictional names, lines of business,
the kinds of work with their occupation, skills and cards, and the demo's business ids."""

import unicodedata
from typing import Any

from stdnum.fi import ytunnus

from kohtaanto.employers.models import ProgrammeRole

COMPANIES = 40
VACANCIES = 40
FIRST_BUSINESS_NUMBER = 2_900_000

SKILL = "http://data.europa.eu/esco/skill/"
OCCUPATION = "http://data.europa.eu/esco/occupation/"
REQUIREMENT = "urn:kohtaanto:requirement:"

# Obviously fictional first words of company names.
NAME_WORDS = [
    "Esimerkki",
    "Kuvitelma",
    "Mallikas",
    "Harjoitus",
    "Keksitty",
    "Tarinan",
    "Leikkilän",
    "Unelma",
    "Satumaan",
    "Demola",
]

# (line of business, TOL 2008 code, work templates that fit it)
BUSINESSES = [
    ("Konepaja", "25620", ["welder", "cnc", "assembly", "quality"]),
    ("Metallirakenne", "25110", ["welder", "assembly", "design"]),
    ("Automaatio", "28990", ["automation", "robot", "design"]),
    ("Sähkö", "27120", ["electrician", "automation"]),
    ("Kemia", "20130", ["chemistry", "maintenance"]),
    ("Venetelakka", "30120", ["boat", "welder"]),
    ("Puutuote", "16230", ["warehouse", "wood"]),
    ("Huonekalu", "31010", ["wood", "quality"]),
    ("Elintarvike", "10510", ["food", "warehouse", "maintenance"]),
    ("Akkumateriaali", "27200", ["battery", "chemistry"]),
    ("Huoltopalvelu", "33120", ["maintenance", "electrician"]),
    ("Puolustustekniikka", "25400", ["defence", "cnc"]),
]

# Title, occupation and skills (uuid, essential, level) of each kind of work, and its cards:
# "requirements" every employer asks (a legal must or the core of the work, e.g. SFS 6002 for
# electrical work, a forklift card for driving one), "sometimes" cards only some ask (every
# other vacancy of the kind): in practice many employers train a new hire for the
# työturvallisuuskortti or tulityökortti in the first weeks rather than require it up front.
WORK: dict[str, dict[str, Any]] = {
    "welder": {
        "title": "Hitsaaja",
        "occupation": "7aedaa07-3884-4c5b-88f9-80997b2aa54b",
        "skills": [
            ("29d762da-1711-4a3c-b424-f0a404f4bf2d", True, 3),
            ("27d26fd6-5795-4f0a-884e-112df7c68314", True, 2),
            ("34016949-da9c-4107-98e3-1080ae405e27", False, None),
            ("f015c5d5-6a1c-4f63-9012-a05f4f34105e", False, 2),
            ("68b6ef08-d823-489d-a95c-752ae6f6e6a7", False, None),
        ],
        "requirements": ["tulityokortti"],
        "sometimes": ["hitsaajan-patevyys-iso-9606-1"],
    },
    "cnc": {
        "title": "CNC-koneistaja",
        "occupation": "5c082067-ea18-4ccb-8c43-e70b18ad8120",
        "skills": [
            ("bf942c60-8539-4951-83ee-63f770da1cb8", True, 3),
            ("4cb58ef4-67a9-4bea-a743-2c83ebd60e79", True, 2),
            ("7a757fa5-9a6f-43ab-9e66-f8f4dba1ffcb", False, None),
            ("c4949dcf-bbcc-40f2-8584-6c6299beb7fb", False, 2),
            ("b07daddc-8625-4360-946e-ad2b0e56ebf6", False, None),
            ("e3688cae-7a28-4405-88b5-6b87179e0d76", False, None),
        ],
        "requirements": [],
        "sometimes": ["tyoturvallisuuskortti"],
    },
    "automation": {
        "title": "Automaatioasentaja",
        "occupation": "5791a961-4717-4230-a245-a4082a675f04",
        "skills": [
            ("f4a6e9f7-5cff-46c0-894c-59c20bb78694", True, 3),
            ("6468e5fb-f3be-4025-87be-4b6556755c61", True, 3),
            ("70a7b3b3-31ef-4b29-a30f-bb7299dff39b", False, 2),
            ("818c2b89-1335-4443-ada7-e1046862e273", False, None),
            ("fe96f581-4905-4282-819c-922c68bda989", False, None),
        ],
        "requirements": ["sfs-6002"],
    },
    "electrician": {
        "title": "Teollisuussähköasentaja",
        "occupation": "4910419f-b4af-4f59-b544-9dbebc8a74f0",
        "skills": [
            ("90d7dc07-3d66-4364-b6ff-c40a1fe1b849", True, 2),
            ("c3d1ada5-1d97-4a23-be2a-9ff39296775b", True, 2),
            ("af1c7b89-679b-4fae-b67c-ed05c669719c", False, None),
        ],
        "requirements": ["sfs-6002"],
        "sometimes": ["tyoturvallisuuskortti"],
    },
    "maintenance": {
        "title": "Kunnossapitoasentaja",
        "occupation": "b31e404e-9af6-457d-a58a-208f612eeba3",
        "skills": [
            ("8a4e99e0-f259-4931-888f-604cfdc15b31", True, 3),
            ("7d913551-e17a-40ba-baf7-48d0c3b12e50", False, 2),
            ("65a3a184-7d11-4db9-9b85-281961d1514b", True, None),
            ("334e3e49-fb02-4051-809a-f06adfdc1c40", False, None),
            ("8efb6150-2c43-4109-b3cd-41c3451698ea", False, None),
        ],
        "requirements": [],
        "sometimes": ["tyoturvallisuuskortti", "tulityokortti"],
    },
    "warehouse": {
        "title": "Varastotyöntekijä",
        "occupation": "cd94def5-3442-4c2e-ae3d-0761a3008bcb",
        "skills": [
            ("ee5e2297-39cc-4ed6-89e5-d58016118a7f", True, 1),
            ("53815c73-d352-4d4d-92cb-fb7020cbd8e6", False, None),
            ("28cb374e-6261-4133-8371-f9a5470145da", True, None),
            ("055ff233-6569-43db-9f95-a4b03dca97da", False, None),
            ("e3211ab2-18b5-49b4-90de-d395f3be2378", False, None),
        ],
        "requirements": ["trukkikortti"],
    },
    "boat": {
        "title": "Veneenrakentaja",
        "occupation": "8afab6c4-6145-4ea1-a0ae-d2c3438bda7e",
        "skills": [
            ("338dc4d9-e833-4084-82cd-7deba192390c", True, 2),
            ("34dcd78b-1a9b-4626-9d65-628cf18f17fe", False, None),
        ],
        "requirements": [],
    },
    "chemistry": {
        "title": "Prosessinhoitaja",
        "occupation": "35bc3847-58ad-46f5-8921-e58acc2762a6",
        "skills": [
            ("74aa00bc-db99-4984-8817-7df2ca954ea1", True, 2),
            ("2416dc09-6384-409e-8b1d-80bb7a2e7369", True, 2),
        ],
        "requirements": ["tyoturvallisuuskortti"],
        "sometimes": ["ea1"],
    },
    "food": {
        "title": "Elintarviketyöntekijä",
        "occupation": "e3dc66de-99c7-4607-a82b-7244036d316d",
        "skills": [
            ("791fa659-3382-49f8-a8dd-505226d0da48", True, 2),
            ("31266e8e-673b-4e39-91c9-d4774838c152", False, None),
            ("3f4e4eab-a8e0-4aed-b8bb-79afe7c890e3", True, None),
        ],
        "requirements": ["hygieniapassi"],
    },
    "wood": {
        "title": "Puuseppä",
        "occupation": "e1416610-ad08-4f37-8b46-9f99632a5c0f",
        "skills": [
            ("c3c3b550-f95e-4f1c-bdf3-ad1465e7b2ab", True, 2),
            ("88ea614f-7e96-48fd-bf0b-96bf00bdb098", False, None),
            ("a88c4bdc-73f8-437d-b268-02cb813a99ca", True, 2),
        ],
        "requirements": [],
    },
    "quality": {
        "title": "Laatuinsinööri",
        "occupation": "30c0943c-caa1-411d-b273-26f475971273",
        "skills": [
            ("0550431f-9c8b-4204-9c45-59bc5feacf06", True, 3),
            ("55514865-3066-4abd-86a9-dbe45a440882", True, 2),
            ("c7cc6dc5-d56b-4323-8e5c-47c4022f615f", False, None),
            ("8d4271ca-c9fd-40b3-875f-15f78332a49e", False, None),
        ],
        "requirements": [],
    },
    "design": {
        "title": "Mekaniikkasuunnittelija",
        "occupation": "38240cc5-d1d9-4de9-9480-29c51da291eb",
        "skills": [
            ("b34e2ba1-9080-48c9-9b42-ee9192a4d3f1", True, 3),
            ("97965983-0da4-4902-9daf-d5cd2693ef73", True, 3),
            ("dfce2aba-783e-4e17-9c17-e74aca505ec2", False, None),
        ],
        "requirements": [],
    },
    "robot": {
        "title": "Robottioperaattori",
        "occupation": "5001506f-dd7d-4801-92ac-6f7e93b45133",
        "skills": [
            ("e975b791-b488-4935-be44-06f2f9a443bb", True, 2),
            ("e87ec79a-c9ff-46f5-84fa-7a0f394cdf40", False, None),
            ("0f5374e3-0b9b-4b16-af7a-49654ce0bb15", False, None),
        ],
        "requirements": [],
        "sometimes": ["tyoturvallisuuskortti"],
    },
    "battery": {
        "title": "Akkukokoonpanija",
        "occupation": "718bba63-75b7-4b3a-9912-e201b729fe4c",
        "skills": [
            ("42f92768-cc76-488d-a721-e90c59ccaade", True, 2),
            ("ad329eb4-463d-40ac-bf03-60e00538bb49", False, None),
        ],
        "requirements": [],
        "sometimes": ["tyoturvallisuuskortti"],
    },
    "assembly": {
        "title": "Kokoonpanija",
        "occupation": "be0e6189-46a5-4b90-8622-2d1988efba1a",
        "skills": [
            ("87a0c0e6-c114-4ea1-b2d0-933bce1f3c5f", True, 2),
            ("2feeef46-05cf-445c-9ca1-c96a30e10106", True, None),
            ("7cd6de25-f691-4aac-81a2-a9d09b004b38", False, None),
            ("e3211ab2-18b5-49b4-90de-d395f3be2378", False, None),
            ("60c78287-22eb-4103-9c8c-28deaa460da0", False, None),
        ],
        "requirements": [],
        "sometimes": ["tyoturvallisuuskortti"],
    },
    "defence": {
        "title": "Ammusten kokoonpanija",
        "occupation": "183d60f2-277f-47c8-a8c6-f5c8eedba2b0",
        "skills": [("e6c20084-4b2a-4583-a983-9988fa084bba", True, 2)],
        # Defence work: security clearance and citizenship are hard requirements.
        "requirements": ["turvallisuusselvitys-perusmuotoinen", "kansalaisuus-suomi"],
    },
}

FIRST_NAMES = ["Aino", "Eero", "Helmi", "Ilkka", "Johanna", "Kari", "Leena", "Markku", "Niina"]
LAST_NAMES = ["Esimerkkinen", "Mallinen", "Testinen", "Kuvitteellinen", "Demonen", "Keksinen"]
JOB_TITLES = ["toimitusjohtaja", "tuotantopäällikkö", "henkilöstöpäällikkö", "työnjohtaja"]
ACTIVITY_SUBJECTS = [
    (
        "visit",
        "Tuotannon ja rekrytointitarpeiden läpikäynti",
        "Lähetetään kartoitus.",
    ),
    ("call", "Puhelu rekrytoinnista", "Tarjotaan hakijoita ensi viikolla."),
    ("meeting", "Tapaaminen koulutustarpeista", "Selvitetään TäsmäKoulutuksen mahdollisuus."),
    ("event", "Teollisuus 4.0 -aamupäivä", "Yritys kiinnostui pilotoinnista."),
]
ROLE_CYCLE = [
    [ProgrammeRole.PILOT_COMPANY],
    [ProgrammeRole.DEVELOPMENT_PARTNER],
    [ProgrammeRole.PILOT_COMPANY, ProgrammeRole.DEVELOPMENT_PARTNER],
    [ProgrammeRole.EQUIPMENT_SUPPLIER],
    [ProgrammeRole.EXPERT_SERVICE_PROVIDER],
]


def demo_business_id(n: int) -> str:
    """The n-th valid business id of the demo range 29xxxxx (about one number in eleven
    has no valid check digit; those are skipped)."""
    number = FIRST_BUSINESS_NUMBER + n * 7
    while True:
        for check in range(10):
            candidate = f"{number:07d}-{check}"
            if ytunnus.is_valid(candidate):
                return candidate
        number += 1


def ascii_name(text: str) -> str:
    """A name as lower-case ASCII for made-up e-mail addresses: "Björk" → "bjork"."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
