"""Payment claims (cost reports) and their figures."""

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, QuerySet, Sum

from kohtaanto.accounts.models import User
from kohtaanto.common.errors import NotFoundError
from kohtaanto.programme import budget as money
from kohtaanto.programme.indicators import (
    CountedRow,
)
from kohtaanto.programme.models import (
    CostReport,
    Operation,
    ParticipantCost,
    PaymentPeriod,
    SalaryModel,
    SalaryPayment,
    StaffPosition,
    StaffRateBasis,
    TimeRecord,
    TimeSheet,
)
from kohtaanto.programme.selectors.indicators import indicator_table
from kohtaanto.programme.selectors.operations import budget_for_operation, staff_position_list
from kohtaanto.programme.selectors.rules import RulesBook, rules_book

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
    if position.salary_model == SalaryModel.MONTHLY_RATE:
        return money.monthly_rate_cost(
            entries,
            salaries,
            position.side_cost_percent or money.ZERO,
            position.monthly_working_hours or money.ONE,
            book.rates,
        )
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


def period_participant_costs(*, period: PaymentPeriod) -> Decimal:
    """Participants' wages and allowances of the period's months (CPR Art. 56(2)), only when
    the operation's funding decision allows them."""
    if not period.operation.participant_costs_allowed:
        return money.ZERO
    total = ParticipantCost.objects.filter(
        operation_id=period.operation_id,
        month__gte=period.start_date.replace(day=1),
        month__lte=period.end_date,
    ).aggregate(total=Sum("amount"))["total"]
    return money.to_cents(total or money.ZERO)


def period_time_sheets(
    *, period: PaymentPeriod, staff: Iterable[StaffPosition]
) -> list[dict[str, Any]]:
    """The claim's annex: the signed monthly time sheets of the period's staff, every month
    of the period that has project time, with whether each is signed and locked."""
    members = {p.staff_member_id for p in staff}
    sheets = TimeSheet.objects.filter(
        staff_member_id__in=members,
        month__gte=period.start_date.replace(day=1),
        month__lte=period.end_date,
    ).select_related("staff_member")
    return [
        {
            "name": s.staff_member.name,
            "month": s.month.isoformat(),
            "project_hours": str(s.project_hours),
            "other_hours": str(s.other_hours),
            "employee_signed": s.employee_signed_at is not None,
            "supervisor_signed": s.supervisor_signed_at is not None,
        }
        for s in sheets.order_by("staff_member__name", "month")
    ]


def latest_rate_bases(positions: Iterable[StaffPosition]) -> dict[int, int]:
    """Each post's latest rate-basis version (the one a claim computed now uses)."""
    latest: dict[int, int] = {}
    for position_id, version in StaffRateBasis.objects.filter(
        position__in=list(positions)
    ).values_list("position_id", "version"):
        latest[position_id] = max(version, latest.get(position_id, 0))
    return latest


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
    participant_costs = period_participant_costs(period=period)
    bases = latest_rate_bases([p for p, _c in staff])
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
                "position_id": position.pk,
                "name": position.staff_member.name,
                "title": position.title,
                "salary_model": position.salary_model,
                "hours": str(money.to_cents(cost.hours)),
                "cost": str(cost.cost),
                "rate_basis_version": bases.get(position.pk),
                "months_without_salary": [m.isoformat() for m in cost.months_without_salary],
            }
            for position, cost in staff
        ],
        "staff_total": str(staff_total),
        "flat_rate_percent": str(rates.flat_rate_percent),
        "flat_rate": str(flat),
        # CPR Art. 56(2): participants' wages and allowances on top of the flat rate.
        "participant_costs": str(participant_costs),
        "total": str(staff_total + flat + participant_costs),
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
        "time_sheets": period_time_sheets(period=period, staff=[p for p, _c in staff]),
        "indicators": indicator_rows_as_dicts(table),
        "indicators_cumulative": indicator_rows_as_dicts(cumulative_table),
        "narrative": report.narrative,
    }


def indicator_rows_as_dicts(table: Sequence[CountedRow]) -> list[dict[str, Any]]:
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
