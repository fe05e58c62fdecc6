"""`import-job-seekers` at scale: people a second, queries a person, memory against file size.

    python bench/import_job_seekers.py [--people 2000] [--skills 20]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kt_imports2 python bench/import_job_seekers.py

Runs on a throw-away database (see taxonomy_setup.setup_database). Creates the skill,
requirement and occupation concepts once, writes a JSON Lines file of `--people` people with
`--skills` skills, two requirement cards and one target occupation each (fixed seed), then runs
the `import_job_seekers` command on it three times: the first import (everything created), the
same file again (nothing changes) and a file in which every tenth person has one skill level
changed. For each run it prints the wall time, people a second (also per second of this
process's CPU time, which a shared machine's load distorts less), SQL queries a person, and the
process's resident memory growth. Finally it counts the rows written, so that two versions of
the importer can be compared for the same outcome. On PostgreSQL running on the same machine it
also prints the CPU time of the database server's backend during each import (from /proc),
the part of the work the importing process's CPU time does not show. Never fails on time.
"""

import argparse
import json
import os
import random
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from taxonomy_setup import machine, peak_rss_mib, rss_mib, setup_database


def write_file(
    path: Path, *, people: int, skills: int, concepts: dict, seed: int, bump: int
) -> None:
    """One person a line, written as it goes (the generator holds no list of people)."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for i in range(people):
            chosen = rng.sample(concepts["skill"], skills)
            levels = [rng.randint(1, 4) for _ in chosen]
            if bump and i % bump == 0:
                levels[0] = levels[0] % 4 + 1
            record = {
                "external_id": f"B-{i:07d}",
                "first_name": rng.choice(["Aino", "Eero", "Helmi", "Oskari", "Sanna", "Ville"]),
                "last_name": rng.choice(["Hitsari", "Koskinen", "Mäkelä", "Nieminen", "Sorvari"]),
                "municipality": rng.choice(["272", "Kannus", "Toholampi", "Veteli", "Perho"]),
                "skills": [
                    {"uri": uri, "level": level} for uri, level in zip(chosen, levels, strict=True)
                ],
                "requirements": rng.sample(concepts["requirement"], 2),
                "target_occupations": [rng.choice(concepts["occupation"])],
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def server_cpu_seconds(connection) -> float | None:  # type: ignore[no-untyped-def]
    """CPU time of this connection's PostgreSQL backend so far, when the server runs on this
    machine (read from /proc); None on SQLite or a remote server."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--skills", type=int, default=20)
    parser.add_argument("--concepts", type=int, default=3000)
    args = parser.parse_args()

    database, teardown = setup_database()
    from django.core.management import call_command
    from django.db import connection

    from kohtaanto.accounts.models import EmploymentArea, Municipality
    from kohtaanto.audit.models import AuditEvent
    from kohtaanto.jobseekers.models import (
        JobSeeker,
        ProfileSkill,
        RequirementCard,
        TargetOccupation,
    )
    from kohtaanto.taxonomy.models import Concept

    try:
        area = EmploymentArea.objects.order_by("pk").first()
        if area is None:
            area = EmploymentArea.objects.create(code="bench", name="Bench area")
        for code, name in (("272", "Kokkola"), ("217", "Kannus"), ("924", "Toholampi")):
            Municipality.objects.get_or_create(code=code, defaults={"name_fi": name, "area": area})
        for code, name in (("931", "Veteli"), ("584", "Perho")):
            Municipality.objects.get_or_create(code=code, defaults={"name_fi": name, "area": area})
        concepts: dict[str, list[str]] = {}
        for kind, count in (
            ("skill", args.concepts),
            ("requirement", 20),
            ("occupation", 200),
        ):
            uris = [f"urn:bench:{kind}:{i}" for i in range(count)]
            Concept.objects.bulk_create(
                [Concept(uri=uri, type=kind, preferred={"fi": uri}) for uri in uris],
                batch_size=1000,
            )
            concepts[kind] = uris

        queries = 0

        def count(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
            nonlocal queries
            queries += 1
            return execute(sql, params, many, context)

        tmp = Path(tempfile.mkdtemp(prefix="kohtaanto-bench-import-"))
        first = tmp / "people.jsonl"
        changed = tmp / "people-changed.jsonl"
        write_file(first, people=args.people, skills=args.skills, concepts=concepts, seed=7, bump=0)
        write_file(
            changed, people=args.people, skills=args.skills, concepts=concepts, seed=7, bump=10
        )
        size = first.stat().st_size / 2**20
        print(f"Machine: {machine()}; database: {database}")
        print(
            f"File: {args.people} people x {args.skills} skills, 2 cards, 1 target occupation"
            f" ({size:.1f} MiB)"
        )
        for label, path in (
            ("first import", first),
            ("same file again", first),
            ("every 10th person changed", changed),
        ):
            queries = 0
            before = rss_mib()
            peak_before = peak_rss_mib()
            server = server_cpu_seconds(connection)
            start = time.perf_counter()
            cpu = time.process_time()
            with connection.execute_wrapper(count):
                call_command(
                    "import_job_seekers",
                    str(path),
                    "--area",
                    area.code,
                    stdout=StringIO(),
                    stderr=StringIO(),
                )
            seconds = time.perf_counter() - start
            cpu = time.process_time() - cpu
            server_after = server_cpu_seconds(connection)
            server_note = (
                f"  (database server CPU {server_after - server:.2f} s)"
                if server is not None and server_after is not None
                else ""
            )
            growth = max(peak_rss_mib() - peak_before, 0.0)
            print(
                f"{label:28s} {seconds:8.2f} s  {args.people / seconds:8.0f} people/s"
                f"  (process CPU {cpu:.2f} s: {args.people / max(cpu, 1e-9):.0f} people/s)"
                f"  {queries / args.people:7.2f} queries/person"
                f"  RSS {before:.0f} MiB, peak grew {growth:.0f} MiB{server_note}"
            )
        counts = (
            JobSeeker.objects.count(),
            ProfileSkill.objects.count(),
            RequirementCard.objects.count(),
            TargetOccupation.objects.count(),
            AuditEvent.objects.count(),
        )
        print("Rows: people {}, skills {}, cards {}, targets {}, audit events {}".format(*counts))
        print(f"Peak RSS of the process: {peak_rss_mib():.0f} MiB")
    finally:
        connection.close()
        teardown()


if __name__ == "__main__":
    main()
