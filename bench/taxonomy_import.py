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

from taxonomy_setup import esco_folder, machine, peak_rss_mib, setup_database


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--esco", help="ESCO CSV folder (default: ../shared/data/esco-en)")
    args = parser.parse_args()
    folder = esco_folder(args.esco)
    database, teardown = setup_database()
    from kohtaanto.taxonomy.models import Concept, ConceptRelation
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
        print(
            f"re-run:       {rerun_seconds:6.1f} s   (goal < 20 s)   changed: {second.counts.changed}"
        )

        # Counts in the database against the files, read here independently of the importer.
        lang = first.dataset.languages[0]
        types = Counter(Concept.objects.values_list("type", flat=True))
        kinds = Counter(ConceptRelation.objects.values_list("kind", flat=True))
        skills = csv_rows(folder / f"skills_{lang}.csv")
        groups = {r["conceptUri"] for r in csv_rows(folder / f"skillGroups_{lang}.csv")}
        hierarchy = {
            r[f"Level {i} URI"]
            for r in csv_rows(folder / f"skillsHierarchy_{lang}.csv")
            for i in range(4)
            if r[f"Level {i} URI"]
        }
        occ_skill = Counter(
            r["relationType"] for r in csv_rows(folder / "occupationSkillRelations.csv")
        )
        skill_skill = Counter(
            r["relationType"] for r in csv_rows(folder / "skillSkillRelations.csv")
        )
        broader = {
            (r["conceptUri"], r["broaderUri"])
            for name in ("broaderRelationsSkillPillar.csv", "broaderRelationsOccPillar.csv")
            for r in csv_rows(folder / name)
        }
        skipped = Counter(e.file for e in first.skipped)
        skipped_broader = (
            skipped["broaderRelationsOccPillar.csv"] + skipped["broaderRelationsSkillPillar.csv"]
        )
        hierarchy_edges = first.dataset.relation_count("broader") - (len(broader) - skipped_broader)
        rows = [
            ("skills (skill/competence + knowledge)", len(skills), types["skill"] + types["knowledge"], ""),
            ("  of which knowledge", sum(r["skillType"] == "knowledge" for r in skills), types["knowledge"], ""),
            ("occupations", len(csv_rows(folder / f"occupations_{lang}.csv")), types["occupation"], ""),
            ("ISCO groups", len(csv_rows(folder / f"ISCOGroups_{lang}.csv")), types["isco_group"], ""),
            ("skill groups (skillGroups ∪ skillsHierarchy)", len(groups | hierarchy), types["skill_group"],
             f"{len(hierarchy - groups)} only in skillsHierarchy"),
            ("occupation→skill essential", occ_skill["essential"], kinds["occ_essential"], ""),
            ("occupation→skill optional", occ_skill["optional"], kinds["occ_optional"], ""),
            ("skill→skill essential", skill_skill["essential"], kinds["skill_essential"], ""),
            ("skill→skill optional", skill_skill["optional"], kinds["skill_optional"], ""),
            ("broader (both pillars)", len(broader), kinds["broader"],
             f"+{hierarchy_edges} only in skillsHierarchy"),
        ]  # fmt: skip
        print()
        print(f"{'':48} {'files':>8} {'database':>9}")
        for name, in_files, in_db, note in rows:
            print(f"{name:48} {in_files:8d} {in_db:9d}  {note}")
        if first.skipped:
            uris = sorted({e.reason.rsplit(" ", 1)[-1] for e in first.skipped})
            print(
                f"\nskipped {len(first.skipped)} relation rows ({dict(skipped)}) that refer to "
                f"concepts in no concept file: {', '.join(uris)}"
            )
    finally:
        teardown()


if __name__ == "__main__":
    main()
