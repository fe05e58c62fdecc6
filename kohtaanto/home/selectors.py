"""What each role's home page shows, read through each app's own scoped selectors.

Rules of the figures (each names its source next to the code):
- six-month follow-ups, expiring consents and clients without contact: `jobseekers.selectors.
  worklist` (the same lists as the counsellor's work list), with 60 days without contact;
- four-week result checks: an ESF+ immediate result is the situation reached within four weeks
  of leaving (Regulation (EU) 2021/1057 Annex I); a participation whose exit date has passed and
  whose four exit answers are all still empty is due, by exit date + 28 days;
- participants in and out: entries counted by entry date, exits by exit date, in the month they
  happen (Annex I: outputs by entry, results by exit);
- indicators: `programme.selectors.indicator_table` from the operation's start to today
  (cumulative), against the targets recorded for the operation (`IndicatorTarget`);
- money: the operation's budget (`budget_for_operation`) against what submitted cost reports
  claimed (`money_summary`); the year's appropriations from `finance.selectors.year_summary`.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Exists, Max, OuterRef, Q
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import Role, User
from kohtaanto.common.dates import add_months
from kohtaanto.common.errors import DomainError, NotFoundError
from kohtaanto.common.money import format_eur
from kohtaanto.employers import selectors as employers
from kohtaanto.employers.models import (
    Activity,
    Company,
    ProgrammeRole,
    ReadinessAssessment,
    Vacancy,
    VacancyState,
)
from kohtaanto.finance import selectors as finance
from kohtaanto.home.charts import Chart, bar_chart
from kohtaanto.home.models import IndicatorTarget
from kohtaanto.jobseekers import selectors as jobseekers
from kohtaanto.jobseekers.models import Participation
from kohtaanto.matching import selectors as matching
from kohtaanto.matching.models import ShortlistCandidate
from kohtaanto.programme import selectors as programme
from kohtaanto.programme.models import Operation
from kohtaanto.training import selectors as training
from kohtaanto.training.models import Enrolment

IDLE_DAYS = 60  # the "clients without contact in 60 days"
RESULT_WINDOW_DAYS = 28  # Annex I: immediate results within four weeks of leaving
NEW_VACANCY_DAYS = 14  # "new" vacancies for the counsellor's new matches
NEW_MATCH_VACANCIES = 8  # newest vacancies ranked for the home page
NEW_MATCH_TOP = 3  # best clients shown per new vacancy
COMPANY_IDLE_DAYS = 90  # the "companies not contacted in 90 days"
DASHBOARD_MONTHS = 12
LIST_LIMIT = 8
# The indicators the coordinator's chart shows when the operation has no targets recorded.
KEY_INDICATORS = ("EECO01", "EECO02", "EECO03", "EECO19", "EECR02", "EECR04", "EECR05")


@dataclass
class Figure:
    label: str
    value: str
    url: str = ""


def _month_label(month: datetime.date) -> str:
    return date_format(month, "YEAR_MONTH_FORMAT")


def _months(today: datetime.date, count: int) -> list[datetime.date]:
    first = today.replace(day=1)
    return [add_months(first, -i) for i in range(count - 1, -1, -1)]


# --- counsellor ----------------------------------------------------------------------------


@dataclass
class NewMatch:
    vacancy: Vacancy
    job_seeker_id: int
    name: str
    score: float


@dataclass
class CounsellorHome:
    worklist: jobseekers.Worklist
    result_checks: list[tuple[Participation, datetime.date]]
    new_matches: list[NewMatch]
    clients: int
    figures: list[Figure]
    chart: Chart


def result_checks_due(
    *, actor: User, today: datetime.date
) -> list[tuple[Participation, datetime.date]]:
    """Exits whose immediate result (Annex I, within four weeks of leaving) is not recorded,
    with the day the four weeks end; the person must be one the actor may see."""
    people = jobseekers.job_seeker_list(actor=actor, mine=actor.role == Role.COUNSELLOR)
    rows = (
        Participation.objects.filter(
            job_seeker__in=people.values("pk"),
            exit_date__isnull=False,
            exit_date__lte=today,
            exit_results_on__isnull=True,
            exit_job_searching__isnull=True,
            exit_in_education__isnull=True,
            exit_qualification__isnull=True,
            exit_employed__isnull=True,
        )
        .select_related("job_seeker", "operation")
        .order_by("exit_date", "id")
    )
    window = datetime.timedelta(days=RESULT_WINDOW_DAYS)
    return [(p, p.exit_date + window) for p in rows if p.exit_date is not None]


def new_matches(*, actor: User, today: datetime.date) -> list[NewMatch]:
    """The actor's visible people who rank best for vacancies opened in the last two weeks
    (matching's own ranking and its rules: consent, hard requirements, visibility)."""
    since = today - datetime.timedelta(days=NEW_VACANCY_DAYS)
    vacancies = (
        Vacancy.objects.filter(
            employment_area_id=actor.employment_area_id,
            state=VacancyState.OPEN,
        )
        .filter(
            Q(published_at__date__gte=since)
            | Q(published_at__isnull=True, created_at__date__gte=since)
        )
        .select_related("company")
        .order_by("-published_at", "-created_at", "-id")[:NEW_MATCH_VACANCIES]
    )
    found: list[tuple[Vacancy, Any]] = []
    for vacancy in vacancies:
        if not actor.permissions.can_view_vacancy_candidates(vacancy):
            continue
        try:
            results = matching.job_seekers_for_vacancy(
                actor=actor, vacancy=vacancy, top=NEW_MATCH_TOP
            )
        except DomainError:
            continue  # a vacancy without skills has nobody to rank
        found.extend((vacancy, r) for r in results)
    names = {
        p.pk: str(p)
        for p in jobseekers.job_seeker_list(actor=actor).filter(
            pk__in={r.job_seeker_id for _, r in found}
        )
    }
    return [
        NewMatch(
            vacancy=v, job_seeker_id=r.job_seeker_id, name=names[r.job_seeker_id], score=r.score
        )
        for v, r in found
        if r.job_seeker_id in names
    ]


def counsellor_home(*, actor: User, today: datetime.date | None = None) -> CounsellorHome:
    day = today or timezone.localdate()
    work = jobseekers.worklist(actor=actor, today=day, idle_days=IDLE_DAYS)
    checks = result_checks_due(actor=actor, today=day)
    matches = new_matches(actor=actor, today=day)
    clients = jobseekers.job_seeker_list(actor=actor, mine=True, status="active").count()
    worklist_url = reverse("jobseekers:worklist")
    counts = [
        (_("Kuuden kuukauden seurannat"), len(work.follow_ups)),
        (_("Neljän viikon tulostilanteet"), len(checks)),
        (_("Päättyvät suostumukset"), len(work.expiring_consents)),
        (_("Uudet sopivat työpaikat"), len(matches)),
        (_("Ei yhteyttä 60 päivään"), len(work.idle_clients)),
        (_("Myöhässä olevat toimenpiteet"), len(work.overdue_actions)),
    ]
    figures = [Figure(_("Aktiiviset asiakkaasi"), str(clients), reverse("jobseekers:list"))]
    figures += [Figure(label, str(n), worklist_url) for label, n in counts[:3]]
    chart = bar_chart(
        key="counsellor-work",
        title=_("Työlistasi tänään"),
        row_header=_("Tehtävä"),
        series=[_("Lukumäärä")],
        rows=[(label, [n]) for label, n in counts],
    )
    return CounsellorHome(
        worklist=work,
        result_checks=checks,
        new_matches=matches,
        clients=clients,
        figures=figures,
        chart=chart,
    )


# --- business advisor ----------------------------------------------------------------------


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
    months = _months(day, 6)
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
        rows=[(_month_label(m), [by_month.get(m, 0)]) for m in months],
    )
    return AdvisorHome(
        worklist=work,
        vacancies_without_candidates=without[:LIST_LIMIT],
        idle_companies=list(idle[:LIST_LIMIT]),
        idle_company_count=idle_count,
        figures=figures,
        chart=chart,
    )


# --- coordinator (and auditor) -------------------------------------------------------------


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
    span = _months(today, months)
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
        rows=[(_month_label(m), [a, b]) for m, a, b in flow],
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


# --- finance -------------------------------------------------------------------------------


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


# --- partner -------------------------------------------------------------------------------


@dataclass
class PartnerHome:
    programmes: list[Any]
    figures: list[Figure]
    chart: Chart


def partner_home(*, actor: User, today: datetime.date | None = None) -> PartnerHome:
    """The partner's own training programmes and the enrolments it may see in them (persons
    only with their consent to share, as training.selectors.enrolment_list decides)."""
    day = today or timezone.localdate()
    programmes = list(training.programme_list(actor=actor).order_by("starts_on", "id"))
    rows = []
    for item in programmes:
        visible = training.enrolment_list(actor=actor, programme=item)
        rows.append(
            (item, visible.count(), visible.filter(status=Enrolment.Status.COMPLETED).count())
        )
    current = [r for r in rows if r[0].ends_on >= day]
    figures = [
        Figure(_("Koulutukset"), str(len(programmes)), reverse("training:home")),
        Figure(_("Käynnissä tai alkamassa"), str(len(current)), reverse("training:home")),
        Figure(_("Ilmoittautuneet"), str(sum(r[1] for r in rows)), reverse("training:home")),
        Figure(_("Suorittaneet"), str(sum(r[2] for r in rows)), reverse("training:home")),
    ]
    chart = bar_chart(
        key="partner-enrolments",
        title=_("Ilmoittautuneet ja suorittaneet koulutuksittain"),
        row_header=_("Koulutus"),
        series=[_("Ilmoittautuneet"), _("Suorittaneet")],
        rows=[(r[0].name(), [r[1], r[2]]) for r in rows[: LIST_LIMIT * 2]],
    )
    return PartnerHome(
        programmes=[r[0] for r in current][:LIST_LIMIT], figures=figures, chart=chart
    )
