"""Running an import: every error collected, all or nothing, progress and the report."""

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from tqdm import tqdm

from kohtaanto.common.errors import ImportRejectedError, RowError

if TYPE_CHECKING:
    from django.core.management.base import BaseCommand, CommandError

T = TypeVar("T")


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def __str__(self) -> str:
        return f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"


class ErrorCollector:
    """Every problem of one file. `raise_if_any()` refuses the import with all of them, sorted
    by line; called inside the import's transaction it also undoes whatever was written."""

    def __init__(self, filename: str = "") -> None:
        self.filename = filename
        self.errors: list[RowError] = []

    def __bool__(self) -> bool:
        return bool(self.errors)

    def add(self, line: int | None, field: str, reason: str) -> None:
        self.errors.append(RowError(line, field, reason, self.filename))

    def extend(self, errors: Iterable[RowError]) -> None:
        self.errors.extend(errors)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ImportRejectedError(sorted(self.errors, key=lambda e: (e.line or 0, e.field)))


def progress_bar(items: Iterable[T], *, desc: str, total: int | None = None) -> Iterator[T]:
    """Progress on a terminal only (disable=None), so logs and tests stay clean."""
    return iter(tqdm(items, total=total, desc=desc, unit="row", file=sys.stderr, disable=None))


def report_rejection(command: "BaseCommand", exc: ImportRejectedError) -> "CommandError":
    """Every error on its own line (file, line, column: reason), then the command's failure."""
    from django.core.management.base import CommandError

    for error in exc.errors:
        command.stderr.write(str(error))
    return CommandError(exc.message)
