"""Reads of the programme app, scoped to the actor's employment area.

Objects reach views only through `<thing>_get_for_actor`, which raises NotFoundError both for
a missing object and for one outside the actor's scope.
"""

import bisect
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import Role, User
from kohtaanto.common.dates import add_months, age_on
from kohtaanto.common.errors import DomainError, NotFoundError
from kohtaanto.jobseekers.validation import PARTICIPATION_RECORD_FIELDS
from kohtaanto.programme import budget as money
from kohtaanto.programme.indicators import (
    BY_CODE,
    LONGER_TERM_MONTHS,
    EntityFacts,
    IndicatorRow,
    LongTermUnemploymentRule,
    ParticipantFacts,
    age_group,
    compute_table,
)
from kohtaanto.programme.models import (
    ActivityAttachment,
    ActivityEntry,
    ActivityParticipant,
    CostReport,
    Implementer,
    Operation,
    OperationCompany,
    PaymentPeriod,
    Programme,
    ProgrammeRules,
    SalaryModel,
    SalaryPayment,
    StaffMember,
    StaffPosition,
    TimeRecord,
)
from kohtaanto.programme.quality import Problem, participant_problems, table_problems

# --- Dated rules --------------------------------------------------------------------------


class RulesBook:
    """All `ProgrammeRules` rows, read once, answering "which rules were in force on day X"."""

    def __init__(self, rows: Iterable[ProgrammeRules]) -> None:
        self.rows = sorted(rows, key=lambda r: r.valid_from)
        self._starts = [r.valid_from for r in self.rows]

    def on(self, day: date) -> ProgrammeRules:
        index = bisect.bisect_right(self._starts, day) - 1
        if index < 0:
            raise DomainError(
                _(
                    "Päivälle %(day)s ei ole voimassa hankkeen laskentasääntöjä. Lisää säännöt, "
                    "jotka ovat voimassa viimeistään tästä päivästä."
                )
                % {"day": f"{day:%Y-%m-%d}"},
                code="no_rules",
            )
        return self.rows[index]

    def rates(self, day: date) -> money.Rates:
        r = self.on(day)
        return money.Rates(
            flat_rate_percent=r.flat_rate_percent,
            annual_hours=r.annual_hours,
            small_operation_threshold_eur=r.small_operation_threshold_eur,
        )

    def ltu(self, day: date) -> LongTermUnemploymentRule:
        r = self.on(day)
        return LongTermUnemploymentRule(
            age_limit=r.ltu_age_limit,
            months_below_age=r.ltu_months_below_age,
            months_from_age=r.ltu_months_from_age,
        )


def rules_book() -> RulesBook:
    return RulesBook(ProgrammeRules.objects.all())


# --- Operations and the programme ---------------------------------------------------------


def operation_list(*, actor: User) -> QuerySet[Operation]:
    return (
        Operation.objects.filter(employment_area_id=actor.employment_area_id)
        .select_related("programme")
        .order_by("-is_default", "code")
    )


def operation_get_for_actor(*, actor: User, id: int | str) -> Operation:
    try:
        return operation_list(actor=actor).get(pk=id)
    except (Operation.DoesNotExist, ValueError, TypeError):
        raise NotFoundError("operation not found") from None


def operation_get_by_code(*, actor: User, code: str) -> Operation:
    try:
        return operation_list(actor=actor).get(code=code)
    except Operation.DoesNotExist:
        raise NotFoundError("operation not found") from None


def operation_default_for_actor(*, actor: User) -> Operation:
    """The actor's area's default operation, or else its first administered one."""
    operation = (
        operation_list(actor=actor).filter(administered_here=True).order_by("-is_default", "code")
    ).first()
    if operation is None:
        raise NotFoundError("no operation")
    return operation


def operation_default() -> Operation:
    """The default operation when there is exactly one (commands without --operation)."""
    defaults = list(Operation.objects.filter(is_default=True)[:2])
    if len(defaults) != 1:
        raise DomainError(
            _("Oletushankkeita ei ole tasan yksi; anna hankkeen tunnus (--operation)."),
            code="operation_required",
        )
    return defaults[0]


@dataclass
class ImplementerShare:
    implementer: Implementer
    share_percent: Decimal | None


def programme_overview(*, actor: User) -> list[Programme]:
    """The area's programmes with their operations, implementers and linked companies."""
    operations = (
        Operation.objects.filter(employment_area_id=actor.employment_area_id)
        .order_by("-is_default", "code")
        .prefetch_related(
            Prefetch(
                "implementers",
                queryset=Implementer.objects.select_related(
                    "partner_organisation", "employment_area"
                ).order_by("-role", "id"),  # the lead partner first
            ),
            Prefetch(
                "company_links",
                queryset=OperationCompany.objects.select_related("company").order_by(
                    "company__name"
                ),
            ),
        )
    )
    return list(
        Programme.objects.filter(employment_area_id=actor.employment_area_id)
        .select_related("lead_partner")
        .prefetch_related(Prefetch("operations", queryset=operations))
        .order_by("start_date", "code")
    )


def implementer_shares(operation: Operation) -> list[ImplementerShare]:
    """Each implementer with its share of the operation's budget (its budget over the sum of
    all implementers' budgets, when every implementer has one)."""
    implementers = list(operation.implementers.all())
    budgets = [i.budget_eur for i in implementers]
    total = sum((b for b in budgets if b is not None), money.ZERO)
    complete = all(b is not None for b in budgets) and total > 0
    return [
        ImplementerShare(
            i,
            money.to_cents(i.budget_eur / total * money.HUNDRED)
            if complete and i.budget_eur is not None
            else None,
        )
        for i in implementers
    ]


def implementer_get_for_actor(*, actor: User, id: int) -> Implementer:
    try:
        return Implementer.objects.get(
            pk=id, operation__employment_area_id=actor.employment_area_id
        )
    except (Implementer.DoesNotExist, ValueError, TypeError):
        raise NotFoundError("implementer not found") from None


def operation_company_get_for_actor(*, actor: User, id: int) -> OperationCompany:
    try:
        return OperationCompany.objects.select_related("company", "operation").get(
            pk=id, operation__employment_area_id=actor.employment_area_id
        )
    except (OperationCompany.DoesNotExist, ValueError, TypeError):
        raise NotFoundError("company link not found") from None


def payment_period_list(*, operation: Operation) -> QuerySet[PaymentPeriod]:
    return operation.payment_periods.order_by("number")


def staff_position_list(*, operation: Operation) -> QuerySet[StaffPosition]:
    return operation.staff_positions.select_related("staff_member").order_by(
        "staff_member__name", "start_date"
    )


def staff_position_get_for_actor(*, actor: User, id: int) -> StaffPosition:
    try:
        return StaffPosition.objects.select_related("operation", "staff_member").get(
            pk=id, operation__employment_area_id=actor.employment_area_id
        )
    except (StaffPosition.DoesNotExist, ValueError, TypeError):
        raise NotFoundError("position not found") from None


def staff_member_list(*, actor: User) -> QuerySet[StaffMember]:
    return StaffMember.objects.filter(employment_area_id=actor.employment_area_id).order_by("name")


def _staff_lines(positions: Iterable[StaffPosition]) -> list[money.StaffLine]:
    return [
        money.StaffLine(
            label=str(p),
            annual_cost=p.annual_gross_cost,
            person_years=p.person_years,
            start=p.start_date,
            end=p.end_date,
        )
        for p in positions
    ]


def budget_for_operation(
    *, operation: Operation, by: str = "year", book: RulesBook | None = None
) -> money.Budget:
    """The operation's budget from its staff positions, per calendar year or per payment
    period (`by="period"`). The same computation as `budget_plan` (the esf-budget command)."""
    book = book or rules_book()
    if by == "period":
        spans = [
            money.Span(str(p.number), p.start_date, p.end_date)
            for p in payment_period_list(operation=operation)
        ]
    else:
        spans = money.year_spans(operation.start_date, operation.end_date)
    return money.budget_compute(
        _staff_lines(staff_position_list(operation=operation)), spans, book.rates
    )


def budget_plan(
    *, annual_cost: Decimal, person_years: Decimal, start_year: int, years: int
) -> money.Budget:
    """A budget for one staff post over whole calendar years (the esf-budget command)."""
    if years < 1:
        raise DomainError(_("Vuosia on oltava vähintään yksi."), code="invalid")
    start, end = date(start_year, 1, 1), date(start_year + years - 1, 12, 31)
    line = money.StaffLine("", annual_cost, person_years, start, end)
    return money.budget_compute([line], money.year_spans(start, end), rules_book().rates)


# --- Time records -------------------------------------------------------------------------


def time_record_list(
    *, actor: User, year: int, staff_member_id: int | None = None
) -> QuerySet[TimeRecord]:
    qs = TimeRecord.objects.filter(
        position__operation__employment_area_id=actor.employment_area_id, date__year=year
    ).select_related("position__staff_member", "position__operation")
    if staff_member_id is not None:
        qs = qs.filter(position__staff_member_id=staff_member_id)
    return qs.order_by("position__staff_member__name", "date", "id")


def time_record_get_for_actor(*, actor: User, id: int) -> TimeRecord:
    try:
        return TimeRecord.objects.select_related(
            "position__operation", "position__staff_member"
        ).get(pk=id, position__operation__employment_area_id=actor.employment_area_id)
    except (TimeRecord.DoesNotExist, ValueError, TypeError):
        raise NotFoundError("time record not found") from None


def staff_year_entries(*, staff_member_id: int, year: int) -> list[money.TimeEntry]:
    """All of a person's time records of a calendar year, over all their projects."""
    return [
        money.TimeEntry(day, hours, percentage, percent / money.HUNDRED)
        for day, hours, percentage, percent in TimeRecord.objects.filter(
            position__staff_member_id=staff_member_id, date__year=year
        ).values_list("date", "hours", "percentage", "position__working_time_percent")
    ]


def staff_year_hours(*, staff_member_id: int, year: int, book: RulesBook | None = None) -> Decimal:
    """Hours counted against the yearly cap for one person: the hours of day and month
    records plus the hour equivalents of percentage records, over all their projects."""
    book = book or rules_book()
    entries = staff_year_entries(staff_member_id=staff_member_id, year=year)
    return money.counted_hours(entries, book.rates)


@dataclass
class StaffYearSummary:
    staff_member: StaffMember
    year: int
    hours: Decimal
    cap: Decimal

    @property
    def remaining(self) -> Decimal:
        return self.cap - self.hours


def staff_year_summaries(*, actor: User, year: int) -> list[StaffYearSummary]:
    book = rules_book()
    cap = book.rates(date(year, 1, 1)).annual_hours
    return [
        StaffYearSummary(m, year, staff_year_hours(staff_member_id=m.pk, year=year, book=book), cap)
        for m in staff_member_list(actor=actor)
    ]


def locked_period_for(*, operation_id: int, day: date) -> PaymentPeriod | None:
    """The payment period covering `day` if its latest cost report is submitted: the time
    records and salaries of that period stay frozen until a correction version is opened."""
    period = PaymentPeriod.objects.filter(
        operation_id=operation_id, start_date__lte=day, end_date__gte=day
    ).first()
    if period is None:
        return None
    latest = period.cost_reports.order_by("-version").only("status").first()
    if latest is not None and latest.status == CostReport.Status.SUBMITTED:
        return period
    return None


# --- Cost reports -------------------------------------------------------------------------


def cost_report_list(*, actor: User, operation: Operation | None = None) -> QuerySet[CostReport]:
    qs = CostReport.objects.filter(
        period__operation__employment_area_id=actor.employment_area_id
    ).select_related("period__operation", "previous", "created_by", "submitted_by")
    if operation is not None:
        qs = qs.filter(period__operation=operation)
    return qs.order_by("period__operation__code", "period__number", "-version")


def cost_report_get_for_actor(*, actor: User, id: int) -> CostReport:
    try:
        return cost_report_list(actor=actor).get(pk=id)
    except (CostReport.DoesNotExist, ValueError, TypeError):
        raise NotFoundError("cost report not found") from None


def _decimal_dict(budget_row: Any) -> dict[str, str]:
    """Staff, flat-rate and total money as cent strings for the frozen figures."""
    staff, flat = money.to_cents(budget_row["staff"]), money.to_cents(budget_row["flat_rate"])
    return {"staff": str(staff), "flat_rate": str(flat), "total": str(staff + flat)}


def position_cost(
    position: StaffPosition,
    records: Iterable[TimeRecord],
    salaries: dict[tuple[int, int], Decimal],
    book: RulesBook,
) -> money.StaffCost:
    """A position's eligible staff cost from its time records (and salaries paid)."""
    share = position.working_time_share
    entries = [money.TimeEntry(r.date, r.hours, r.percentage, share) for r in records]
    if position.salary_model == SalaryModel.SALARY_PLUS_SIDE_COSTS:
        return money.salary_model_cost(
            entries, salaries, position.side_cost_percent or money.ZERO, book.rates
        )
    return money.hourly_rate_cost(entries, position.annual_gross_cost, book.rates)


def period_staff_costs(
    *, period: PaymentPeriod, book: RulesBook
) -> list[tuple[StaffPosition, money.StaffCost]]:
    positions = list(
        staff_position_list(operation=period.operation).prefetch_related(
            Prefetch(
                "time_records",
                queryset=TimeRecord.objects.filter(
                    date__gte=period.start_date, date__lte=period.end_date
                ).order_by("date"),
            ),
            Prefetch(
                "salary_payments",
                queryset=SalaryPayment.objects.filter(
                    month__gte=period.start_date.replace(day=1), month__lte=period.end_date
                ),
            ),
        )
    )
    result = []
    for position in positions:
        salaries = {
            (s.month.year, s.month.month): s.gross_salary for s in position.salary_payments.all()
        }
        result.append(
            (position, position_cost(position, position.time_records.all(), salaries, book))
        )
    return result


def _claimed_before(period: PaymentPeriod) -> dict[str, Decimal]:
    """Figures of the latest submitted version of each earlier period of the operation."""
    totals = {"staff": money.ZERO, "flat_rate": money.ZERO}
    reports = (
        CostReport.objects.filter(
            period__operation_id=period.operation_id,
            period__number__lt=period.number,
            status=CostReport.Status.SUBMITTED,
        )
        .order_by("period__number", "-version")
        .only("period_id", "version", "figures")
    )
    seen: set[int] = set()
    for report in reports:
        if report.period_id in seen:
            continue
        seen.add(report.period_id)
        totals["staff"] += Decimal(report.figures["staff_total"])
        totals["flat_rate"] += Decimal(report.figures["flat_rate"])
    return totals


def cost_report_figures(report: CostReport) -> dict[str, Any]:
    """The report's figures: frozen ones once submitted, else computed now.

    Eligible staff costs come from the time records (and salaries) of the period; the flat
    rate is CPR Art. 56(1) on them; the budget comparison uses `budget_for_operation`; the
    indicators are the period's (outputs by entry, results by exit or exit + 6 months; see
    `indicators`), and the cumulative table from the operation's start goes with them.
    """
    if report.is_locked and report.figures:
        return report.figures
    period = report.period
    operation = period.operation
    book = rules_book()
    rates = book.rates(period.start_date)
    staff = period_staff_costs(period=period, book=book)
    staff_total = sum((cost.cost for _p, cost in staff), money.ZERO)
    flat = money.flat_rate(staff_total, rates.flat_rate_percent)
    by_period = budget_for_operation(operation=operation, by="period", book=book)
    period_row = next((r for r in by_period.rows if r.label == str(period.number)), None)
    whole = budget_for_operation(operation=operation, by="year", book=book)
    before = _claimed_before(period)
    cumulative = {"staff": before["staff"] + staff_total, "flat_rate": before["flat_rate"] + flat}
    whole_dict = {"staff": whole.staff, "flat_rate": whole.flat_rate}
    table = indicator_table(
        operation=operation, start=period.start_date, end=period.end_date, book=book
    )
    cumulative_table = indicator_table(
        operation=operation, start=operation.start_date, end=period.end_date, book=book
    )
    return {
        "operation": {"code": operation.code, "name": operation.name, "funder": operation.funder},
        "period": {
            "number": period.number,
            "start": period.start_date.isoformat(),
            "end": period.end_date.isoformat(),
        },
        "version": report.version,
        "previous_version": report.previous.version if report.previous else None,
        "staff": [
            {
                "name": position.staff_member.name,
                "title": position.title,
                "salary_model": position.salary_model,
                "hours": str(money.to_cents(cost.hours)),
                "cost": str(cost.cost),
                "months_without_salary": [m.isoformat() for m in cost.months_without_salary],
            }
            for position, cost in staff
        ],
        "staff_total": str(staff_total),
        "flat_rate_percent": str(rates.flat_rate_percent),
        "flat_rate": str(flat),
        "total": str(staff_total + flat),
        "budget_period": _decimal_dict(
            {"staff": period_row.staff, "flat_rate": period_row.flat_rate}
            if period_row
            else {"staff": money.ZERO, "flat_rate": money.ZERO}
        ),
        "budget_operation": _decimal_dict(whole_dict),
        "claimed_before": _decimal_dict(before),
        "cumulative": _decimal_dict(cumulative),
        "remaining": _decimal_dict(
            {k: whole_dict[k] - cumulative[k] for k in ("staff", "flat_rate")}
        ),
        "indicators": indicator_rows_as_dicts(table),
        "indicators_cumulative": indicator_rows_as_dicts(cumulative_table),
        "narrative": report.narrative,
    }


def indicator_rows_as_dicts(table: list[IndicatorRow]) -> list[dict[str, Any]]:
    return [
        {
            "code": row.code,
            "name": row.indicator.name_en,
            "women": row.women,
            "men": row.men,
            "non_binary": row.non_binary,
            "total": row.total,
        }
        for row in table
    ]


# --- Indicators ---------------------------------------------------------------------------

_FACT_FIELDS = ("id", "job_seeker_id", *PARTICIPATION_RECORD_FIELDS)


def participant_facts(
    *, operation: Operation, start: date | None = None, end: date | None = None
) -> list[ParticipantFacts]:
    """The operation's participants that a table of [start, end] may count: those who
    entered in the period, and (for the results) those whose exit date or exit date + 6
    months falls in it — all who entered by `end` when `start` is None. The GDPR Art. 9
    answers are joined from their separate table. One query."""
    from kohtaanto.jobseekers.models import Participation

    qs = Participation.objects.filter(operation=operation)
    if end is not None:
        qs = qs.filter(entry_date__lte=end)
    if start is not None:
        # Exit + 6 months in the period means an exit at most 6 months before its start.
        earliest_exit = add_months(start, -LONGER_TERM_MONTHS)
        qs = qs.filter(Q(entry_date__gte=start) | Q(exit_date__gte=earliest_exit))
    rows = qs.order_by("id").values(
        *_FACT_FIELDS, "special_category__disability", "special_category__minority"
    )
    return [
        ParticipantFacts(
            **{k: row[k] for k in _FACT_FIELDS},
            disability=row["special_category__disability"] or "",
            minority=row["special_category__minority"] or "",
        )
        for row in rows
    ]


def entity_facts(
    *, operation: Operation, start: date | None = None, end: date | None = None
) -> list[EntityFacts]:
    """Organisations the operation supports (each once), support beginning in [start, end]."""
    qs = OperationCompany.objects.filter(operation=operation, supported_from__isnull=False)
    if start is not None:
        qs = qs.filter(supported_from__gte=start)
    if end is not None:
        qs = qs.filter(supported_from__lte=end)
    return [
        EntityFacts(id=company_id, is_public_administration=public, size_class=size)
        for company_id, public, size in qs.values_list(
            "company_id", "company__is_public_administration", "company__size_class"
        ).distinct()
    ]


def indicator_table(
    *, operation: Operation, start: date, end: date, book: RulesBook | None = None
) -> list[IndicatorRow]:
    """ESF+ common indicators of the period [start, end] (Annex I): outputs of those who
    entered in it, immediate results of those who left in it, longer-term results of those
    whose exit + 6 months is in it (see `indicators`). A period that starts on or before the
    operation's start is the cumulative table, checked for results within outputs."""
    if end < start:
        raise DomainError(_("Kausi päättyy ennen kuin se alkaa."), code="invalid_period")
    book = book or rules_book()
    return compute_table(
        participant_facts(operation=operation, start=start, end=end),
        entity_facts(operation=operation, start=start, end=end),
        start=start,
        end=end,
        rule_for=book.ltu,
        cumulative=start <= operation.start_date,
    )


@dataclass(frozen=True)
class PseudonymisedParticipant:
    """A participant as the indicator drill-down shows them: no name, no identity code."""

    participation_id: int
    job_seeker_id: int
    pseudonym: str
    age_group: str
    gender: str
    entry_date: date
    exit_date: date | None

    @property
    def gender_label(self) -> str:
        from kohtaanto.jobseekers.models import Gender

        return str(dict(Gender.choices).get(self.gender, "–"))


def indicator_participants(
    *, operation: Operation, code: str, start: date, end: date
) -> list[PseudonymisedParticipant]:
    """The participants counted in one participant or result indicator, pseudonymised.

    Special-category indicators (EECO12, EECO15; GDPR Art. 9) and entity indicators are
    aggregates only: asking for their participants is refused."""
    indicator = BY_CODE.get(code)
    if indicator is None:
        raise NotFoundError("indicator not found")
    if indicator.special_category or indicator.kind == "entity":
        raise DomainError(
            _("Tämä indikaattori näytetään vain yhteismääränä (erityiset henkilötiedot)."),
            code="aggregate_only",
        )
    facts = {p.id: p for p in participant_facts(operation=operation, start=start, end=end)}
    table = compute_table(
        facts.values(),
        [],
        start=start,
        end=end,
        rule_for=rules_book().ltu,
        cumulative=start <= operation.start_date,
    )
    row = next(r for r in table if r.code == code)
    people = []
    for pid in row.ids:
        p = facts[pid]
        people.append(
            PseudonymisedParticipant(
                participation_id=pid,
                job_seeker_id=p.job_seeker_id,
                pseudonym=f"#{pid}",
                age_group=age_group(age_on(p.birth_date, p.entry_date) if p.birth_date else None),
                gender=p.gender,
                entry_date=p.entry_date,
                exit_date=p.exit_date,
            )
        )
    return people


# --- Data quality -------------------------------------------------------------------------


@dataclass
class ParticipantIssue:
    participation_id: int
    job_seeker_id: int
    pseudonym: str
    problems: list[Problem]


@dataclass
class DataQualityReport:
    participants: list[ParticipantIssue] = field(default_factory=list)
    table: list[tuple[str, Problem]] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.participants and not self.table

    @property
    def problem_count(self) -> int:
        return sum(len(i.problems) for i in self.participants) + len(self.table)

    def summary_lines(self, limit: int = 20) -> list[str]:
        lines = [
            f"{issue.pseudonym}: " + " ".join(str(p.message) for p in issue.problems)
            for issue in self.participants
        ]
        lines += [f"{code}: {problem.message}" for code, problem in self.table]
        if len(lines) > limit:
            lines = [*lines[:limit], f"… (+{len(lines) - limit})"]
        return lines


def data_quality_report(
    *, operation: Operation, until: date | None = None, today: date | None = None
) -> DataQualityReport:
    """Participants with missing or contradictory entry or exit data (see `quality`) among
    those who entered the operation on or before `until`, and results above outputs in the
    operation's table."""
    today = today or timezone.localdate()
    facts = participant_facts(operation=operation, end=until)
    report = DataQualityReport()
    for p in facts:
        problems = participant_problems(p, today=today)
        if problems:
            report.participants.append(
                ParticipantIssue(p.id, p.job_seeker_id, f"#{p.id}", problems)
            )
    table = compute_table(
        facts, [], start=None, end=until or today, rule_for=rules_book().ltu, check=False
    )
    report.table = table_problems(table)
    return report


# --- Activity log -------------------------------------------------------------------------


def _activity_visible_q(actor: User) -> Q:
    q = Q(employment_area_id=actor.employment_area_id)
    if actor.role == Role.PARTNER:
        org = actor.partner_organisation_id
        q &= (
            Q(Exists(ActivityParticipant.objects.filter(entry=OuterRef("pk"), organisation_id=org)))
            | Q(referral_from_id=org)
            | Q(referral_to_id=org)
        )
    return q


def activity_list(
    *,
    actor: User,
    kind: str = "",
    organisation_id: int | None = None,
    start: date | None = None,
    end: date | None = None,
) -> QuerySet[ActivityEntry]:
    """Entries the actor may see: the area's, and for a partner user only those their
    organisation took part in. `organisation_id` narrows to one partner's entries."""
    qs = ActivityEntry.objects.filter(_activity_visible_q(actor))
    if kind:
        qs = qs.filter(kind=kind)
    if organisation_id is not None:
        qs = qs.filter(
            Q(
                Exists(
                    ActivityParticipant.objects.filter(
                        entry=OuterRef("pk"), organisation_id=organisation_id
                    )
                )
            )
            | Q(referral_from_id=organisation_id)
            | Q(referral_to_id=organisation_id)
        )
    if start is not None:
        qs = qs.filter(date__gte=start)
    if end is not None:
        qs = qs.filter(date__lte=end)
    return (
        qs.select_related("operation", "referral_from", "referral_to", "created_by")
        .prefetch_related(
            Prefetch(
                "participants",
                queryset=ActivityParticipant.objects.select_related("organisation"),
            ),
            "companies",
            "attachments",
        )
        .order_by("-date", "-id")
    )


def activity_get_for_actor(*, actor: User, id: int) -> ActivityEntry:
    try:
        return activity_list(actor=actor).get(pk=id)
    except (ActivityEntry.DoesNotExist, ValueError, TypeError):
        raise NotFoundError("activity entry not found") from None


def attachment_get_for_actor(*, actor: User, entry_id: int, id: int) -> ActivityAttachment:
    entry = activity_get_for_actor(actor=actor, id=entry_id)
    try:
        return entry.attachments.get(pk=id)
    except (ActivityAttachment.DoesNotExist, ValueError, TypeError):
        raise NotFoundError("attachment not found") from None


@dataclass
class PartnerActivitySummary:
    organisation_label: str
    entries: list[ActivityEntry]
    by_kind: dict[str, int]
    participants: int
    referred_out: int
    referred_in: int
    companies: int


def partner_activity_summary(
    *, actor: User, organisation_id: int | None, start: date, end: date
) -> PartnerActivitySummary:
    """One organisation's activity in a period, for its own reporting. A partner user always
    gets their own organisation; `organisation_id=None` means the employment area itself."""
    from kohtaanto.accounts.models import PartnerOrganisation

    if actor.role == Role.PARTNER:
        organisation_id = actor.partner_organisation_id
    if organisation_id is None:
        entries = list(
            activity_list(actor=actor, start=start, end=end).filter(
                Q(
                    Exists(
                        ActivityParticipant.objects.filter(
                            entry=OuterRef("pk"), organisation__isnull=True
                        )
                    )
                )
                | Q(kind=ActivityEntry.Kind.REFERRAL, referral_from__isnull=True)
                | Q(kind=ActivityEntry.Kind.REFERRAL, referral_to__isnull=True)
            )
        )
        label = str(actor.employment_area)
    else:
        organisation = PartnerOrganisation.objects.filter(pk=organisation_id).first()
        if organisation is None:
            raise NotFoundError("organisation not found")
        entries = list(
            activity_list(actor=actor, organisation_id=organisation_id, start=start, end=end)
        )
        label = str(organisation)
    by_kind: dict[str, int] = defaultdict(int)
    participants = referred_out = referred_in = 0
    company_ids: set[int] = set()
    for entry in entries:
        by_kind[entry.kind] += 1
        participants += sum(
            1 for p in entry.participants.all() if p.organisation_id == organisation_id
        )
        company_ids.update(c.pk for c in entry.companies.all())
        if entry.kind == ActivityEntry.Kind.REFERRAL:
            if entry.referral_from_id == organisation_id:
                referred_out += entry.referred_count
            if entry.referral_to_id == organisation_id:
                referred_in += entry.referred_count
    return PartnerActivitySummary(
        label, entries, dict(by_kind), participants, referred_out, referred_in, len(company_ids)
    )


# --- Steering-group report ----------------------------------------------------------------


@dataclass
class MoneySummary:
    budget_total: Decimal
    claimed_total: Decimal
    finance: dict[str, Decimal] | None  # from the finance app when it provides totals


def finance_totals(*, actor: User, start: date, end: date) -> dict[str, Decimal] | None:
    """Money booked by the finance app in the period, or None when nothing was booked."""
    from kohtaanto.finance.selectors import finance_period_totals

    return finance_period_totals(actor=actor, start=start, end=end) or None


def money_summary(*, actor: User, operation: Operation, start: date, end: date) -> MoneySummary:
    book = rules_book()
    claimed = money.ZERO
    seen: set[int] = set()
    for report in (
        CostReport.objects.filter(
            period__operation=operation,
            status=CostReport.Status.SUBMITTED,
            period__end_date__lte=end,
        )
        .order_by("period_id", "-version")
        .only("period_id", "figures")
    ):
        if report.period_id not in seen:
            seen.add(report.period_id)
            claimed += Decimal(report.figures["total"])
    return MoneySummary(
        budget_total=budget_for_operation(operation=operation, book=book).total,
        claimed_total=claimed,
        finance=finance_totals(actor=actor, start=start, end=end),
    )


@dataclass
class SteeringSummary:
    operation: Operation
    start: date
    end: date
    participants: int
    participants_by_gender: dict[str, int]
    participants_cumulative: int
    placements: int  # EECR04: in employment, incl. self-employment, upon leaving
    companies_linked: int
    companies_supported: int
    company_visits: int
    trainings: int
    activity_by_kind: dict[str, int]
    money: MoneySummary
    indicators: list[IndicatorRow]


def steering_summary(
    *, actor: User, operation: Operation, start: date, end: date
) -> SteeringSummary:
    """The steering group's period summary: participants, companies, trainings, placements,
    money and the common indicators."""
    book = rules_book()
    table = indicator_table(operation=operation, start=start, end=end, book=book)
    rows = {r.code: r for r in table}
    cumulative = indicator_table(
        operation=operation, start=operation.start_date, end=end, book=book
    )
    activity = ActivityEntry.objects.filter(
        employment_area_id=operation.employment_area_id, date__gte=start, date__lte=end
    ).filter(Q(operation=operation) | Q(operation__isnull=True))
    by_kind: dict[str, int] = dict.fromkeys(ActivityEntry.Kind.values, 0)
    for row in activity.values("kind").annotate(n=Count("id")):
        by_kind[row["kind"]] = row["n"]
    links = OperationCompany.objects.filter(operation=operation)
    return SteeringSummary(
        operation=operation,
        start=start,
        end=end,
        participants=rows["EECO01"].total,
        participants_by_gender={
            "woman": rows["EECO01"].women or 0,
            "man": rows["EECO01"].men or 0,
            "non_binary": rows["EECO01"].non_binary or 0,
        },
        participants_cumulative=next(r for r in cumulative if r.code == "EECO01").total,
        placements=rows["EECR04"].total,
        companies_linked=links.count(),
        companies_supported=rows["EECO18"].total + rows["EECO19"].total,
        company_visits=by_kind[ActivityEntry.Kind.COMPANY_VISIT],
        trainings=by_kind[ActivityEntry.Kind.TRAINING],
        activity_by_kind=by_kind,
        money=money_summary(actor=actor, operation=operation, start=start, end=end),
        indicators=table,
    )
