"""kohtaanto import-participants FILE.csv [--operation CODE]

Imports ESF+ participants from a UTF-8 CSV file with a header row (comma or semicolon
separated). Columns: external_id, first_name, last_name, personal_identity_code (optional),
gender (woman|man|non_binary), birth_date (YYYY-MM-DD), municipality (code or name),
entry_date, exit_date (optional), labour_market_status
(unemployed|inactive|employed|self_employed), unemployed_since (required when unemployed),
isced_level (0–8, empty = unknown), disability, third_country_national, foreign_background,
minority, homeless, rural (each yes|no|refused), exit_job_searching, exit_in_education,
exit_qualification, exit_employed, six_month_employed, six_month_improved (each yes|no|empty).

All or nothing: any invalid row rejects the whole file and every error is printed as
line, column and reason. Importing the same file again changes nothing.
"""

from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from kohtaanto.common.errors import ImportRejectedError
from kohtaanto.common.imports import report_rejection
from kohtaanto.jobseekers.importers import decode_file, participants_import
from kohtaanto.jobseekers.models import operation_model

if TYPE_CHECKING:
    from kohtaanto.programme.models import Operation


def read_file(path: str) -> bytes:
    file = Path(path)
    if not file.is_file():
        raise CommandError(f"{path}: no such file")
    return file.read_bytes()


class Command(BaseCommand):
    help = "Import ESF+ participants from a CSV file (all or nothing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument(
            "--operation", help="operation code (default: the area's default operation)"
        )
        parser.add_argument(
            "--encoding", help="the file's encoding when it is not UTF-8 (e.g. latin-1)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        operation = self._operation(options.get("operation"))
        name = Path(options["file"]).name
        try:
            text = decode_file(
                read_file(options["file"]), filename=name, encoding=options.get("encoding")
            )
            result = participants_import(
                text=text,
                operation=operation,
                filename=name,
                progress=lambda rows: tqdm(rows, desc="participants", unit="row", file=self.stderr),
            )
        except ImportRejectedError as exc:
            raise report_rejection(self, exc) from exc
        self.stdout.write(
            f"{operation.code}: {result.created} created, {result.updated} updated, "
            f"{result.unchanged} unchanged."
        )

    def _operation(self, code: str | None) -> "Operation":
        Operation = operation_model()  # noqa: N806
        if code:
            operation = Operation.objects.filter(code=code).first()
            if operation is None:
                known = ", ".join(Operation.objects.order_by("code").values_list("code", flat=True))
                raise CommandError(f"unknown operation {code!r}; known operations: {known}")
            return operation
        defaults = list(Operation.objects.filter(is_default=True).order_by("code"))
        if len(defaults) != 1:
            raise CommandError(
                "give --operation CODE: "
                + (
                    "no default operation exists"
                    if not defaults
                    else "several areas have a default"
                )
            )
        return defaults[0]
