"""Small shipped-vocabulary folders for tests (the format of kohtaanto/taxonomy/vocabulary/)."""

import csv
from pathlib import Path

from kohtaanto.taxonomy.tests.esco_data import MACHINIST, WELD, WELDER

CONCEPT_HEADER = ["uri", "type", "domain", "fi", "fi_alt", "sv", "sv_alt", "en", "en_alt"]
REQUIREMENT_HEADER = [
    "uri",
    "kind",
    "validity_months",
    "fi",
    "fi_alt",
    "sv",
    "sv_alt",
    "en",
    "en_alt",
    "esco_uri",
]
HOT_WORK = "urn:kohtaanto:requirement:tulityokortti"
FORKLIFT_CARD = "urn:kohtaanto:requirement:trukkikortti"
CLEARANCE = "urn:kohtaanto:requirement:turvallisuusselvitys"
PLC = "urn:kohtaanto:skill:plc-ohjelmointi"


def vocabulary_rows() -> dict[str, list[list[str]]]:
    return {
        "skills.csv": [
            list(CONCEPT_HEADER),
            [
                WELD,
                "skill",
                "hitsaus",
                "hitsaus",
                "hitsata|MIG-hitsaus|TIG-hitsaus",
                "svetsning",
                "svetsa",
                "welding",
                "weld metal",
            ],
            [
                PLC,
                "skill",
                "automaatio",
                "PLC-ohjelmointi",
                "logiikkaohjelmointi",
                "PLC-programmering",
                "",
                "PLC programming",
                "",
            ],
        ],
        "occupations.csv": [
            list(CONCEPT_HEADER),
            [
                WELDER,
                "occupation",
                "hitsaus",
                "hitsaaja",
                "hitsari|levyseppä-hitsaaja",
                "svetsare",
                "",
                "welder",
                "",
            ],
            [
                MACHINIST,
                "occupation",
                "koneistus",
                "koneistaja",
                "CNC-koneistaja|sorvari",
                "maskinarbetare",
                "",
                "machinist",
                "",
            ],
        ],
        "requirements.csv": [
            list(REQUIREMENT_HEADER),
            [
                HOT_WORK,
                "card",
                "60",
                "tulityökortti",
                "tulityölupa|tulityöt",
                "heta arbeten-kort",
                "",
                "hot work licence",
                "hot work card",
                "",
            ],
            [
                FORKLIFT_CARD,
                "card",
                "",
                "trukkikortti",
                "trukkilupa",
                "truckkort",
                "",
                "forklift licence",
                "",
                "",
            ],
            [
                CLEARANCE,
                "clearance",
                "",
                "turvallisuusselvitys",
                "",
                "säkerhetsutredning",
                "",
                "security clearance",
                "",
                "",
            ],
        ],
    }


def write_vocabulary(folder: Path, files: dict[str, list[list[str]]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in files.items():
        with (folder / name).open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)
    return folder
