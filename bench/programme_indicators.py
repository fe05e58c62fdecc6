"""ESF+ indicator table at scale: how long one period's table and the cumulative table take.

Runs against the database in DATABASE_URL (use a scratch one: it is migrated and written to;
the default is the SQLite file of KOHTAANTO_DATA_DIR):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kt_bench_indicators \\
        python bench/programme_indicators.py [--participations 20000] [--repeat 5]

Creates the participations once (bulk inserts, synthetic, fixed seed) in the default
operation, then times the table counted in the database (`selectors.indicator_table`) and the same
table counted in Python (`indicators.compute_table`) for a half-year, a month and the
cumulative table, and counts the queries of each. Prints the median and the best time;
never fails on time.
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participations", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kohtaanto.config.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kohtaanto.jobseekers.models import JobSeeker, Participation
    from kohtaanto.programme import selectors
    from kohtaanto.programme.indicators import compute_table
    from kohtaanto.programme.models import Operation

    call_command("migrate", verbosity=0)
    operation = Operation.objects.get(is_default=True)
    have = Participation.objects.filter(operation=operation).count()
    rng = random.Random(2026)
    if have < args.participations:
        missing = args.participations - have
        people = JobSeeker.objects.bulk_create(
            [
                JobSeeker(
                    employment_area_id=operation.employment_area_id,
                    first_name="Bench",
                    last_name=f"Person {have + i}",
                )
                for i in range(missing)
            ],
            batch_size=2000,
        )
        rows = []
        for person in people:
            entry = operation.start_date + timedelta(days=rng.randrange(0, 900))
            left = rng.random() < 0.7
            exit_date = entry + timedelta(days=rng.randrange(0, 200)) if left else None
            status = rng.choice(["unemployed", "inactive", "employed"])
            rows.append(
                Participation(
                    job_seeker=person,
                    operation=operation,
                    entry_date=entry,
                    gender=rng.choice(["woman", "man", "non_binary", "woman", "man"]),
                    birth_date=date(rng.randrange(1960, 2009), rng.randrange(1, 13), 15),
                    labour_market_status=status,
                    unemployed_since=entry - timedelta(days=rng.randrange(0, 900))
                    if status == "unemployed"
                    else None,
                    isced_level=rng.randrange(0, 9),
                    rural=rng.choice(["yes", "no", ""]),
                    exit_date=exit_date,
                    exit_results_on=exit_date + timedelta(days=rng.randrange(0, 40))
                    if left
                    else None,
                    exit_employed=rng.random() < 0.4 if left else None,
                    exit_job_searching=rng.random() < 0.5 if left else None,
                    six_month_employed=rng.random() < 0.5 if left else None,
                )
            )
        Participation.objects.bulk_create(rows, batch_size=2000)
    total = Participation.objects.filter(operation=operation).count()
    print(f"database: {connection.vendor}; participations in the operation: {total}")
    print(f"machine: {os.cpu_count()} cores, shared with other jobs")
    print("load average before: {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))
    book = selectors.rules_book()

    def in_python(start: date, end: date) -> object:
        # The earlier way, kept as the rules' reference: every participant's facts loaded
        # and counted in Python.
        return compute_table(
            selectors.participant_facts(operation=operation, start=start, end=end),
            selectors.entity_facts(operation=operation, start=start, end=end),
            start=start,
            end=end,
            rule_for=book.ltu,
            cumulative=start <= operation.start_date,
        )

    def in_database(start: date, end: date) -> object:
        return selectors.indicator_table(operation=operation, start=start, end=end, book=book)

    for label, start, end in (
        ("period 1.1.–30.6.2027", date(2027, 1, 1), date(2027, 6, 30)),
        ("month 1.–31.3.2027", date(2027, 3, 1), date(2027, 3, 31)),
        ("cumulative to 31.12.2028", operation.start_date, date(2028, 12, 31)),
    ):
        for how, compute in (("database", in_database), ("python", in_python)):
            times = []
            for _ in range(args.repeat):
                with CaptureQueriesContext(connection) as queries:
                    began = time.perf_counter()
                    compute(start, end)
                    times.append((time.perf_counter() - began) * 1000)
            print(
                f"{label} [{how}]: median {statistics.median(times):.0f} ms, "
                f"best {min(times):.0f} ms, {len(queries.captured_queries)} queries"
            )
    print("load average after: {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
