"""The business advisor's home: vacancies without candidates, companies not contacted lately."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Exists, Max, OuterRef, Q
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.employers import selectors as employers
from kohtaanto.employers.models import (
    Activity,
    Company,
    Vacancy,
    VacancyState,
)
from kohtaanto.home.charts import Chart, bar_chart
from kohtaanto.home.selectors.figures import LIST_LIMIT, Figure, month_label, months_back
from kohtaanto.matching.models import ShortlistCandidate

COMPANY_IDLE_DAYS = 90  # the "companies not contacted in 90 days"


@dataclass
class AdvisorHome:
    worklist: employers.Worklist
    vacancies_without_candidates: list[Vacancy]
    idle_companies: list[Company]
    idle_company_count: int
    figures: list[Figure]
    chart: Chart


def advisor_home(*, actor: User, today: datetime.date | None = None) -> AdvisorHome:
    day = today or timezone.localdate()
    work = employers.worklist(actor=actor, today=day)
    candidates = ShortlistCandidate.objects.filter(shortlist__vacancy=OuterRef("pk"))
    open_vacancies = employers.vacancy_list(actor=actor, state=VacancyState.OPEN)
    without = list(open_vacancies.filter(~Exists(candidates)))
    since = timezone.make_aware(
        datetime.datetime.combine(day - datetime.timedelta(days=COMPANY_IDLE_DAYS), datetime.time())
    )
    idle = (
        employers.company_list(actor=actor)
        .annotate(last_contact=Max("activities__occurred_at"))
        .filter(Q(last_contact__lt=since) | Q(last_contact__isnull=True))
        .order_by("last_contact", "name", "id")
    )
    months = months_back(day, 6)
    per_month = dict(
        Activity.objects.filter(
            company__in=employers.company_list(actor=actor).values("pk"),
            occurred_at__date__gte=months[0],
            occurred_at__date__lte=day,
        )
        .annotate(month=TruncMonth("occurred_at"))
        .values_list("month")
        .annotate(n=Count("id"))
        .values_list("month", "n")
    )
    by_month: dict[datetime.date, int] = defaultdict(int)
    for month, n in per_month.items():
        by_month[month.date() if isinstance(month, datetime.datetime) else month] += n
    idle_count = idle.count()
    figures = [
        Figure(
            _("Vastatut kartoitukset"),
            str(len(work.answered_surveys)),
            reverse("employers:worklist"),
        ),
        Figure(
            _("Avoimet työpaikat ilman ehdokkaita"),
            str(len(without)),
            reverse("employers:vacancy_list"),
        ),
        Figure(
            _("Yritykset ilman yhteyttä 90 päivään"), str(idle_count), reverse("employers:list")
        ),
        Figure(
            _("Avoimet tehtävät"),
            str(len(work.overdue_tasks) + len(work.upcoming_tasks)),
            reverse("employers:worklist"),
        ),
    ]
    chart = bar_chart(
        key="advisor-contacts",
        title=_("Yrityskontaktit kuukausittain"),
        row_header=_("Kuukausi"),
        series=[_("Kontaktit")],
        rows=[(month_label(m), [by_month.get(m, 0)]) for m in months],
    )
    return AdvisorHome(
        worklist=work,
        vacancies_without_candidates=without[:LIST_LIMIT],
        idle_companies=list(idle[:LIST_LIMIT]),
        idle_company_count=idle_count,
        figures=figures,
        chart=chart,
    )
