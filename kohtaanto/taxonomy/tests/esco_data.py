"""Small ESCO-shaped download folders for tests (the layout of the official CSV export)."""

import csv
from pathlib import Path

ESCO = "http://data.europa.eu/esco"
WELD = f"{ESCO}/skill/s-weld"
WELD_TECH = f"{ESCO}/skill/s-weld-tech"
FORKLIFT = f"{ESCO}/skill/s-forklift"
CNC = f"{ESCO}/skill/s-cnc"
WELDER = f"{ESCO}/occupation/o-welder"
MACHINIST = f"{ESCO}/occupation/o-machinist"
GROUP_ROOT = f"{ESCO}/skill/g-root"
GROUP_METAL = f"{ESCO}/skill/g-metal"
GROUP_HIERARCHY_ONLY = f"{ESCO}/skill/g-joining"
ISCO_7, ISCO_72 = f"{ESCO}/isco/C7", f"{ESCO}/isco/C72"
ISCO_7212, ISCO_7223 = f"{ESCO}/isco/C7212", f"{ESCO}/isco/C7223"

LABELS = {
    "en": {
        WELD: ("use welding equipment", "welding\noperate welding equipment", ""),
        WELD_TECH: ("welding techniques", "welding methods", ""),
        FORKLIFT: ("operate forklift", "drive forklift", "forklift driving"),
        CNC: ("program a CNC controller", "CNC programming", ""),
        WELDER: ("welder", "welding operative\nmetal welder", ""),
        MACHINIST: ("metal machinist", "machinist\nCNC machinist", ""),
        GROUP_ROOT: ("skills", "", ""),
        GROUP_METAL: ("metal working", "", ""),
        ISCO_7: ("Craft and related trades workers", "", ""),
        ISCO_72: ("Metal, machinery and related trades workers", "", ""),
        ISCO_7212: ("Welders and flamecutters", "", ""),
        ISCO_7223: ("Metal working machine tool setters and operators", "", ""),
    },
    "fi": {
        WELD: ("käyttää hitsauslaitteita", "hitsaus", ""),
        WELD_TECH: ("hitsaustekniikat", "hitsausmenetelmät", ""),
        FORKLIFT: ("ajaa trukkia", "trukinkuljetus", ""),
        CNC: ("ohjelmoida CNC-ohjainta", "", ""),
        WELDER: ("hitsaaja", "hitsari", ""),
        MACHINIST: ("koneistaja", "CNC-koneistaja\nsorvari", ""),
        GROUP_ROOT: ("taidot", "", ""),
        GROUP_METAL: ("metallityö", "", ""),
        ISCO_7: ("Rakennus-, korjaus- ja valmistustyöntekijät", "", ""),
        ISCO_72: ("Konepaja- ja valimotyöntekijät", "", ""),
        ISCO_7212: ("Hitsaajat ja kaasuleikkaajat", "", ""),
        ISCO_7223: ("Koneistajat", "", ""),
    },
}


def esco_rows(lang: str = "en") -> dict[str, list[dict[str, str]]]:
    """Every file of one language pack as rows; tests change rows before `write_esco`."""
    labels = LABELS[lang]

    def names(uri: str) -> dict[str, str]:
        pref, alt, hidden = labels[uri]
        return {"preferredLabel": pref, "altLabels": alt, "hiddenLabels": hidden}

    def skill(uri: str, skill_type: str, reuse: str) -> dict[str, str]:
        return {
            "conceptType": "KnowledgeSkillCompetence",
            "conceptUri": uri,
            "skillType": skill_type,
            "reuseLevel": reuse,
            **names(uri),
            "status": "released",
            "modifiedDate": "2023-01-01T00:00:00Z",
            "scopeNote": "",
            "definition": "",
            "inScheme": f"{ESCO}/concept-scheme/skills,\n{ESCO}/concept-scheme/member-skills",
            "description": f"Description of {labels[uri][0]} ({lang}).",
        }

    def occupation(uri: str, isco: str, code: str) -> dict[str, str]:
        return {
            "conceptType": "Occupation",
            "conceptUri": uri,
            "iscoGroup": isco,
            **names(uri),
            "status": "released",
            "modifiedDate": "",
            "regulatedProfessionNote": "",
            "scopeNote": "",
            "definition": "",
            "inScheme": "",
            "description": f"Description of {labels[uri][0]} ({lang}).",
            "code": code,
        }

    def isco(uri: str, code: str) -> dict[str, str]:
        pref, alt, _ = labels[uri]
        return {
            "conceptType": "ISCOGroup",
            "conceptUri": uri,
            "code": code,
            "preferredLabel": pref,
            "status": "released",
            "altLabels": alt,
            "inScheme": "",
            "description": "",
        }

    def group(uri: str, code: str) -> dict[str, str]:
        return {
            "conceptType": "SkillGroup",
            "conceptUri": uri,
            **names(uri),
            "status": "released",
            "modifiedDate": "",
            "scopeNote": "",
            "inScheme": "",
            "description": "",
            "code": code,
        }

    hierarchy_only = {"en": "joining metals", "fi": "metallien liittäminen"}[lang]
    return {
        f"skills_{lang}.csv": [
            skill(WELD, "skill/competence", "sector-specific"),
            skill(WELD_TECH, "knowledge", "sector-specific"),
            skill(FORKLIFT, "skill/competence", "cross-sector"),
            skill(CNC, "skill/competence", "occupation-specific"),
        ],
        f"occupations_{lang}.csv": [
            occupation(WELDER, "7212", "7212.1"),
            occupation(MACHINIST, "7223", "7223.3"),
        ],
        f"ISCOGroups_{lang}.csv": [
            isco(ISCO_7, "7"),
            isco(ISCO_72, "72"),
            isco(ISCO_7212, "7212"),
            isco(ISCO_7223, "7223"),
        ],
        f"skillGroups_{lang}.csv": [group(GROUP_ROOT, "S"), group(GROUP_METAL, "S6")],
        f"skillsHierarchy_{lang}.csv": [
            {
                "Level 0 URI": GROUP_ROOT,
                "Level 0 preferred term": labels[GROUP_ROOT][0],
                "Level 1 URI": GROUP_METAL,
                "Level 1 preferred term": labels[GROUP_METAL][0],
                "Level 2 URI": GROUP_HIERARCHY_ONLY,
                "Level 2 preferred term": hierarchy_only,
                "Level 3 URI": "",
                "Level 3 preferred term": "",
                "Description": "",
                "Scope note": "",
                "Level 0 code": "S",
                "Level 1 code": "S6",
                "Level 2 code": "S6.8",
                "Level 3 code": "",
            }
        ],
        "occupationSkillRelations.csv": [
            _occ_skill(WELDER, "essential", WELD),
            _occ_skill(WELDER, "essential", WELD_TECH),
            _occ_skill(WELDER, "optional", FORKLIFT),
            _occ_skill(MACHINIST, "essential", CNC),
            _occ_skill(MACHINIST, "optional", WELD),
        ],
        "skillSkillRelations.csv": [
            {
                "originalSkillUri": WELD_TECH,
                "originalSkillType": "knowledge",
                "relationType": "optional",
                "relatedSkillType": "skill/competence",
                "relatedSkillUri": WELD,
            }
        ],
        "broaderRelationsSkillPillar.csv": [
            _broader("KnowledgeSkillCompetence", WELD, "SkillGroup", GROUP_HIERARCHY_ONLY),
            _broader("KnowledgeSkillCompetence", CNC, "SkillGroup", GROUP_METAL),
            _broader("SkillGroup", GROUP_METAL, "SkillGroup", GROUP_ROOT),
        ],
        "broaderRelationsOccPillar.csv": [
            _broader("ISCOGroup", ISCO_72, "ISCOGroup", ISCO_7),
            _broader("ISCOGroup", ISCO_7212, "ISCOGroup", ISCO_72),
            _broader("ISCOGroup", ISCO_7223, "ISCOGroup", ISCO_72),
            _broader("Occupation", WELDER, "ISCOGroup", ISCO_7212),
            _broader("Occupation", MACHINIST, "ISCOGroup", ISCO_7223),
        ],
    }


def _occ_skill(occupation: str, relation: str, skill: str) -> dict[str, str]:
    return {
        "occupationUri": occupation,
        "relationType": relation,
        "skillType": "skill/competence",
        "skillUri": skill,
    }


def _broader(concept_type: str, uri: str, broader_type: str, broader: str) -> dict[str, str]:
    return {
        "conceptType": concept_type,
        "conceptUri": uri,
        "broaderType": broader_type,
        "broaderUri": broader,
    }


def write_esco(folder: Path, files: dict[str, list[dict[str, str]]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in files.items():
        with (folder / name).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    return folder


# Expected counts of the English pack above.
CONCEPTS = {"skill": 3, "knowledge": 1, "occupation": 2, "skill_group": 3, "isco_group": 4}
RELATIONS = {
    "occ_essential": 3,
    "occ_optional": 2,
    "skill_optional": 1,
    # 3 skill pillar + 5 occupation pillar + the hierarchy's g-joining → g-metal
    "broader": 9,
}
