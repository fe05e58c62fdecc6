"""Rank the ESCO skills the region's kind of work needs that the shipped vocabulary lacks.

    python bench/vocabulary_candidates.py [--esco PATH] [--top N] [--own-occupations]

How the vocabulary's growth is chosen (kohtaanto/taxonomy/vocabulary/README.md): every
occupation→skill relation of the ESCO occupations in the industrial, technical, logistics and
maintenance ISCO groups (ISCO_PREFIXES) is weighted — essential 1, optional 0.4 — and summed
per skill. The skills already in `skills.csv` (or evidenced by a card in `requirements.csv`)
are left out; the rest are printed best first with their weight, the number of occupations that
name them, skill type and reuse level (`--own-occupations` weighs over the vocabulary's own
occupations in `occupations.csv` instead of the ISCO groups). A second list gives the skills
ESCO marks as *transversal* and files under a transversal group (codes T…, without the
languages of T1.1 and L…): ESCO links them to almost no occupation, so they are listed by group
for a reader to pick those that ads of any industry ask for. Nothing is chosen here: a person
reads the lists and keeps what an industrial job ad or CV in Finland would name (the
benchmark's texts are not read).
"""

import argparse
import csv
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from matching_data import esco_dir

ROOT = Path(__file__).resolve().parent.parent
VOCABULARY = ROOT / "kohtaanto" / "taxonomy" / "vocabulary"
# ISCO-08 groups, matched as code prefixes: craft and related trades (7), plant and machine
# operators and assemblers incl. drivers and mobile plant (8, 83), labourers in mining,
# construction, manufacturing and transport (93), science and engineering associate
# professionals (31), ICT technicians (35, 351), engineers (214, 215), software developers
# (251), stock and production clerks (432, 43).
ISCO_PREFIXES = ("7", "8", "93", "31", "35", "214", "215", "251", "311", "313", "315", "351")
ISCO_PREFIXES += ("432", "43")
WEIGHT = {"essential": 1.0, "optional": 0.4}


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def known_uris() -> set[str]:
    """ESCO skill URIs the vocabulary already holds (skills and the cards' evidenced skills)."""
    uris = {row["uri"] for row in _read(VOCABULARY / "skills.csv")}
    uris |= {row["esco_uri"] for row in _read(VOCABULARY / "requirements.csv") if row["esco_uri"]}
    return uris


def transversal(folder: Path) -> dict[str, str]:
    """Transversal skill URI → code of its transversal skill group (languages left out)."""
    codes = {row["conceptUri"]: row["code"] for row in _read(folder / "skillGroups_en.csv")}
    found: dict[str, str] = {}
    for row in _read(folder / "broaderRelationsSkillPillar.csv"):
        code = codes.get(row["broaderUri"], "")
        if code.startswith("T") and not code.startswith("T1.1"):
            found[row["conceptUri"]] = code
    return found


def rank(folder: Path, prefixes: tuple[str, ...] | None) -> dict[str, tuple[float, int]]:
    """Skill URI → (summed weight, occupations) over occupations of the ISCO code prefixes.

    `prefixes=None` takes the vocabulary's own occupations (`occupations.csv`) instead.
    """
    if prefixes is None:
        chosen = {row["uri"] for row in _read(VOCABULARY / "occupations.csv")}
    else:
        chosen = {
            row["conceptUri"]
            for row in _read(folder / "occupations_en.csv")
            if row["iscoGroup"].startswith(prefixes)
        }
    weight: dict[str, float] = defaultdict(float)
    count: dict[str, int] = defaultdict(int)
    for row in _read(folder / "occupationSkillRelations.csv"):
        if row["occupationUri"] in chosen:
            weight[row["skillUri"]] += WEIGHT.get(row["relationType"], 0.0)
            count[row["skillUri"]] += 1
    return {uri: (weight[uri], count[uri]) for uri in weight}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--esco")
    ap.add_argument("--top", type=int, default=600, help="industrial candidates to print")
    ap.add_argument(
        "--own-occupations",
        action="store_true",
        help="weigh over the vocabulary's occupations instead of the ISCO groups",
    )
    args = ap.parse_args()
    folder = esco_dir(args.esco)
    skills = {row["conceptUri"]: row for row in _read(folder / "skills_en.csv")}
    known = known_uris()

    ranked = rank(folder, None if args.own_occupations else ISCO_PREFIXES)
    rows = [(w, n, uri) for uri, (w, n) in ranked.items() if uri not in known and uri in skills]
    rows.sort(key=lambda r: (-r[0], skills[r[2]]["preferredLabel"]))
    over = (
        "the vocabulary's occupations"
        if args.own_occupations
        else "ISCO " + ", ".join(ISCO_PREFIXES)
    )
    print(f"# {over}: rank, weight, occupations, type, reuse level, label, uri")
    for i, (w, n, uri) in enumerate(rows[: args.top], 1):
        s = skills[uri]
        kind = "knowledge" if s["skillType"] == "knowledge" else "skill"
        print(
            f"{i:4d} {w:7.1f} {n:4d} {kind:9s} {s['reuseLevel']:17s} {s['preferredLabel']}  {uri}"
        )
    print("\n# transversal skills not in the vocabulary: group code, label, uri")
    groups = transversal(folder)
    left = [
        (code, skills[uri]["preferredLabel"], uri)
        for uri, code in groups.items()
        if uri in skills and uri not in known
    ]
    for code, label, uri in sorted(left):
        print(f"{code:8s} {label}  {uri}")


if __name__ == "__main__":
    main()
