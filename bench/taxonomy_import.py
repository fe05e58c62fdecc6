"""Benchmark: full ESCO import, its peak memory, a re-run, and counts against the files.

    python bench/taxonomy_import.py [--esco PATH]                 # SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kh_taxonomy python bench/taxonomy_import.py

Goals (DESIGN/issue 3): import < 60 s and < 1 GiB peak, re-run < 20 s.
"""

import argparse
import csv
import time
from collections import Counter
from pathlib import Path
from typing import Any

from taxonomy_setup import esco_folder, machine, peak_rss_mib, setup_database


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def print_counts(folder: Path, result: Any) -> None:
    """Concepts and relations in the database against the files, read here independently."""
    from kohtaanto.taxonomy.models import Concept, ConceptRelation

    lang = result.dataset.languages[0]
    types = Counter(Concept.objects.values_list("type", flat=True))
    kinds = Counter(ConceptRelation.objects.values_list("kind", flat=True))
    dangling = {e.reason.rsplit(" ", 1)[-1] for e in result.skipped}
    skills = csv_rows(folder / f"skills_{lang}.csv")
    groups = {r["conceptUri"] for r in csv_rows(folder / f"skillGroups_{lang}.csv")}
    hierarchy = [r for r in csv_rows(folder / f"skillsHierarchy_{lang}.csv")]
    hierarchy_groups = {r[f"Level {i} URI"] for r in hierarchy for i in range(4)} - {""}
    occ_skill = csv_rows(folder / "occupationSkillRelations.csv")
    skill_skill = csv_rows(folder / "skillSkillRelations.csv")
    broader = {
        (r["conceptUri"], r["broaderUri"])
        for name in ("broaderRelationsSkillPillar.csv", "broaderRelationsOccPillar.csv")
        for r in csv_rows(folder / name)
    }
    hierarchy_edges = {
        (r[f"Level {i + 1} URI"], r[f"Level {i} URI"])
        for r in hierarchy
        for i in range(3)
        if r[f"Level {i + 1} URI"]
    }

    def relations(rows: list[dict[str, str]], kind: str, *uri_columns: str) -> tuple[int, int]:
        matching = [r for r in rows if r["relationType"] == kind]
        skipped = sum(any(r[c] in dangling for c in uri_columns) for r in matching)
        return len(matching), skipped

    knowledge = sum(r["skillType"] == "knowledge" for r in skills)
    lines = [
        ("skills (incl. knowledge)", len(skills), 0, types["skill"] + types["knowledge"]),
        ("  of which knowledge", knowledge, 0, types["knowledge"]),
        ("occupations", len(csv_rows(folder / f"occupations_{lang}.csv")), 0, types["occupation"]),
        ("ISCO groups", len(csv_rows(folder / f"ISCOGroups_{lang}.csv")), 0, types["isco_group"]),
        (
            "skill groups (+ skillsHierarchy)",
            len(groups | hierarchy_groups),
            0,
            types["skill_group"],
        ),
        (
            "occupation→skill essential",
            *relations(occ_skill, "essential", "occupationUri", "skillUri"),
            kinds["occ_essential"],
        ),
        (
            "occupation→skill optional",
            *relations(occ_skill, "optional", "occupationUri", "skillUri"),
            kinds["occ_optional"],
        ),
        (
            "skill→skill essential",
            *relations(skill_skill, "essential", "originalSkillUri", "relatedSkillUri"),
            kinds["skill_essential"],
        ),
        (
            "skill→skill optional",
            *relations(skill_skill, "optional", "originalSkillUri", "relatedSkillUri"),
            kinds["skill_optional"],
        ),
        (
            "broader (both pillars + skillsHierarchy)",
            len(broader | hierarchy_edges),
            sum(any(uri in dangling for uri in pair) for pair in broader),
            kinds["broader"],
        ),
    ]
    print()
    print(f"{'':42} {'in files':>9} {'skipped':>8} {'database':>9}")
    for name, in_files, skipped, in_db in lines:
        verdict = "ok" if in_files - skipped == in_db else "MISMATCH"
        print(f"{name:42} {in_files:9d} {skipped:8d} {in_db:9d}  {verdict}")
    if result.skipped:
        print(
            f"\nskipped: {len(result.skipped)} relation rows refer to concepts in no concept "
            f"file ({', '.join(sorted(dangling))})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--esco", help="ESCO CSV folder (default: ../shared/data/esco-en)")
    args = parser.parse_args()
    folder = esco_folder(args.esco)
    database, teardown = setup_database()
    from kohtaanto.taxonomy.services import esco_import

    try:
        print(f"Kohtaanto ESCO import benchmark — {machine()}, {database}")
        print(f"ESCO folder: {folder}")
        rss_before = peak_rss_mib()
        start = time.perf_counter()
        first = esco_import(actor=None, path=folder, skip_dangling=True)
        import_seconds = time.perf_counter() - start
        rss_import = peak_rss_mib()
        start = time.perf_counter()
        second = esco_import(actor=None, path=folder, skip_dangling=True)
        rerun_seconds = time.perf_counter() - start

        print()
        print(f"full import:  {import_seconds:6.1f} s   (goal < 60 s)   {first.counts.as_dict()}")
        print(
            f"peak memory:  {rss_import:6.0f} MiB RSS (goal < 1024 MiB; "
            f"{rss_before:.0f} MiB before the import)"
        )
        changed = second.counts.changed
        print(f"re-run:       {rerun_seconds:6.1f} s   (goal < 20 s)   changed anything: {changed}")

        print_counts(folder, first)
    finally:
        teardown()


if __name__ == "__main__":
    main()
