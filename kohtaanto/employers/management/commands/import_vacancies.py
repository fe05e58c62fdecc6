"""kohtaanto import-vacancies FILE.jsonl — add or update vacancies by their external id."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from kohtaanto.employers.importing import add_import_arguments, import_command_run
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
        import_command_run(self, options, vacancies_import_jsonl)
