"""Warm start: the first extraction and concept search after a web process starts, and its memory.

    python bench/extraction_warm_start.py [--esco ../shared/data/esco-en] [--workers 3]

Makes a throw-away SQLite database with the shipped vocabulary (and the English ESCO download
when --esco is given), then starts fresh Python processes that load the WSGI application as a
web worker does, twice: with the warm start off (KOHTAANTO_WARM_START=0: the indexes are built
by the first request) and on (built while the application loads). Each prints the time to load
the application, the first and the median of the next ten extractions and concept searches,
and the resident memory after them. With --workers N, also as `gunicorn --preload` runs it: one
process loads the application (warm start on) and forks N workers; each worker makes the same
requests, and the memory of every process is read from /proc/PID/smaps_rollup while all are
alive: RSS, PSS (shared pages divided among the processes sharing them) and USS (pages only
that process has). 2 cores shared with other jobs: read the figures with a margin.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXT = "Haemme CNC-koneistajaa. Edellytämme trukkikorttia ja sujuvaa ruotsia."
QUERY = "hitsaus"


def child() -> None:
    """One web worker's start: load the application, then time requests."""
    started = time.perf_counter()
    from kohtaanto.config.wsgi import application  # noqa: F401  (loads and warms as gunicorn)

    load = time.perf_counter() - started
    from kohtaanto.extraction.engine import extract
    from kohtaanto.taxonomy.search import concept_index_search

    def timed(call: object) -> list[float]:
        times = []
        for _ in range(11):
            begin = time.perf_counter()
            call()  # type: ignore[operator]
            times.append(time.perf_counter() - begin)
        return times

    extraction = timed(lambda: extract(TEXT))
    search = timed(lambda: concept_index_search(QUERY))
    with open("/proc/self/statm") as statm:
        rss = int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    print(
        json.dumps(
            {
                "load_s": load,
                "first_extract_s": extraction[0],
                "later_extract_s": statistics.median(extraction[1:]),
                "first_search_s": search[0],
                "later_search_s": statistics.median(search[1:]),
                "rss_mib": rss,
            }
        )
    )


def memory(pid: int) -> dict[str, float]:
    """RSS, PSS and USS of a process in MiB (smaps_rollup)."""
    fields: dict[str, float] = {}
    with open(f"/proc/{pid}/smaps_rollup") as rollup:
        for line in rollup:
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                fields[parts[0].rstrip(":")] = int(parts[1]) / 1024
    uss = fields.get("Private_Clean", 0.0) + fields.get("Private_Dirty", 0.0)
    return {"rss": fields.get("Rss", 0.0), "pss": fields.get("Pss", 0.0), "uss": uss}


def forked(workers: int) -> None:
    """The preloading master: load (warm start on), fork the workers, each makes the requests;
    print every process's memory while all are alive, as JSON."""
    started = time.perf_counter()
    from kohtaanto.config.wsgi import application  # noqa: F401

    load = time.perf_counter() - started
    from kohtaanto.extraction.engine import extract
    from kohtaanto.taxonomy.search import concept_index_search

    done_r, done_w = os.pipe()
    go_r, go_w = os.pipe()
    pids = []
    for _ in range(workers):
        pid = os.fork()
        if pid == 0:
            first = time.perf_counter()
            extract(TEXT)
            first_s = time.perf_counter() - first
            for _ in range(10):
                extract(TEXT)
                concept_index_search(QUERY)
            os.write(done_w, f"{first_s:.4f}\n".encode())
            os.read(go_r, 1)  # stay alive until the master has read the memory
            os._exit(0)
        pids.append(pid)
    firsts: list[float] = []
    buffer = b""
    while len(firsts) < workers:
        buffer += os.read(done_r, 4096)
        *lines, rest = buffer.split(b"\n")
        firsts += [float(x) for x in lines if x]
        buffer = rest
    figures = {
        "load_s": load,
        "first_extract_s": firsts,
        "master": memory(os.getpid()),
        "workers": [memory(pid) for pid in pids],
    }
    os.write(go_w, b"x" * workers)
    for pid in pids:
        os.waitpid(pid, 0)
    print(json.dumps(figures))


def run_json(arguments: list[str], env: dict[str, str]) -> dict:
    """This script again in a fresh process; the JSON of its last output line."""
    output = subprocess.run(
        [sys.executable, __file__, *arguments],
        env=env,
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--esco", help="also import this English ESCO download")
    parser.add_argument(
        "--workers", type=int, default=0, help="also fork this many workers after a preload"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--forked", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    if args.child:
        child()
        return
    if args.forked:
        forked(args.forked)
        return
    data = tempfile.mkdtemp(prefix="kohtaanto-warm-")
    (Path(data) / "static").mkdir()
    env = {
        **os.environ,
        "KOHTAANTO_DATA_DIR": data,
        "KOHTAANTO_DEBUG": "false",
        "DJANGO_SETTINGS_MODULE": "kohtaanto.config.settings",
    }
    env.pop("DATABASE_URL", None)
    kohtaanto = [str(Path(sys.executable).parent / "kohtaanto")]
    setup = [["migrate", "-v", "0"], ["load-vocabulary"]]
    if args.esco:
        setup.append(["import-esco", args.esco])
    for command in setup:
        subprocess.run(
            [*kohtaanto, *command], env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL
        )
    print(f"taxonomy: shipped vocabulary{' + English ESCO' if args.esco else ''} (SQLite)")
    print(
        f"{'warm start':10} {'load s':>7} {'1st extract':>11} {'later':>7} "
        f"{'1st search':>10} {'later':>7} {'RSS MiB':>8}"
    )
    for warm in ("0", "1"):
        figures = run_json(["--child"], {**env, "KOHTAANTO_WARM_START": warm})
        print(
            f"{'on' if warm == '1' else 'off':10} {figures['load_s']:7.2f} "
            f"{figures['first_extract_s']:11.3f} {figures['later_extract_s']:7.4f} "
            f"{figures['first_search_s']:10.3f} {figures['later_search_s']:7.4f} "
            f"{figures['rss_mib']:8.0f}"
        )
    if args.workers:
        figures = run_json(["--forked", str(args.workers)], {**env, "KOHTAANTO_WARM_START": "1"})
        print(
            f"preload + {args.workers} forked workers (as gunicorn --preload): load "
            f"{figures['load_s']:.2f} s; first extraction in each worker "
            + ", ".join(f"{x:.3f} s" for x in figures["first_extract_s"])
        )
        print(f"{'process':10} {'RSS MiB':>8} {'PSS MiB':>8} {'USS MiB':>8}")
        rows = [("master", figures["master"])]
        rows += [(f"worker {i + 1}", m) for i, m in enumerate(figures["workers"])]
        for name, m in rows:
            print(f"{name:10} {m['rss']:8.0f} {m['pss']:8.0f} {m['uss']:8.0f}")
        total = sum(m["pss"] for _, m in rows)
        print(f"{'together':10} {'':8} {total:8.0f}   (sum of PSS: the memory all of them use)")


if __name__ == "__main__":
    main()
