"""kohtaanto esf-indicators --from YYYY-MM-DD --to YYYY-MM-DD [--operation CODE]
[--format csv|json]

ESF+ common indicators (Regulation (EU) 2021/1057 Annex I) of the period, each figure in the
period in which it happens: outputs (EECO01–EECO17) by entry date, immediate results
(EECR01–EECR04, reached within four weeks of leaving) by exit date, longer-term results
(EECR05–EECR06) by exit date + 6 months. A period from the operation's start gives the
cumulative table. CSV columns: code,name,women,men,non_binary,total.
"""

import json
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kohtaanto.common.errors import DomainError
from kohtaanto.programme import exports, selectors
from kohtaanto.programme.models import Operation


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"not a date (YYYY-MM-DD): {value!r}") from None


class Command(BaseCommand):
    help = "Print the ESF+ common indicators of a period as CSV or JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--from", dest="start", required=True, help="YYYY-MM-DD")
        parser.add_argument("--to", dest="end", required=True, help="YYYY-MM-DD")
        parser.add_argument("--operation", help="operation code (default: the default one)")
        parser.add_argument("--format", choices=["csv", "json"], default="csv")

    def handle(self, *args: Any, **options: Any) -> None:
        start, end = _date(options["start"]), _date(options["end"])
        try:
            if options["operation"]:
                operation = Operation.objects.filter(code=options["operation"]).first()
                if operation is None:
                    raise CommandError(f"no operation with code {options['operation']!r}")
            else:
                operation = selectors.operation_default()
            table = selectors.indicator_table(operation=operation, start=start, end=end)
        except DomainError as error:
            raise CommandError(error.message) from None
        if options["format"] == "json":
            body = {
                "operation": operation.code,
                "from": start.isoformat(),
                "to": end.isoformat(),
                "indicators": exports.indicator_records(table),
            }
            self.stdout.write(json.dumps(body, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(exports.indicators_csv(table), ending="")
