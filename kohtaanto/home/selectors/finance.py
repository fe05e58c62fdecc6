"""The finance officer's home: the year's appropriations, committed, paid and available."""

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.common.money import format_eur
from kohtaanto.finance import selectors as finance
from kohtaanto.home.charts import Chart, bar_chart
from kohtaanto.home.selectors.figures import Figure


@dataclass
class FinanceHome:
    summary: finance.YearSummary
    figures: list[Figure]
    chart: Chart


def finance_home(*, actor: User, today: datetime.date | None = None) -> FinanceHome:
    """The year's appropriation position per budget line (finance.selectors.year_summary)."""
    day = today or timezone.localdate()
    summary = finance.year_summary(actor=actor, year=day.year)
    total = summary.total
    url = reverse("finance:dashboard")
    figures = [
        Figure(_("Määrärahat"), format_eur(total.amount), url),
        Figure(_("Sidottu"), format_eur(total.committed), url),
        Figure(_("Maksettu"), format_eur(total.paid), url),
        Figure(_("Vapaana"), format_eur(total.available), url),
    ]
    chart = bar_chart(
        key="appropriations",
        title=_("Määrärahatilanne %(year)s") % {"year": day.year},
        row_header=_("Momentti"),
        series=[_("Määräraha"), _("Sidottu"), _("Maksettu")],
        rows=[
            (str(line.line), [line.total.amount, line.total.committed, line.total.paid])
            for line in summary.lines
        ],
        fmt=format_eur,
    )
    return FinanceHome(summary=summary, figures=figures, chart=chart)
