"""The SQLite database and the data folder are for their owner only, whatever the umask."""

import os
import stat
import subprocess
import sys


def test_sqlite_file_and_data_folder_are_created_private(tmp_path):
    data = tmp_path / "data"
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import os; os.umask(0o022); from kohtaanto.config.cli import main; "
            "main(['kohtaanto', 'check'])",
        ],
        env={
            "PATH": os.environ.get("PATH", ""),
            "PYTHONPATH": os.getcwd(),
            "KOHTAANTO_DATA_DIR": str(data),
        },
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert stat.S_IMODE((data / "kohtaanto.sqlite3").stat().st_mode) == 0o600
    for secret in (".secret_key", ".field_key"):
        assert stat.S_IMODE((data / secret).stat().st_mode) == 0o600


def test_existing_world_readable_database_is_made_private(tmp_path):
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    database = data / "kohtaanto.sqlite3"
    database.touch(mode=0o644)
    database.chmod(0o644)
    subprocess.run(
        [sys.executable, "-m", "kohtaanto", "check"],
        env={
            "PATH": os.environ.get("PATH", ""),
            "PYTHONPATH": os.getcwd(),
            "KOHTAANTO_DATA_DIR": str(data),
        },
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
