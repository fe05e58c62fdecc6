"""kohtaanto esf-budget --annual-cost 52000 --person-years 1 --years 3 [--start-year 2026]

Prints the staff costs, the flat-rate costs (CPR (EU) 2021/1060 Art. 56(1)) and the total per
year and in all — computed by the same service as the budget page.
"""

from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.common.errors import DomainError
from kohtaanto.programme import selectors
from kohtaanto.programme.budget import format_amount
from kohtaanto.programme.models import Operation


def _decimal(value: str) -> Decimal:
    try:
        number = Decimal(value.replace(",", ".").replace(" ", ""))
    except InvalidOperation:
        raise CommandError(f"not a number: {value!r}") from None
    if not number.is_finite() or number < 0:
        raise CommandError(f"not a non-negative number: {value!r}")
    return number


class Command(BaseCommand):
    help = "Print an ESF+ staff budget with the flat rate per year and in all."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--annual-cost", required=True, help="annual gross employment cost €")
        parser.add_argument("--person-years", default="1", help="person-years per year")
        parser.add_argument("--years", type=int, required=True)
        parser.add_argument(
            "--start-year",
            type=int,
            help="first calendar year (default: the default operation's, else this year)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        annual_cost = _decimal(options["annual_cost"])
        person_years = _decimal(options["person_years"])
        start_year = options["start_year"]
        if start_year is None:
            default = Operation.objects.filter(is_default=True).order_by("start_date").first()
            start_year = default.start_date.year if default else timezone.localdate().year
        try:
            budget = selectors.budget_plan(
                annual_cost=annual_cost,
                person_years=person_years,
                start_year=start_year,
                years=options["years"],
            )
        except DomainError as error:
            raise CommandError(error.message) from None
        percent = budget.rows[0].flat_rate_percent
        header = (
            _("Vuosi"),
            _("Henkilöstökulut"),
            _("Kiinteä %(percent)s %%") % {"percent": f"{percent.normalize():f}"},
            _("Yhteensä"),
        )
        line = "{:<10}{:>18}{:>18}{:>18}"
        self.stdout.write(line.format(*header))
        for row in budget.rows:
            self.stdout.write(
                line.format(
                    row.label,
                    format_amount(row.staff),
                    format_amount(row.flat_rate),
                    format_amount(row.total),
                )
            )
        self.stdout.write(
            line.format(
                _("Yhteensä"),
                format_amount(budget.staff),
                format_amount(budget.flat_rate),
                format_amount(budget.total),
            )
        )
        if budget.is_small_operation:
            self.stderr.write(
                _(
                    "Varoitus: kokonaiskustannukset ovat enintään %(limit)s €, joten tuki "
                    "maksetaan vain yksinkertaistettuina kustannusmalleina (CPR 53 art. 2 "
                    "kohta). Tarkista kustannusmalli rahoittajalta."
                )
                % {"limit": format_amount(budget.threshold)}
            )
