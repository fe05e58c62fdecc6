"""kohtaanto import-companies FILE.csv — add or update companies of an employment area."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from kohtaanto.employers.importing import add_import_arguments, import_command_run
from kohtaanto.employers.services.imports import companies_import_csv


class Command(BaseCommand):
    help = (
        "Import companies from CSV (business_id, name, municipality, industry_code, size_class;"
        " optional employees, turnover_eur, balance_sheet_eur). All or nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        add_import_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        import_command_run(self, options, companies_import_csv)
