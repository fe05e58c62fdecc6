"""What the employer import commands share: choosing the area and the acting user, and the
summary line (the rejection report is the import kit's, common.imports.report_rejection)."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kohtaanto.accounts.models import EmploymentArea, User
from kohtaanto.common.errors import ImportRejectedError
from kohtaanto.common.imports import ImportResult, report_rejection


def add_import_arguments(parser: CommandParser) -> None:
    parser.add_argument(
        "--area", help="employment area code (needed when there is more than one area)"
    )
    parser.add_argument("--user", help="username recorded as the actor in the audit trail")


def import_area(options: dict[str, Any]) -> EmploymentArea:
    if options.get("area"):
        area = EmploymentArea.objects.filter(code=options["area"]).first()
        if area is None:
            raise CommandError(f"Unknown employment area {options['area']!r}.")
        return area
    areas = list(EmploymentArea.objects.all()[:2])
    if len(areas) != 1:
        raise CommandError("Give the employment area with --area CODE.")
    return areas[0]


def import_actor(options: dict[str, Any]) -> User | None:
    if not options.get("user"):
        return None
    user = User.objects.filter(username=options["user"]).first()
    if user is None:
        raise CommandError(f"Unknown user {options['user']!r}.")
    return user


def report_result(command: BaseCommand, result: ImportResult) -> None:
    command.stdout.write(
        f"created {result.created}, updated {result.updated}, unchanged {result.unchanged}"
    )


Importer = Callable[..., ImportResult]


def import_command_run(command: BaseCommand, options: dict[str, Any], importer: Importer) -> None:
    """Open the file, run `importer(actor=, area=, stream=, file_name=)` and report: the
    summary line, or every error and the command's failure. The file is handed over as bytes:
    the import kit decodes it and names the line of a byte that is not UTF-8."""
    path: Path = options["file"]
    area = import_area(options)
    actor = import_actor(options)
    try:
        with path.open("rb") as stream:
            result = importer(actor=actor, area=area, stream=stream, file_name=path.name)
    except OSError as exc:
        raise CommandError(f"{path}: {exc.strerror}") from exc
    except ImportRejectedError as exc:
        raise report_rejection(command, exc) from exc
    report_result(command, result)
