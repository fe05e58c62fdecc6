"""kohtaanto import-vacancies FILE.jsonl — add or update vacancies by their external id."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kohtaanto.common.errors import ImportRejectedError
from kohtaanto.common.imports import report_rejection
from kohtaanto.employers.importing import (
    add_import_arguments,
    import_actor,
    import_area,
    report_result,
)
from kohtaanto.employers.services.imports import vacancies_import_jsonl


class Command(BaseCommand):
    help = (
        "Import vacancies from JSON lines (external_id, company_business_id, title, occupation,"
        " municipality, positions, skills, requirements, closing_date). All or nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        add_import_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        area = import_area(options)
        actor = import_actor(options)
        try:
            with path.open(encoding="utf-8-sig") as stream:
                result = vacancies_import_jsonl(
                    actor=actor, area=area, stream=stream, file_name=path.name
                )
        except OSError as exc:
            raise CommandError(f"{path}: {exc.strerror}") from exc
        except UnicodeDecodeError as exc:
            raise CommandError(f"{path}: not UTF-8 text ({exc.reason}).") from exc
        except ImportRejectedError as exc:
            raise report_rejection(self, exc) from exc
        report_result(self, result)
