"""Check the independent Finnish/Swedish extraction test set against the ESCO CSV files.

    python bench/check_independent_set.py [--esco ../shared/data/esco-en]

Reads every JSONL file under bench/data/extraction_independent/{tune,heldout}/ and checks that
each line parses and follows the schema (id, lang, kind, text, expected, negated, occupations,
languages, optional notes), that ids are unique and the split rule holds (every third text of a
language, by its number, is held out), that every skill URI in `expected`/`negated` is an ESCO
skill or knowledge concept and every URI in `occupations` an ESCO occupation, and that no URI is
both expected and negated. The second reading (`second_reading/{tune,heldout}/`) is checked the
same way, and each of its texts must be one of the set's own in the same split, language and
kind. Prints counts per language, kind and split; exits 1 on any problem (2 when the ESCO
folder is missing).
"""

import argparse
import csv
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "extraction_independent"
KINDS = {"job_ad", "cv", "company_need", "course"}
LANGS = {"fi", "sv"}
LEVELS = {None, "A1", "A2", "B1", "B2", "C1", "C2"}
KEYS = {"id", "lang", "kind", "text", "expected", "negated", "occupations", "languages"}
# A second reading's line: the tags of a text of the set, by reader number.
SECOND_KEYS = KEYS - {"text"} | {"reader"}
ID_RE = re.compile(r"^ind-(fi|sv)-(\d{3,4})$")


def load_uris(esco: Path) -> tuple[dict[str, str], set[str]]:
    """Skill/knowledge URI -> skillType, and the set of occupation URIs."""
    skills: dict[str, str] = {}
    with (esco / "skills_en.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            skills[row["conceptUri"]] = row["skillType"]
    with (esco / "occupations_en.csv").open(encoding="utf-8") as handle:
        occupations = {row["conceptUri"] for row in csv.DictReader(handle)}
    return skills, occupations


def check_row(row: dict, skills: dict[str, str], occupations: set[str]) -> list[str]:
    problems = []
    missing = KEYS - row.keys()
    extra = row.keys() - KEYS - {"notes"}
    if missing or extra:
        problems.append(f"keys missing {sorted(missing)} / unknown {sorted(extra)}")
        return problems
    if row["lang"] not in LANGS or row["kind"] not in KINDS:
        problems.append(f"lang {row['lang']!r} or kind {row['kind']!r} not allowed")
    if not isinstance(row["text"], str) or not row["text"].strip():
        problems.append("empty text")
    problems += check_tags(row, skills, occupations)
    if not row["expected"] and not row["negated"]:
        problems.append("no skill tagged at all")
    return problems


def check_tags(row: dict, skills: dict[str, str], occupations: set[str]) -> list[str]:
    problems = []
    for field in ("expected", "negated"):
        for uri in row[field]:
            if skills.get(uri) not in ("skill/competence", "knowledge"):
                problems.append(f"{field}: {uri} is not an ESCO skill or knowledge concept")
        if len(set(row[field])) != len(row[field]):
            problems.append(f"{field}: repeated URI")
    for uri in row["occupations"]:
        if uri not in occupations:
            problems.append(f"occupations: {uri} is not an ESCO occupation")
    both = set(row["expected"]) & set(row["negated"])
    if both:
        problems.append(f"both expected and negated: {sorted(both)}")
    for entry in row["languages"]:
        if set(entry) != {"lang", "level"} or entry["level"] not in LEVELS:
            problems.append(f"languages: bad entry {entry}")
    return problems


def rows_of(folder: Path, problems: list[str]) -> Iterator[tuple[Path, str, dict]]:
    """Each line of the folder's JSONL files that parses, with its file and where it is; a line
    that does not parse is a problem."""
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.relative_to(DATA)}:{number}"
            try:
                yield path, where, json.loads(line)
            except json.JSONDecodeError as error:
                problems.append(f"{where}: does not parse ({error})")


def check_second_reading(
    texts: dict[str, tuple[str, str, str]],
    skills: dict[str, str],
    occupations: set[str],
    problems: list[str],
) -> Counter[tuple[str, str]]:
    """Check the second reading's files; their texts per split and language."""
    counts: Counter[tuple[str, str]] = Counter()
    seen: set[str] = set()
    for split in ("tune", "heldout"):
        for path, where, row in rows_of(DATA / "second_reading" / split, problems):
            missing, extra = SECOND_KEYS - row.keys(), row.keys() - SECOND_KEYS - {"notes"}
            if missing or extra:
                problems.append(
                    f"{where}: keys missing {sorted(missing)} / unknown {sorted(extra)}"
                )
                continue
            if texts.get(row["id"]) != (split, path.stem, row["kind"]) or row["lang"] != path.stem:
                problems.append(
                    f"{where}: {row['id']!r} is no {path.stem} {row['kind']} text of {split}"
                )
                continue
            if row["id"] in seen:
                problems.append(f"{where}: repeated id {row['id']}")
            seen.add(row["id"])
            for problem in check_tags(row, skills, occupations):
                problems.append(f"{where} {row['id']}: {problem}")
            counts[(split, path.stem)] += 1
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--esco", type=Path, default=HERE.parent.parent / "shared/data/esco-en")
    args = parser.parse_args()
    if not (args.esco / "skills_en.csv").is_file():
        print(f"ESCO CSV files not found in {args.esco}; give the folder with --esco PATH")
        return 2
    skills, occupations = load_uris(args.esco)
    problems: list[str] = []
    seen: set[str] = set()
    texts: dict[str, tuple[str, str, str]] = {}
    counts: Counter[tuple[str, str, str]] = Counter()
    for split in ("tune", "heldout"):
        for path, where, row in rows_of(DATA / split, problems):
            match = ID_RE.match(str(row.get("id", "")))
            if not match or match.group(1) != path.stem or row.get("lang") != path.stem:
                problems.append(f"{where}: id/lang {row.get('id')!r} does not fit the file")
                continue
            if row["id"] in seen:
                problems.append(f"{where}: repeated id {row['id']}")
            seen.add(row["id"])
            if (int(match.group(2)) % 3 == 0) != (split == "heldout"):
                problems.append(f"{where}: {row['id']} is in the wrong split")
            for problem in check_row(row, skills, occupations):
                problems.append(f"{where} {row['id']}: {problem}")
            counts[(row["lang"], row["kind"], split)] += 1
            texts[row["id"]] = (split, row["lang"], row["kind"])
    second = check_second_reading(texts, skills, occupations, problems)
    for lang in sorted(LANGS):
        for kind in sorted(KINDS):
            tune, held = counts[(lang, kind, "tune")], counts[(lang, kind, "heldout")]
            print(f"{lang} {kind:13} tune {tune:3}  heldout {held:3}")
        total = sum(n for (lg, _, _), n in counts.items() if lg == lang)
        print(f"{lang} total         {total}")
    for (split, lang), n in sorted(second.items()):
        print(f"second reading {split} {lang}: {n} texts")
    for problem in problems:
        print("PROBLEM", problem)
    print("OK" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
