"""Load: 50 concurrent users for 60 s against gunicorn with PostgreSQL on loopback.

    pip install -e '.[load]'
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kt_load nice -n 10 \\
        python bench/load_pages.py [--users 50] [--seconds 60] [--people 20000] \\
        [--workers 3] [--threads 2] [--keep | --reuse]

A fresh database `<name>_bench` next to the one the URL names is created, migrated, given the
demo region and then job seekers up to `--people`, and analysed (VACUUM ANALYZE); gunicorn
serves it on 127.0.0.1:`--port` (DEBUG off, `--preload` with the warm start, as docs/deploy.md
runs it), and locust (bench/load_locustfile.py) runs headless for `--seconds` with `--users`
users: browser sessions over the register list, name search, header search and detail pages
and the other apps' front pages, and API clients over the register and the companies.
Everything stops by itself (locust's run time, then gunicorn is terminated and the database
dropped; `--keep` keeps it and `--reuse` runs again on it). Prints per-request p50/p95/p99
and errors, the total, the machine and its load average before and after. Goal (issue 18):
p95 < 300 ms and zero errors.
"""

import argparse
import csv
import os
import random
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent


def _bench_url(url: str) -> tuple[str, str, str]:
    parts = urlsplit(url)
    name = parts.path.lstrip("/") + "_bench"
    admin = urlunsplit(parts._replace(path="/postgres"))
    return urlunsplit(parts._replace(path="/" + name)), name, admin


def _admin(admin_url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(sql)


def _prepare(people: int, reuse: bool = False) -> dict[str, str]:
    """Migrate, seed, and make a session cookie and an API token for the coordinator."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kohtaanto.config.settings")
    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    from kohtaanto.accounts.models import Municipality, Role, User
    from kohtaanto.accounts.services import api_token_create
    from kohtaanto.jobseekers.models import JobSeeker

    call_command("migrate", verbosity=0)
    if not reuse:
        call_command("demo", "--no-serve", verbosity=0)
    coordinator = User.objects.filter(role=Role.COORDINATOR, is_active=True).first()
    assert coordinator is not None and coordinator.employment_area_id
    area_id = coordinator.employment_area_id
    counsellors = list(User.objects.filter(role=Role.COUNSELLOR, employment_area_id=area_id))
    municipalities = list(Municipality.objects.filter(area_id=area_id))
    rng = random.Random(18)
    first = ["Aino", "Eero", "Liisa", "Mikko", "Sanna", "Juha", "Elina", "Pekka", "Anna", "Ville"]
    last = [
        "Virtanen",
        "Korhonen",
        "Nieminen",
        "Mäkinen",
        "Hämäläinen",
        "Laine",
        "Koski",
        "Heikkinen",
    ]
    missing = people - JobSeeker.objects.filter(employment_area_id=area_id).count()
    batch: list[JobSeeker] = []
    for i in range(max(0, missing)):
        batch.append(
            JobSeeker(
                employment_area_id=area_id,
                first_name=rng.choice(first),
                last_name=rng.choice(last),
                municipality=rng.choice(municipalities) if municipalities else None,
                external_id=f"LOAD-{i:06d}",
            )
        )
    created = JobSeeker.objects.bulk_create(batch, batch_size=2000)
    if counsellors:
        through = JobSeeker.counsellors.through
        through.objects.bulk_create(
            [through(jobseeker_id=p.pk, user_id=rng.choice(counsellors).pk) for p in created],
            batch_size=5000,
        )
    # Planner statistics as a running server has them: autovacuum analyses a table after bulk
    # inserts, but it may be off (it is on the shared bench machine), and without statistics
    # PostgreSQL takes a 20 000-row area for 8 rows and sorts it all for every page.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    session = SessionStore()
    session[SESSION_KEY] = str(coordinator.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = coordinator.get_session_auth_hash()
    session.create()
    ids = list(
        JobSeeker.objects.filter(employment_area_id=area_id).values_list("pk", flat=True)[:2000]
    )
    return {
        "LOAD_SESSION_COOKIE": session.session_key or "",
        "LOAD_API_TOKEN": api_token_create(actor=None, user=coordinator),
        "LOAD_PERSON_IDS": ",".join(str(i) for i in rng.sample(ids, min(500, len(ids)))),
        "LOAD_PEOPLE": str(JobSeeker.objects.filter(employment_area_id=area_id).count()),
        "LOAD_DATA_DIR": str(settings.DATA_DIR),
    }


def _wait_until_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"gunicorn did not answer {url} within {seconds:.0f} s")


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far (Linux /proc), 0 once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _processes(server_pid: int, database: str) -> dict[str, list[int]]:
    """gunicorn's master and workers, and the PostgreSQL backends serving `database`."""
    found: dict[str, list[int]] = {"gunicorn": [server_pid], "postgres": []}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == server_pid:
            found["gunicorn"].append(int(entry.name))
        elif title.startswith("postgres: ") and f" {database} " in title:
            found["postgres"].append(int(entry.name))
    return found


def _cpu_sample(server_pid: int, database: str) -> dict[int, tuple[str, float]]:
    return {
        pid: (kind, _cpu_seconds(pid))
        for kind, pids in _processes(server_pid, database).items()
        for pid in pids
    }


def _cpu_used(
    before: dict[int, tuple[str, float]], after: dict[int, tuple[str, float]]
) -> dict[str, float]:
    used: dict[str, float] = {"gunicorn": 0.0, "postgres": 0.0}
    for pid, (kind, seconds) in after.items():
        used[kind] += seconds - before.get(pid, (kind, 0.0))[1]
    return used


def _report(stats_csv: Path, args: argparse.Namespace, loads: list[tuple[float, ...]]) -> int:
    rows = list(csv.DictReader(stats_csv.open(encoding="utf-8")))
    print(f"\n{'request':46} {'n':>6} {'err':>4} {'p50':>6} {'p95':>6} {'p99':>6}  (ms)")
    for row in rows:
        name = row["Name"] if row["Name"] != "Aggregated" else "ALL"
        print(
            f"{row['Type'] + ' ' + name:46.46} {row['Request Count']:>6} "
            f"{row['Failure Count']:>4} {row['50%']:>6} {row['95%']:>6} {row['99%']:>6}"
        )
    total = next(r for r in rows if r["Name"] == "Aggregated")
    rate = float(total["Requests/s"])
    print(
        f"\nusers {args.users}, {args.seconds} s, gunicorn {args.workers} workers × "
        f"{args.threads} threads, {os.cpu_count()} cores; {rate:.1f} requests/s; "
        f"p95 {total['95%']} ms (goal < 300), errors {total['Failure Count']} (goal 0)"
    )
    before, after = (" ".join(f"{x:.2f}" for x in load) for load in loads)
    print(f"load average (1/5/15 min) before: {before}, after: {after}")
    return int(total["Request Count"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--port", type=int, default=8105)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="use the database a --keep run left (not dropped before or after)",
    )
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL server (the bench makes its own db).")
    bench_url, name, admin_url = _bench_url(url)
    if args.reuse:
        args.keep = True
    else:
        _admin(admin_url, f'DROP DATABASE IF EXISTS "{name}"')
        _admin(admin_url, f'CREATE DATABASE "{name}"')
    if args.keep:
        # A kept database needs the same secret and field keys next time (--reuse).
        data_dir = str(Path(tempfile.gettempdir()) / f"kt-load-{name}")
        os.makedirs(data_dir, mode=0o700, exist_ok=True)
    else:
        data_dir = tempfile.mkdtemp(prefix="kt-load-")
    env = {
        **os.environ,
        "DATABASE_URL": bench_url,
        # Longer than the run, so that the backends whose CPU time is counted stay the same.
        "DATABASE_CONN_MAX_AGE": str(args.seconds + 120),
        "KOHTAANTO_DATA_DIR": data_dir,
        "KOHTAANTO_DEBUG": "false",
        "AXES_ENABLED": "false",
    }
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    server = None
    try:
        started = time.perf_counter()
        env.update(_prepare(args.people, reuse=args.reuse))
        print(f"seeded {env['LOAD_PEOPLE']} job seekers in {time.perf_counter() - started:.0f} s")
        server = subprocess.Popen(
            [
                str(VENV_BIN / "gunicorn"),
                "kohtaanto.config.wsgi",
                f"--bind=127.0.0.1:{args.port}",
                f"--workers={args.workers}",
                f"--threads={args.threads}",
                # As docs/deploy.md runs it: the master builds the search and extraction
                # indexes once (the warm start) and the workers share them. Without it every
                # worker built them on its first header search, inside the measured minute.
                "--preload",
                # Longer than a client's pause between requests: with the default 2 s a kept-alive
                # connection can be closed just as the client reuses it (a reset, not a 5xx).
                "--keep-alive=75",
                "--log-level=warning",
            ],
            cwd=ROOT,
            env=env,
        )
        _wait_until_up(f"http://127.0.0.1:{args.port}/healthz", seconds=600)
        out = Path(data_dir) / "locust"
        loads = [os.getloadavg()]
        cpu_before = _cpu_sample(server.pid, name)
        children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(
            [
                str(VENV_BIN / "locust"),
                "-f",
                str(ROOT / "bench" / "load_locustfile.py"),
                "--headless",
                f"--users={args.users}",
                f"--spawn-rate={max(1, args.users // 5)}",
                f"--run-time={args.seconds}s",
                f"--host=http://127.0.0.1:{args.port}",
                f"--csv={out}",
                "--only-summary",
                "--stop-timeout=5",
                "--loglevel=WARNING",
            ],
            cwd=ROOT,
            env=env,
            check=False,
            timeout=args.seconds + 120,
        )
        loads.append(os.getloadavg())
        cpu = _cpu_used(cpu_before, _cpu_sample(server.pid, name))
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu["locust"] = (children.ru_utime + children.ru_stime) - (
            children_before.ru_utime + children_before.ru_stime
        )
        requests = _report(Path(f"{out}_stats.csv"), args, loads)
        # CPU time per request does not depend on how many other jobs share the cores (the
        # latencies above do): it says what the pages cost and how many a core can serve.
        if requests:
            per = {k: v / requests * 1000 for k, v in cpu.items()}
            print(
                "CPU per request: gunicorn {gunicorn:.1f} ms, PostgreSQL {postgres:.1f} ms, "
                "locust {locust:.1f} ms".format(**per)
                + f"; server side {per['gunicorn'] + per['postgres']:.1f} ms, i.e. about "
                f"{1000 / max(per['gunicorn'] + per['postgres'], 0.1):.0f} requests/s per core"
            )
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        from django.db import connections

        connections.close_all()
        if not args.keep:
            _admin(admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
