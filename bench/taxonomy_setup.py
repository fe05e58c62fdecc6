"""Shared set-up of the taxonomy benchmarks: a throw-away database and the ESCO folder.

SQLite by default (a fresh file in a temporary folder); PostgreSQL when DATABASE_URL is set, in
a fresh `test_<name>` database created next to it and dropped afterwards, so the database the
URL names is never touched.
"""

import os
import platform
import resource
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ESCO = ROOT.parent / "shared" / "data" / "esco-en"
if os.environ.get("KOHTAANTO_ESCO_DIR"):  # the same variable the vocabulary check reads
    DEFAULT_ESCO = Path(os.environ["KOHTAANTO_ESCO_DIR"])


def esco_folder(path: str | None) -> Path:
    folder = Path(path) if path else DEFAULT_ESCO
    if not (folder / "occupationSkillRelations.csv").is_file():
        sys.exit(
            f"ESCO folder not found or incomplete: {folder}\n"
            "Download the ESCO CSV classification (e.g. v1.1.1, English) and pass --esco PATH."
        )
    return folder


def setup_database() -> tuple[str, object]:
    """Point Django at a fresh, migrated database; returns (description, teardown)."""
    tmp = tempfile.mkdtemp(prefix="kohtaanto-bench-")
    (Path(tmp) / "static").mkdir()
    os.environ.setdefault("KOHTAANTO_DATA_DIR", tmp)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kohtaanto.config.settings")
    # As in production: no per-query debug logging.
    os.environ.setdefault("KOHTAANTO_DEBUG", "false")
    if not os.environ.get("DATABASE_URL"):
        os.environ["KOHTAANTO_TEST_SQLITE"] = str(Path(tmp) / "bench.sqlite3")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection

    name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    if connection.vendor == "sqlite":
        vendor = f"SQLite {connection.Database.sqlite_version}"
    else:
        vendor = f"PostgreSQL {connection.pg_version // 10000}.{connection.pg_version % 10000}"

    def teardown() -> None:
        connection.creation.destroy_test_db(name, verbosity=0)

    return f"{vendor} ({name})", teardown


def machine() -> str:
    return f"{os.cpu_count()} cores, Python {platform.python_version()}"


def rss_mib() -> float:
    """Resident memory now (Linux)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mib() -> float:
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
