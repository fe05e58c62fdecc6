"""Write the demo's occupation→skill links: `kohtaanto/taxonomy/vocabulary/occupation_skills.csv`.

    python bench/matching_occupation_skills.py [--esco PATH]

Career moves (matching.selectors.occupations_for_job_seeker) need each occupation's essential
skills. ESCO's full occupation profiles arrive only with `kohtaanto import-esco`; for a bare
install and the demo, Kohtaanto ships the links between the occupations and the skills of its
own vocabulary (kohtaanto/taxonomy/vocabulary/): every ESCO v1.1.1 occupation→skill relation
(essential or optional) whose both ends are in the shipped vocabulary, for occupations that
keep at least MIN_ESSENTIAL essential skills that way. No ESCO file is copied: the output holds
URI pairs and the relation type only; the labels are the vocabulary's own (fi/sv/en).
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
OUT = ROOT / "kohtaanto" / "taxonomy" / "vocabulary" / "occupation_skills.csv"
# Fewer than three essential skills make a similarity of 0, 1/2 or 1: not a useful profile.
MIN_ESSENTIAL = 3


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--esco")
    args = ap.parse_args()
    folder = esco_dir(args.esco)
    with (VOCABULARY / "occupations.csv").open(encoding="utf-8", newline="") as f:
        occupations = {row["uri"] for row in csv.DictReader(f)}
    with (VOCABULARY / "skills.csv").open(encoding="utf-8", newline="") as f:
        skills = {row["uri"] for row in csv.DictReader(f)}
    links: dict[str, set[tuple[str, str]]] = defaultdict(set)
    with (folder / "occupationSkillRelations.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["occupationUri"] in occupations and row["skillUri"] in skills:
                links[row["occupationUri"]].add((row["relationType"], row["skillUri"]))
    kept = {
        occ: pairs
        for occ, pairs in links.items()
        if sum(kind == "essential" for kind, _ in pairs) >= MIN_ESSENTIAL
    }
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["occupation_uri", "relation", "skill_uri"])
        for occ in sorted(kept):
            for kind, skill in sorted(kept[occ]):
                w.writerow([occ, kind, skill])
    n_links = sum(len(p) for p in kept.values())
    print(f"{len(kept)} of {len(occupations)} occupations, {n_links} links → {OUT}")


if __name__ == "__main__":
    main()
