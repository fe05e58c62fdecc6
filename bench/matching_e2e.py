"""End-to-end check: a small synthetic market through the importers and the database loader.

    python bench/matching_e2e.py [--esco PATH] [--people 2000] [--vacancies 400] [--seed 7]

Imports ESCO, then companies (CSV), vacancies and job seekers (JSON Lines) with the project's
own commands (`import-esco`, `import-companies`, `import-vacancies`, `import-job-seekers`) into
a throw-away database, records each person's consent to processing, and ranks every person's
vacancies through the application (`matching.selectors.vacancies_ranked`: database loader,
explanations). The same market goes into the index straight from arrays, as in
`matching_national.py`; the check counts the people whose top 20 is the same list in the same
order both ways. The application adds location and language components; here every person and
vacancy is in the same municipality with Finnish as the language, so those are the same for
every pair and the order must not change.
"""

import argparse
import csv
import datetime
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from matching_data import Esco, Market, esco_dir, esco_load, index_build, market_generate
from taxonomy_setup import machine, setup_database

MUNICIPALITY = "272"


def business_id(n: int) -> str:
    body = f"{2_000_000 + n * 7:07d}"
    weights = (7, 9, 10, 5, 8, 4, 2)
    rest = sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11
    if rest == 1:
        return business_id(n + 1000)
    return f"{body}-{0 if rest == 0 else 11 - rest}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--esco")
    ap.add_argument("--people", type=int, default=2000)
    ap.add_argument("--vacancies", type=int, default=400)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    folder = esco_dir(args.esco)
    esco = esco_load(folder)
    market = market_generate(esco, people=args.people, vacancies=args.vacancies, seed=args.seed)
    through_importers(folder, esco, market)


def through_importers(folder: Path, esco: Esco, market: Market) -> tuple[int, int]:
    """Import `market` with the project's commands into a throw-away database and compare
    every person's top 20 through the application with the in-memory index on the same
    arrays, one person at a time (`vacancies_ranked`) and for everyone at once (`match-all`).
    Returns (people with the same list both ways, people)."""
    vendor, teardown = setup_database()
    print(f"machine: {machine()} (shared); database {vendor}")
    from django.core.management import call_command

    from kohtaanto.accounts.models import EmploymentArea
    from kohtaanto.employers.models import Vacancy
    from kohtaanto.jobseekers.models import Consent, ConsentPurpose, JobSeeker
    from kohtaanto.matching.engine.graph import SkillGraph
    from kohtaanto.matching.engine.weights import weights_from_settings
    from kohtaanto.matching.selectors import vacancies_ranked

    n_people, n_vacancies = market.person_skills.shape[0], market.vacancy_skills.shape[0]
    try:
        t = time.perf_counter()
        call_command("import_esco", str(folder), verbosity=0)
        print(f"import-esco: {time.perf_counter() - t:.0f} s")
        area = EmploymentArea.objects.get(code="keski-pohjanmaa")
        tmp = Path(tempfile.mkdtemp(prefix="kohtaanto-match-e2e-"))
        n_companies = 20
        with (tmp / "companies.csv").open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, delimiter=";")
            w.writerow(["business_id", "name", "municipality", "industry_code", "size_class"])
            for c in range(n_companies):
                w.writerow([business_id(c), f"Yritys {c}", MUNICIPALITY, "25620", "small"])
        uris = esco.skill_uris
        with (tmp / "vacancies.jsonl").open("w", encoding="utf-8") as f:
            for i in range(n_vacancies):
                row = market.vacancy_skills[i]
                ess = set(market.vacancy_essential[i].indices.tolist())
                line = {
                    "external_id": f"V{i}",
                    "company_business_id": business_id(i % n_companies),
                    "title": f"Työpaikka {i}",
                    "municipality": MUNICIPALITY,
                    "skills": [{"uri": uris[s], "essential": s in ess} for s in row.indices],
                }
                if market.vacancy_label[i] >= 0:
                    line["occupation"] = esco.occupation_uris[market.vacancy_label[i]]
                f.write(json.dumps(line) + "\n")
        with (tmp / "people.jsonl").open("w", encoding="utf-8") as f:
            for i in range(n_people):
                row = market.person_skills[i]
                line = {
                    "external_id": f"P{i}",
                    "first_name": "Testi",
                    "last_name": f"Henkilö {i}",
                    "municipality": MUNICIPALITY,
                    "skills": [{"uri": uris[s], "level": 3} for s in row.indices],
                }
                f.write(json.dumps(line) + "\n")
        t = time.perf_counter()
        call_command("import_companies", str(tmp / "companies.csv"), verbosity=0)
        call_command("import_vacancies", str(tmp / "vacancies.jsonl"), verbosity=0)
        call_command("import_job_seekers", str(tmp / "people.jsonl"), verbosity=0)
        print(
            f"imports ({n_people} people, {n_vacancies} vacancies): {time.perf_counter() - t:.0f} s"
        )
        people = list(JobSeeker.objects.filter(employment_area=area))
        Consent.objects.bulk_create(
            Consent(
                job_seeker=p, purpose=ConsentPurpose.PROCESSING, given_on=datetime.date(2026, 1, 1)
            )
            for p in people
        )
        vacancy_ext = dict(Vacancy.objects.values_list("pk", "external_id"))
        weights = weights_from_settings()
        graph = SkillGraph.from_edges(len(esco.skill_uris), esco.broader, esco.related)
        index = index_build(graph, market, weights)
        same = same_all = 0
        memory: dict[str, list[str]] = {}
        for i in range(n_people):
            order, _ = index.rank_person(index.score_person(i), 20)
            memory[f"P{i}"] = [f"V{k}" for k in order]
        t = time.perf_counter()
        for person in people:
            db = [vacancy_ext[r.vacancy_id] for r in vacancies_ranked(job_seeker=person, top=20)]
            same += db == memory[person.external_id]
        print(f"ranked through the database one by one: {time.perf_counter() - t:.0f} s")
        t = time.perf_counter()
        call_command("match_all", top=20, out=tmp / "all.jsonl", verbosity=0)
        with (tmp / "all.jsonl").open(encoding="utf-8") as f:
            for text in f:
                listed = json.loads(text)
                got = [v["external_id"] for v in listed["vacancies"]]
                same_all += got == memory[listed["job_seeker"]]
        print(f"match-all through the database: {time.perf_counter() - t:.0f} s")
        print(
            f"same top-20 list in the same order: {same} / {len(people)} people one by one, "
            f"{same_all} / {len(people)} in match-all"
        )
    finally:
        teardown()  # type: ignore[operator]  # setup_database returns it as an object
    return min(same, same_all), len(people)


if __name__ == "__main__":
    main()
