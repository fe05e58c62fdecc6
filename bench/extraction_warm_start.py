"""Warm start: the first extraction and concept search after a web process starts, and its memory.

    python bench/extraction_warm_start.py [--esco ../shared/data/esco-en]

Makes a throw-away SQLite database with the shipped vocabulary (and the English ESCO download
when --esco is given), then starts fresh Python processes that load the WSGI application as a
web worker does, twice: with the warm start off (KOHTAANTO_WARM_START=0: the indexes are built
by the first request) and on (built while the application loads). Each prints the time to load
the application, the first and the median of the next ten extractions and concept searches,
and the resident memory after them. 2 cores shared with other jobs: read the figures with a
margin.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--esco", help="also import this English ESCO download")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    if args.child:
        child()
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
        output = subprocess.run(
            [sys.executable, __file__, "--child"],
            env={**env, "KOHTAANTO_WARM_START": warm},
            check=True,
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout
        figures = json.loads(output.strip().splitlines()[-1])
        print(
            f"{'on' if warm == '1' else 'off':10} {figures['load_s']:7.2f} "
            f"{figures['first_extract_s']:11.3f} {figures['later_extract_s']:7.4f} "
            f"{figures['first_search_s']:10.3f} {figures['later_search_s']:7.4f} "
            f"{figures['rss_mib']:8.0f}"
        )


if __name__ == "__main__":
    main()
