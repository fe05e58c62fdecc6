"""Data tests for the shipped fi/sv/en vocabulary in `kohtaanto/taxonomy/vocabulary/`.

They read the CSV files only (no database). The ESCO cross-check runs when the ESCO CSV
download is available: `../shared/data/esco-en` next to the repository, or the folder named
by the environment variable KOHTAANTO_ESCO_DIR.
"""

import csv
import os
import re
from collections import defaultdict
from pathlib import Path

import pytest

from kohtaanto.taxonomy.models import RequirementKind

VOCABULARY_DIR = Path(__file__).resolve().parents[1] / "vocabulary"
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
LANGUAGES = ("fi", "sv", "en")
UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
SKILL_URI = re.compile(rf"^http://data\.europa\.eu/esco/skill/{UUID}$")
OCCUPATION_URI = re.compile(rf"^http://data\.europa\.eu/esco/occupation/{UUID}$")
REQUIREMENT_URI = re.compile(r"^urn:kohtaanto:requirement:[a-z0-9]+(-[a-z0-9]+)*$")
DOMAIN = re.compile(r"^[a-z][a-z0-9_]*$")
REQUIREMENT = "urn:kohtaanto:requirement:"

# The requirement concepts the taxonomy issue names, with the validity each must carry
# (None = does not expire). Sources and reasoning are in vocabulary/README.md.
REQUIRED_REQUIREMENTS = {
    "tulityokortti": 60,
    "tyoturvallisuuskortti": 60,
    "ea1": 36,
    "ea2": 36,
    "trukkikortti": None,
    "sfs-6002": 60,
    "hitsaajan-patevyys-iso-9606-1": 24,
    "hygieniapassi": None,
    "ajokortti-b": None,
    "ajokortti-c": None,
    "ajokortti-ce": None,
    "ajokortti-d": None,
    "turvallisuusselvitys-perusmuotoinen": 60,
    "turvallisuusselvitys-laaja": 60,
    "kansalaisuus-suomi": None,
    "kansalaisuus-eu": None,
    "adr-ajolupa": 60,
    "kuljettajan-ammattipatevyys": 60,
    "henkilonostinkortti": 60,
}


def _read(name: str) -> tuple[list[str], list[dict[str, str]]]:
    with (VOCABULARY_DIR / name).open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def _alts(value: str) -> list[str]:
    return value.split("|") if value else []


SKILLS = _read("skills.csv")[1]
OCCUPATIONS = _read("occupations.csv")[1]
REQUIREMENTS = _read("requirements.csv")[1]
ALL_CONCEPTS = SKILLS + OCCUPATIONS + REQUIREMENTS


def _esco_dir() -> Path:
    configured = os.environ.get("KOHTAANTO_ESCO_DIR")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[3] / "../shared/data/esco-en"


@pytest.fixture(scope="module")
def esco() -> dict[str, dict[str, dict[str, str]]]:
    """ESCO skills and occupations by URI: {"skills": {uri: row}, "occupations": {...}}."""
    folder = _esco_dir()
    if not (folder / "skills_en.csv").is_file() or not (folder / "occupations_en.csv").is_file():
        pytest.skip(
            f"ESCO CSV download not found in {folder.resolve()}; set KOHTAANTO_ESCO_DIR "
            "to the folder holding skills_en.csv and occupations_en.csv to check the URIs"
        )
    found: dict[str, dict[str, dict[str, str]]] = {}
    for key, filename in (("skills", "skills_en.csv"), ("occupations", "occupations_en.csv")):
        with (folder / filename).open(encoding="utf-8", newline="") as fh:
            found[key] = {row["conceptUri"]: row for row in csv.DictReader(fh)}
    return found


@pytest.mark.parametrize(
    ("filename", "header"),
    [
        ("skills.csv", CONCEPT_HEADER),
        ("occupations.csv", CONCEPT_HEADER),
        ("requirements.csv", REQUIREMENT_HEADER),
    ],
)
def test_vocabulary_file_parses_with_the_documented_header(
    filename: str, header: list[str]
) -> None:
    fieldnames, rows = _read(filename)

    assert fieldnames == header
    assert rows
    assert all(None not in row and len(row) == len(header) for row in rows), (
        f"{filename} has rows with a wrong number of cells"
    )


def test_vocabulary_has_at_least_400_skills_and_80_occupations() -> None:
    assert len(SKILLS) >= 400
    assert len(OCCUPATIONS) >= 80


def test_concept_types_match_their_file() -> None:
    assert {row["type"] for row in SKILLS} == {"skill", "knowledge"}
    assert {row["type"] for row in OCCUPATIONS} == {"occupation"}


def test_every_concept_has_a_browsable_domain() -> None:
    bad = [row["uri"] for row in SKILLS + OCCUPATIONS if not DOMAIN.match(row["domain"])]

    assert bad == []


@pytest.mark.parametrize(("rows", "pattern"), [(SKILLS, SKILL_URI), (OCCUPATIONS, OCCUPATION_URI)])
def test_esco_uris_are_well_formed(rows: list[dict[str, str]], pattern: re.Pattern[str]) -> None:
    bad = [row["uri"] for row in rows if not pattern.match(row["uri"])]

    assert bad == []


def test_requirement_uris_are_well_formed_kohtaanto_urns() -> None:
    bad = [row["uri"] for row in REQUIREMENTS if not REQUIREMENT_URI.match(row["uri"])]

    assert bad == []


def test_no_uri_appears_twice() -> None:
    seen: dict[str, int] = defaultdict(int)
    for row in ALL_CONCEPTS:
        seen[row["uri"]] += 1

    assert [uri for uri, count in seen.items() if count > 1] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_concept_has_a_preferred_label(lang: str) -> None:
    missing = [row["uri"] for row in ALL_CONCEPTS if not row[lang].strip()]

    assert missing == []


def test_labels_are_trimmed_and_alternatives_are_not_repeated() -> None:
    problems = []
    for row in ALL_CONCEPTS:
        for lang in LANGUAGES:
            labels = [row[lang], *_alts(row[f"{lang}_alt"])]
            if any(not label or label != label.strip() for label in labels):
                problems.append((row["uri"], lang, "empty or untrimmed label"))
            folded = [label.casefold() for label in labels]
            if len(folded) != len(set(folded)):
                problems.append((row["uri"], lang, "label repeated within the concept"))

    assert problems == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_label_belongs_to_two_concepts_in_the_same_language(lang: str) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for row in ALL_CONCEPTS:
        for label in [row[lang], *_alts(row[f"{lang}_alt"])]:
            owners[label.casefold()].add(row["uri"])

    shared = {label: sorted(uris) for label, uris in owners.items() if len(uris) > 1}

    assert shared == {}


@pytest.mark.parametrize("rows", [SKILLS, OCCUPATIONS], ids=["skills", "occupations"])
def test_rows_are_sorted_by_domain_then_finnish_label(rows: list[dict[str, str]]) -> None:
    keys = [(row["domain"], row["fi"].casefold()) for row in rows]

    assert keys == sorted(keys)


def test_requirements_named_in_the_issue_are_present_with_their_validity() -> None:
    validity = {
        row["uri"].removeprefix(REQUIREMENT): (
            int(row["validity_months"]) if row["validity_months"] else None
        )
        for row in REQUIREMENTS
    }

    assert {slug: validity.get(slug, "missing") for slug in REQUIRED_REQUIREMENTS} == (
        REQUIRED_REQUIREMENTS
    )


def test_requirement_kinds_and_validity_periods_are_valid() -> None:
    kinds = set(RequirementKind.values)
    bad = [
        row["uri"]
        for row in REQUIREMENTS
        if row["kind"] not in kinds
        or (row["validity_months"] and not (row["validity_months"].isdigit()))
        or row["validity_months"] == "0"
    ]

    assert bad == []


def test_requirement_esco_links_point_to_skills_in_the_vocabulary() -> None:
    skill_uris = {row["uri"] for row in SKILLS}
    linked = [row for row in REQUIREMENTS if row["esco_uri"]]

    assert linked, "no requirement is linked to the ESCO skill it certifies"
    assert [row["uri"] for row in linked if row["esco_uri"] not in skill_uris] == []


def test_every_uri_exists_in_esco_with_the_same_type_and_english_label(
    esco: dict[str, dict[str, dict[str, str]]],
) -> None:
    skill_type = {"skill/competence": "skill", "knowledge": "knowledge"}
    problems = []
    for row in SKILLS:
        found = esco["skills"].get(row["uri"])
        if found is None:
            problems.append((row["uri"], "not an ESCO skill"))
        elif skill_type.get(found["skillType"]) != row["type"]:
            problems.append((row["uri"], f"ESCO skillType is {found['skillType']!r}"))
        elif found["preferredLabel"].strip() != row["en"]:
            problems.append((row["uri"], f"ESCO label is {found['preferredLabel']!r}"))
    for row in OCCUPATIONS:
        found = esco["occupations"].get(row["uri"])
        if found is None:
            problems.append((row["uri"], "not an ESCO occupation"))
        elif found["preferredLabel"].strip() != row["en"]:
            problems.append((row["uri"], f"ESCO label is {found['preferredLabel']!r}"))
    for row in REQUIREMENTS:
        if row["esco_uri"] and row["esco_uri"] not in esco["skills"]:
            problems.append((row["uri"], "esco_uri is not an ESCO skill"))

    assert problems == []
