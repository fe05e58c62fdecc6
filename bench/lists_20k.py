"""Lists at real size: the job seeker list (sort, filter, search, deep page), the header
search and a concept page's where-used count with 20 000 job seekers.

Runs against the database in DATABASE_URL (use a scratch one: it is migrated and written to;
the default is the SQLite file of KOHTAANTO_DATA_DIR):

    KOHTAANTO_DATA_DIR=/tmp/kt-bench-lists python bench/lists_20k.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kt_lists python bench/lists_20k.py

Creates once (bulk inserts, synthetic, fixed seed): 20 000 people in the area's
municipalities, two service events for most, an open agreed action for half, three skills
each from a pool of 300 concepts; a counsellor with 2 000 of them. Then times whole requests
through Django's test client (middleware, selectors, templates, the read log) and prints p50
and p95 per case, the median time spent in SQL and the query count; never fails on time.
Goal: p95 < 300 ms.
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

FIRST = ["Aino", "Eero", "Helmi", "Juho", "Kaisa", "Lauri", "Minna", "Oskari", "Sanna", "Ville"]
LAST = ["Aalto", "Björk", "Heikkilä", "Korpela", "Lindqvist", "Mäki", "Niemi", "Rask", "Salo"]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kohtaanto.config.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from kohtaanto.accounts.models import EmploymentArea, Municipality, Role, User
    from kohtaanto.jobseekers.models import (
        JobSeeker,
        PlanAction,
        ProfileSkill,
        ServiceEvent,
        SkillSource,
    )
    from kohtaanto.taxonomy.models import Concept, ConceptType

    call_command("migrate", verbosity=0)
    area = EmploymentArea.objects.get(code="keski-pohjanmaa")
    municipalities = list(Municipality.objects.filter(area=area))
    rng = random.Random(2026)
    coordinator, _ = User.objects.get_or_create(
        username="bench-coordinator",
        defaults={"role": Role.COORDINATOR, "employment_area": area},
    )
    counsellor, _ = User.objects.get_or_create(
        username="bench-counsellor",
        defaults={"role": Role.COUNSELLOR, "employment_area": area, "first_name": "Bench"},
    )
    concepts = list(Concept.objects.filter(type=ConceptType.SKILL).order_by("id")[:300])
    if len(concepts) < 300:
        Concept.objects.bulk_create(
            [
                Concept(
                    uri=f"http://example.org/bench/skill/{i}",
                    type=ConceptType.SKILL,
                    preferred={"fi": f"penkkitaito {i}", "en": f"bench skill {i}"},
                )
                for i in range(300 - len(concepts))
            ],
            ignore_conflicts=True,
        )
        concepts = list(Concept.objects.filter(type=ConceptType.SKILL).order_by("id")[:300])
    have = JobSeeker.objects.filter(employment_area=area).count()
    started = time.perf_counter()
    if have < args.people:
        people = JobSeeker.objects.bulk_create(
            [
                JobSeeker(
                    employment_area=area,
                    first_name=rng.choice(FIRST),
                    last_name=f"{rng.choice(LAST)}-{have + i}",
                    municipality=rng.choice(municipalities),
                    birth_date=date(1960, 1, 1) + timedelta(days=rng.randrange(15000)),
                )
                for i in range(args.people - have)
            ],
            batch_size=2000,
        )
        today = date(2026, 12, 2)
        ServiceEvent.objects.bulk_create(
            [
                ServiceEvent(
                    job_seeker=p,
                    kind=ServiceEvent.Kind.MEETING,
                    occurred_on=today - timedelta(days=rng.randrange(400)),
                    description="Tapaaminen",
                )
                for p in people
                for _ in range(rng.choice((0, 1, 2, 2)))
            ],
            batch_size=5000,
        )
        PlanAction.objects.bulk_create(
            [
                PlanAction(
                    job_seeker=p,
                    description="Päivitä CV",
                    due_on=today + timedelta(days=rng.randrange(-30, 90)),
                )
                for p in people
                if rng.random() < 0.5
            ],
            batch_size=5000,
        )
        ProfileSkill.objects.bulk_create(
            [
                ProfileSkill(
                    job_seeker=p,
                    concept=c,
                    level=2,
                    source=SkillSource.COUNSELLOR,
                    assessed_on=today,
                )
                for p in people
                for c in rng.sample(concepts, 3)
            ],
            batch_size=5000,
            ignore_conflicts=True,
        )
        through = JobSeeker.counsellors.through
        through.objects.bulk_create(
            [through(jobseeker_id=p.pk, user_id=counsellor.pk) for p in people[:2000]],
            ignore_conflicts=True,
        )
    print(
        f"data: {JobSeeker.objects.filter(employment_area=area).count()} people, "
        f"{ServiceEvent.objects.count()} events, {PlanAction.objects.count()} actions, "
        f"{ProfileSkill.objects.count()} skills (prepared in {time.perf_counter() - started:.0f} s)"
    )
    municipality = municipalities[0].pk
    concept = concepts[0].pk
    cases = [
        ("coordinator", "list, default (name)", "/jobseekers/"),
        ("coordinator", "list, sort -last_contact", "/jobseekers/?sort=-last_contact"),
        ("coordinator", "list, sort next_action", "/jobseekers/?sort=next_action"),
        ("coordinator", "list, sort municipality", "/jobseekers/?sort=municipality"),
        ("coordinator", "list, page 200", "/jobseekers/?page=200"),
        (
            "coordinator",
            "list, filter municipality+status",
            f"/jobseekers/?municipality={municipality}&status=active&sort=-last_contact",
        ),
        ("coordinator", "list, search name", "/jobseekers/?q=Niemi-1"),
        ("counsellor", "list, own 2 000, sort last_contact", "/jobseekers/?sort=last_contact"),
        ("coordinator", "header search", "/search/?q=Niemi"),
        ("counsellor", "header search", "/search/?q=Niemi"),
        ("coordinator", "concept page (where used)", f"/taxonomy/concepts/{concept}/"),
    ]
    clients = {}
    for name, user in (("coordinator", coordinator), ("counsellor", counsellor)):
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user)
        clients[name] = client
    vendor = connection.vendor
    print(f"database: {vendor}; {args.repeat} requests per case after one warm-up")
    print(f"{'case':44} {'p50 ms':>8} {'p95 ms':>8} {'SQL p50':>8} {'queries':>8}")
    for who, label, url in cases:
        client = clients[who]
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        times, sql = [], []
        for _ in range(args.repeat):
            with CaptureQueriesContext(connection) as queries:
                t = time.perf_counter()
                client.get(url)
                times.append((time.perf_counter() - t) * 1000)
            # The database's share (as Django's debug cursor times each query).
            sql.append(sum(float(q["time"]) for q in queries.captured_queries) * 1000)
        print(
            f"{who + ': ' + label:44} {statistics.median(times):8.1f} "
            f"{_percentile(times, 0.95):8.1f} {statistics.median(sql):8.1f} {len(queries):8d}"
        )


if __name__ == "__main__":
    main()
