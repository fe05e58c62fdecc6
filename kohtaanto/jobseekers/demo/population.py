"""Who the demo people are: their names, identity codes and archetypes (skills, cards, goals)."""

import datetime
import random
from dataclasses import dataclass

from kohtaanto.jobseekers.identity import identity_code_build, identity_code_digest

FIRST_NAMES_FI = {
    "woman": ["Aino", "Sanna", "Minna", "Laura", "Johanna", "Elina", "Kaisa", "Heidi", "Tiina"],
    "man": ["Juha", "Mikko", "Jari", "Timo", "Ville", "Antti", "Janne", "Eero", "Pasi", "Tuomas"],
}
FIRST_NAMES_SV = {
    "woman": ["Anna", "Sofia", "Emma", "Linnea", "Maria"],
    "man": ["Johan", "Erik", "Mattias", "Anders", "Robin"],
}
FIRST_NAMES_OTHER = {
    "woman": ["Amina", "Olena", "Fatima", "Svetlana", "Hodan"],
    "man": ["Ahmed", "Oleksandr", "Dmitri", "Mohamed", "Kristjan"],
}
NEUTRAL_NAMES = ["Alex", "Kim", "Robin", "Sami", "Niki"]
LAST_NAMES = [
    "Kangas",
    "Mäki",
    "Hautala",
    "Niemi",
    "Kentala",
    "Rahkola",
    "Peltokangas",
    "Hietala",
    "Ylikoski",
    "Sillanpää",
    "Kinnunen",
    "Salo",
    "Järvelä",
    "Tast",
    "Lassila",
    "Björk",
    "Sundqvist",
    "Holm",
    "Forsman",
    "Granvik",
]

# Labels as in the shipped vocabulary (Finnish preferred labels).
CARD = {
    "hot_work": "Tulityökortti",
    "safety": "Työturvallisuuskortti",
    "forklift": "Trukkikortti",
    "welder": "Hitsaajan pätevyystodistus SFS-EN ISO 9606-1",
    "electrical": "Sähkötyöturvallisuuskortti SFS 6002",
    "first_aid": "Ensiapukortti EA 1",
    "hygiene": "Hygieniapassi",
    "driving": "Ajokortti B",
}


@dataclass(frozen=True)
class Archetype:
    key: str
    skills: tuple[str, ...]
    cards: tuple[str, ...]
    targets: tuple[str, ...]
    training: str
    weight: int
    # Occupations (vocabulary labels) the person has worked in, and earlier jobs: most of the
    # profile's skills come from them (jobseekers/demo/skills.py).
    worked: tuple[str, ...] = ()
    earlier: tuple[str, ...] = ()


ARCHETYPES = (
    Archetype(
        "welder",
        (
            "hitsaus",
            "MIG-hitsaus",
            "MAG-hitsaus",
            "TIG-hitsaus",
            "railonvalmistus",
            "työpiirustusten lukeminen",
            "hitsien tarkastus",
        ),
        ("hot_work", "safety", "welder"),
        ("levyseppä-hitsaaja",),
        "Hitsauksen RekryKoulutus (KPEDU)",
        12,
        worked=("levyseppä-hitsaaja", "hitsaaja"),
        earlier=("metallituotteiden kokoonpanija", "hiekkapuhaltaja"),
    ),
    Archetype(
        "machinist",
        (
            "CNC-sorvaus",
            "CNC-jyrsintä",
            "CNC-ohjelmointi",
            "tarkkuusmittalaitteiden käyttö",
            "toleranssien tulkinta",
            "konepiirustusten lukeminen",
            "asetustyö",
        ),
        ("safety",),
        ("CNC-koneistaja", "sorvari"),
        "CNC-koneistuksen TäsmäKoulutus (KPEDU)",
        10,
        worked=("CNC-koneistaja", "sorvari", "jyrsijä"),
        earlier=("porakoneen käyttäjä", "tuotantotyöntekijä"),
    ),
    Archetype(
        "warehouse",
        (
            "trukinajo",
            "keräily",
            "varastojärjestelmän käyttö",
            "tavaroiden varastointi",
            "inventointi",
            "lastaus- ja purkutoiminnot",
        ),
        ("forklift", "safety"),
        ("varastotyöntekijä", "trukinkuljettaja"),
        "Logistiikan ja varastotyön koulutus (KPEDU)",
        10,
        worked=("varastotyöntekijä", "trukinkuljettaja", "keräilijä"),
        earlier=("kuorma-autonkuljettaja", "tuotantotyöntekijä"),
    ),
    Archetype(
        "assembly",
        (
            "konekokoonpano",
            "käsityökalujen käyttö",
            "kokoonpanopiirustusten lukeminen",
            "sähkötyökalujen käyttö",
            "osien kiinnitys",
        ),
        ("safety", "first_aid"),
        ("koneasentaja", "metallituotteiden kokoonpanija"),
        "Konepajan kokoonpanotyön koulutus",
        8,
        worked=("koneasentaja", "metallituotteiden kokoonpanija"),
        earlier=("tuotantotyöntekijä", "sähkökokoonpanija"),
    ),
    Archetype(
        "automation",
        (
            "sähköasennus",
            "ohjelmoitavat logiikat",
            "automaatioasennus",
            "sähköpiirustusten lukeminen",
            "vianetsintä",
        ),
        ("electrical", "safety"),
        ("automaatioasentaja", "teollisuussähköasentaja"),
        "Teollisuusautomaation täydennyskoulutus (Centria)",
        6,
        worked=("automaatioasentaja", "teollisuussähköasentaja"),
        earlier=("sähköasentaja", "sähkökokoonpanija"),
    ),
    Archetype(
        "maintenance",
        (
            "hydrauliikan kunnossapito",
            "mekaaninen kunnossapito",
            "vianetsintä",
            "koneiden voitelu",
            "koneiden huolto",
        ),
        ("safety", "hot_work"),
        ("teollisuusmekaanikko",),
        "Kunnossapidon MuutosKoulutus",
        6,
        worked=("teollisuusmekaanikko",),
        earlier=("koneasentaja", "hydrauliikka-asentaja"),
    ),
    Archetype(
        "career_changer_service",
        (
            "asiakaspalvelu",
            "tiimityö",
            "oppimishalu",
            "tarkkuus työssä",
            "työohjeiden noudattaminen",
        ),
        ("hygiene", "first_aid"),
        ("metallituotteiden kokoonpanija", "varastotyöntekijä"),
        "Teollisuuden perustaitojen koulutus",
        5,
        worked=("elintarviketyöntekijä",),
        earlier=("keräilijä",),
    ),
    Archetype(
        "career_changer_office",
        (
            "taulukkolaskenta",
            "toimisto-ohjelmat",
            "tiedonhallinta",
            "laatustandardit",
            "analyyttinen ajattelu",
        ),
        ("driving",),
        ("metallituotteiden laaduntarkastaja",),
        "Laadunvarmistuksen täsmäkoulutus (Centria)",
        3,
        worked=("ostaja",),
        earlier=("logistiikka-analyytikko",),
    ),
)
FOREIGN_LANGUAGES = ("ar", "ru", "uk", "so", "et")


def person_name(rng: random.Random, gender: str, language: str) -> tuple[str, str]:
    if gender == "non_binary":
        first = rng.choice(NEUTRAL_NAMES)
    elif language == "sv":
        first = rng.choice(FIRST_NAMES_SV[gender])
    elif language == "other":
        first = rng.choice(FIRST_NAMES_OTHER[gender])
    else:
        first = rng.choice(FIRST_NAMES_FI[gender])
    return first, rng.choice(LAST_NAMES)


def demo_identity_code(rng: random.Random, birth: datetime.date, used: set[str]) -> str:
    while True:
        code = identity_code_build(birth, rng.randrange(900, 1000))
        digest = identity_code_digest(code)
        if digest not in used:
            used.add(digest)
            return code
