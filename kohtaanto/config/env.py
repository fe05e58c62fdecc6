"""Reading settings from the environment, with clear messages for what is missing."""

import os
import secrets
import time
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, got {value!r}.") from exc


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def require(name: str, *, production: bool, dev_default: str) -> str:
    """Return the variable; in production a missing value stops start-up."""
    value = os.environ.get(name, "")
    if value:
        return value
    if production:
        raise ImproperlyConfigured(
            f"{name} must be set when KOHTAANTO_ENV=production (see docs/deploy.md)."
        )
    return dev_default


def private_dir(path: Path) -> Path:
    """Create `path` (and parents) if needed; the folder itself is for its owner only (0700)."""
    path.mkdir(parents=True, exist_ok=True)
    path.chmod(0o700)
    return path


def private_file(path: Path) -> Path:
    """Create `path` empty if missing, readable and writable by its owner only (0600).

    SQLite gives its -wal and -shm files the permissions of the database file.
    """
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    path.chmod(0o600)
    return path


def local_secret(data_dir: Path, filename: str) -> str:
    """A random secret kept in the data folder, for development and the demo only.

    Created exclusively, so that processes starting at the same time (web workers, the task
    worker, parallel test runs) all read the one secret that was written first.
    """
    path = data_dir / filename
    private_dir(data_dir)
    value = secrets.token_urlsafe(50)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as exists:
        for _ in range(50):
            existing = path.read_text().strip()
            if existing:
                return existing
            time.sleep(0.02)
        raise ImproperlyConfigured(
            f"{path} is empty; remove it to have a new secret made."
        ) from exists
    with os.fdopen(fd, "w") as handle:
        handle.write(value)
    return value
