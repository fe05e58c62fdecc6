"""Errors that services raise and views/API turn into clear answers (never a 500)."""

from collections.abc import Iterable
from dataclasses import dataclass


class DomainError(Exception):
    """A rule of the domain refused the operation; nothing was changed."""

    status_code = 400
    code = "invalid"
    # The input field the refusal is about, when there is one: forms show the message next to
    # it (common.forms.show_refusal), the API names it.
    field: str | None = None

    def __init__(self, message: str, *, code: str | None = None, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        if field:
            self.field = field


class ConflictError(DomainError):
    """The request is valid but the current state refuses it (e.g. not enough money left)."""

    status_code = 409
    code = "conflict"


class NotFoundError(DomainError):
    """Missing or not the actor's: the same answer for both."""

    status_code = 404
    code = "not_found"


@dataclass(frozen=True)
class RowError:
    """One problem in imported data: where it is and why it was refused."""

    line: int | None
    field: str
    reason: str
    file: str = ""

    def __str__(self) -> str:
        where = []
        if self.file:
            where.append(self.file)
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.field:
            where.append(self.field)
        return f"{', '.join(where)}: {self.reason}" if where else self.reason


class ImportRejectedError(DomainError):
    """A whole import was refused; `errors` lists every problem found."""

    code = "import_rejected"

    def __init__(self, errors: Iterable[RowError]) -> None:
        self.errors = list(errors)
        super().__init__(f"{len(self.errors)} error(s); nothing was imported.")
