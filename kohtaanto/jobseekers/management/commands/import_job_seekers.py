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
from kohtaanto.jobseekers.importers import decode_file, job_seekers_import
from kohtaanto.jobseekers.management.commands.import_participants import (
    read_file,
    report_rejection,
)


class Command(BaseCommand):
    help = "Import job seekers with skills profiles from a JSON Lines file (all or nothing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument("--area", help="employment area code (default: the only area)")

    def handle(self, *args: Any, **options: Any) -> None:
        area = self._area(options.get("area"))
        name = Path(options["file"]).name
        try:
            text = decode_file(read_file(options["file"]), filename=name)
            result = job_seekers_import(
                text=text,
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
