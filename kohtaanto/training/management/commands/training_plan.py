"""kohtaanto training-plan --budget EUR [--format json] [--area CODE]

Prints the purchase plan for the area's current skill gaps, computed by the same selector as
the plan page: {"budget", "cost", "expected_placements", "purchases": [{"programme", "seats",
"cost"}]} with --format json, a table otherwise.
"""

import json
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kohtaanto.accounts.models import EmploymentArea
from kohtaanto.common.errors import DomainError
from kohtaanto.training.selectors import area_training_plan


class Command(BaseCommand):
    help = "Print the training purchase plan for a budget and the area's skill gaps."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--budget", required=True, help="euros, e.g. 150000 or 150000,00")
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument("--area", default="keski-pohjanmaa", help="employment area code")
        parser.add_argument(
            "--on", type=date.fromisoformat, help="plan for programmes starting on or after"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        area = EmploymentArea.objects.filter(code=options["area"]).first()
        if area is None:
            raise CommandError(f"no employment area with code {options['area']!r}")
        try:
            plan = area_training_plan(area=area, budget=options["budget"], on=options["on"])
        except DomainError as exc:
            raise CommandError(exc.message) from None
        if plan.status == "no_gaps":
            raise CommandError(plan.message)
        if options["format"] == "json":
            self.stdout.write(json.dumps(plan.as_dict(), ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"Budget {plan.budget} EUR, {plan.gap_count} skill gaps")
        for p in plan.purchases:
            self.stdout.write(
                f"  {p.programme.name_fi:<50} {p.seats:>3} seats {p.cost:>12} EUR "
                f"{p.expected_placements:>6.2f} placements"
            )
        self.stdout.write(
            f"Cost {plan.cost} EUR, expected placements {plan.expected_placements}"
            + (f" ({plan.message})" if plan.message else "")
        )
