"""kohtaanto import-job-seekers FILE.jsonl [--area CODE]

Imports job seekers and their skills profiles, one JSON object a line:
{"external_id", "first_name", "last_name", "municipality", "skills": [{"uri", "level"}],
 "requirements": [uri], "target_occupations": [uri]}
A skill may name its "source" (self_assessed by default). All or nothing: any invalid line
rejects the whole file and every error is printed as line, field and reason. People are
matched on external_id in the area; importing the same file again changes nothing.
"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from kohtaanto.accounts.models import EmploymentArea
from kohtaanto.common.errors import ImportRejectedError
from kohtaanto.common.imports import report_rejection
from kohtaanto.jobseekers.importers import job_seekers_import


class Command(BaseCommand):
    help = "Import job seekers with skills profiles from a JSON Lines file (all or nothing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument("--area", help="employment area code (default: the only area)")
        parser.add_argument(
            "--encoding", help="the file's encoding when it is not UTF-8 (e.g. latin-1)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        area = self._area(options.get("area"))
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        name = path.name
        try:
            result = job_seekers_import(
                path=path,
                encoding=options.get("encoding"),
                area=area,
                filename=name,
                progress=lambda rows: tqdm(rows, desc="job seekers", unit="row", file=self.stderr),
            )
        except ImportRejectedError as exc:
            raise report_rejection(self, exc) from exc
        self.stdout.write(
            f"{area.code}: {result.created} created, {result.updated} updated, "
            f"{result.unchanged} unchanged."
        )

    def _area(self, code: str | None) -> EmploymentArea:
        if code:
            area = EmploymentArea.objects.filter(code=code).first()
            if area is None:
                raise CommandError(f"unknown employment area {code!r}")
            return area
        areas = list(EmploymentArea.objects.all()[:2])
        if len(areas) != 1:
            raise CommandError("give --area CODE: there is more than one employment area")
        return areas[0]
