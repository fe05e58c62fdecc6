"""The coordinator's (and auditor's) home: participants in and out, indicators against
targets, the budget, readiness before and after, enrolments."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.common.errors import DomainError, NotFoundError
from kohtaanto.common.money import format_eur
from kohtaanto.employers import selectors as employers
from kohtaanto.employers.models import (
    Company,
    ProgrammeRole,
    ReadinessAssessment,
)
from kohtaanto.home.charts import Chart, bar_chart
from kohtaanto.home.models import IndicatorTarget
from kohtaanto.home.selectors.figures import Figure, month_label, months_back
from kohtaanto.jobseekers.models import Participation
from kohtaanto.programme import selectors as programme
from kohtaanto.programme.models import Operation
from kohtaanto.training import selectors as training
from kohtaanto.training.models import Enrolment

DASHBOARD_MONTHS = 12
# The indicators the coordinator's chart shows when the operation has no targets recorded.
KEY_INDICATORS = ("EECO01", "EECO02", "EECO03", "EECO19", "EECR02", "EECR04", "EECR05")


@dataclass
class IndicatorProgress:
    code: str
    label: str
    achieved: int
    target: int | None

    @property
    def percent(self) -> int | None:
        if not self.target:
            return None
        return round(100 * self.achieved / self.target)


@dataclass
class ReadinessPair:
    company: Company
    first: ReadinessAssessment
    latest: ReadinessAssessment

    @property
    def first_total(self) -> int:
        return sum(self.first.scores().values())

    @property
    def latest_total(self) -> int:
        return sum(self.latest.scores().values())


@dataclass
class ProgrammeHome:
    operation: Operation
    today: datetime.date
    figures: list[Figure]
    flow_chart: Chart
    indicators: list[IndicatorProgress]
    indicator_chart: Chart
    money_chart: Chart
    budget_total: Decimal | None
    claimed_total: Decimal | None
    readiness: list[ReadinessPair]
    readiness_chart: Chart
    enrolments: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def participant_flow(
    *, operation: Operation, today: datetime.date, months: int = DASHBOARD_MONTHS
) -> list[tuple[datetime.date, int, int]]:
    """(month, entered, left) for the last `months` months of the operation, through today:
    entries by entry date and exits by exit date (Annex I)."""
    span = months_back(today, months)
    start, end = span[0], today
    base = Participation.objects.filter(operation=operation)
    entered = _count_by_month(base.filter(entry_date__gte=start, entry_date__lte=end), "entry_date")
    left = _count_by_month(base.filter(exit_date__gte=start, exit_date__lte=end), "exit_date")
    return [(m, entered.get(m, 0), left.get(m, 0)) for m in span]


def _count_by_month(qs: Any, date_field: str) -> dict[datetime.date, int]:
    rows = qs.annotate(month=TruncMonth(date_field)).values("month").annotate(n=Count("id"))
    return {r["month"]: r["n"] for r in rows}


def readiness_pairs(*, actor: User) -> list[ReadinessPair]:
    """Each pilot company's first and latest Industry 4.0 readiness assessment (companies with
    at least one; a single assessment is both)."""
    pilots = employers.company_list(actor=actor, programme_role=ProgrammeRole.PILOT_COMPANY)
    by_company: dict[int, list[ReadinessAssessment]] = defaultdict(list)
    for assessment in (
        ReadinessAssessment.objects.filter(company__in=pilots.values("pk"))
        .select_related("company")
        .order_by("company__name", "assessed_on", "id")
    ):
        by_company[assessment.company_id].append(assessment)
    return [
        ReadinessPair(company=items[0].company, first=items[0], latest=items[-1])
        for items in by_company.values()
    ]


def programme_home(*, actor: User, today: datetime.date | None = None) -> ProgrammeHome | None:
    """The programme dashboard of the actor's default operation; None without one."""
    day = today or timezone.localdate()
    try:
        operation = programme.operation_default_for_actor(actor=actor)
    except NotFoundError:
        return None
    end = min(day, operation.end_date)
    flow = participant_flow(operation=operation, today=end)
    # A missing rule (e.g. no calculation rules in force for a day) is shown as the page's
    # note and leaves that chart empty; the rest of the dashboard still shows.
    notes: list[str] = []
    try:
        table = programme.indicator_table(
            operation=operation, start=operation.start_date, end=max(end, operation.start_date)
        )
    except DomainError as exc:
        table, notes = [], [*notes, str(exc)]
    rows = {r.code: r for r in table}
    targets = dict(
        IndicatorTarget.objects.filter(operation=operation).values_list("code", "target")
    )
    codes = [c for c in rows if c in targets] or [c for c in KEY_INDICATORS if c in rows]
    progress = [
        IndicatorProgress(
            code=c,
            label=str(rows[c].indicator.label),
            achieved=rows[c].total,
            target=targets.get(c),
        )
        for c in codes
    ]
    has_targets = any(p.target is not None for p in progress)
    indicator_chart = bar_chart(
        key="indicators",
        title=_("Indikaattorit hankkeen alusta"),
        row_header=_("Indikaattori"),
        series=[_("Toteutunut"), _("Tavoite")] if has_targets else [_("Toteutunut")],
        rows=[
            (f"{p.code} {p.label}", [p.achieved, p.target or 0] if has_targets else [p.achieved])
            for p in progress
        ],
    )
    try:
        money = programme.money_summary(
            actor=actor,
            operation=operation,
            start=operation.start_date,
            end=max(end, operation.start_date),
        )
    except DomainError as exc:
        money, notes = None, [*notes, str(exc)]
    money_chart = bar_chart(
        key="money",
        title=_("Hankkeen budjetti ja haettu rahoitus"),
        row_header=_("Erä"),
        series=[_("Euroa")],
        rows=[
            (_("Budjetti yhteensä"), [money.budget_total]),
            (_("Haettu maksatushakemuksilla"), [money.claimed_total]),
        ]
        if money
        else [],
        fmt=format_eur,
    )
    pairs = readiness_pairs(actor=actor)
    readiness_chart = bar_chart(
        key="readiness",
        title=_("Pilottiyritysten Teollisuus 4.0 -valmius (0–30)"),
        row_header=_("Yritys"),
        series=[_("Ensimmäinen arvio"), _("Viimeisin arvio")],
        rows=[(p.company.name, [p.first_total, p.latest_total]) for p in pairs],
    )
    flow_chart = bar_chart(
        key="flow",
        title=_("Osallistujat kuukausittain"),
        row_header=_("Kuukausi"),
        series=[_("Aloittaneet"), _("Päättyneet")],
        rows=[(month_label(m), [a, b]) for m, a, b in flow],
    )
    enrolments = enrolment_counts(actor=actor)
    placements = rows["EECR04"].total if "EECR04" in rows else 0
    figures = [
        Figure(
            _("Osallistujia yhteensä"),
            str(rows["EECO01"].total if "EECO01" in rows else 0),
            reverse("programme:indicators"),
        ),
        Figure(
            _("Työllistyneet poistuessaan (EECR04)"),
            str(placements),
            reverse("programme:indicators"),
        ),
        Figure(
            _("Koulutuksiin ilmoittautuneet"),
            str(sum(enrolments.values())),
            reverse("training:home"),
        ),
        Figure(
            _("Haettu maksatushakemuksilla"),
            format_eur(money.claimed_total) if money else "–",
            reverse("programme:home"),
        ),
    ]
    return ProgrammeHome(
        operation=operation,
        today=day,
        figures=figures,
        flow_chart=flow_chart,
        indicators=progress,
        indicator_chart=indicator_chart,
        money_chart=money_chart,
        budget_total=money.budget_total if money else None,
        claimed_total=money.claimed_total if money else None,
        notes=notes,
        readiness=pairs,
        readiness_chart=readiness_chart,
        enrolments=enrolments,
    )


def enrolment_counts(*, actor: User) -> dict[str, int]:
    """Enrolments in the programmes the actor may see, by status (no persons are read)."""
    programmes = training.programme_list(actor=actor).values("pk")
    counts = dict.fromkeys(Enrolment.Status.values, 0)
    for row in (
        Enrolment.objects.filter(programme__in=programmes).values("status").annotate(n=Count("id"))
    ):
        counts[row["status"]] = row["n"]
    return counts
