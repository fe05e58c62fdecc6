"""One ESCO CSV file read as rows, every problem collected with its file, line and column."""

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kohtaanto.common.errors import RowError
from kohtaanto.taxonomy.esco_files.records import MAX_ERRORS, Progress


class ErrorList:
    def __init__(self) -> None:
        self.items: list[RowError] = []

    def add(self, file: str, line: int | None, column: str, reason: str) -> None:
        self.items.append(RowError(line=line, field=column, reason=reason, file=file))

    @property
    def full(self) -> bool:
        return len(self.items) >= MAX_ERRORS


def detect_languages(folder: Path) -> list[str]:
    """Languages whose skills_<lang>.csv is in the folder, English first."""
    found = sorted(p.stem.split("_", 1)[1] for p in folder.glob("skills_*.csv"))
    return sorted(found, key=lambda lang: (lang != "en", lang))


class CsvFile:
    """Rows of one CSV file as dicts, with the line each record starts on."""

    def __init__(self, path: Path, required: Iterable[str], errors: ErrorList) -> None:
        self.path = path
        self.name = path.name
        self.required = list(required)
        self.errors = errors
        self.rows = 0

    def records(self, progress: Progress) -> Iterator[tuple[int, dict[str, str]]]:
        try:
            with self.path.open(encoding="utf-8-sig", newline="") as handle:
                reader = csv.reader(handle, strict=True)
                yield from self._records(reader, progress)
        except UnicodeDecodeError as exc:
            self.errors.add(self.name, None, "", f"not UTF-8 text ({exc.reason})")

    def _records(self, reader: Any, progress: Progress) -> Iterator[tuple[int, dict[str, str]]]:
        try:
            header = next(reader, None)
            if header is None:
                self.errors.add(self.name, 1, "", "the file is empty")
                return
            header = [h.strip() for h in header]
            missing = [c for c in self.required if c not in header]
            for column in missing:
                self.errors.add(self.name, 1, column, "column missing")
            if missing:
                return
            width = len(header)
            start = reader.line_num + 1
            for row in progress(reader, desc=self.name, unit=" rows"):
                line, start = start, reader.line_num + 1
                if not row or (len(row) == 1 and not row[0].strip()):
                    continue
                if len(row) > width:
                    self.errors.add(
                        self.name, line, "", f"{len(row)} fields, the header has {width}"
                    )
                    if self.errors.full:
                        return
                    continue
                self.rows += 1
                # ESCO leaves trailing empty cells out on some rows (skillsHierarchy).
                yield line, dict(zip(header, row + [""] * (width - len(row)), strict=True))
                if self.errors.full:
                    return
        except csv.Error as exc:
            self.errors.add(self.name, reader.line_num, "", f"broken CSV: {exc}")


def split_labels(cell: str) -> list[str]:
    return [label.strip() for label in cell.splitlines() if label.strip()]
