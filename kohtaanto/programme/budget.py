"""Budget and eligible-cost arithmetic of an operation. Pure: no database, no settings.

The rules (rates come from `ProgrammeRules`, dated configuration, through `Rates`):

- Staff costs, CPR (EU) 2021/1060 Art. 55(2)(a): the hourly rate is the latest documented
  annual gross employment cost divided by 1 720 hours (`Rates.annual_hours`) for a full-time
  post, or by the corresponding pro-rata of 1 720 hours for a part-time post (the post's
  working-time share: a 50 % post divides by 860 h). Art. 55(3): the hours declared per
  person for a calendar year may not exceed the hours the rate was computed on — so a 50 %
  post costing 26 000 € a year with all its 860 hours on the project costs 26 000 €. A budget
  plans a position as annual cost × person-years × months / 12.
- Salary + side costs: the gross salary actually paid in a month plus the employer's side
  costs at a fixed percentage, times the month's share of work on the project.
- All other costs, CPR Art. 56(1): a flat rate of up to 40 % (`Rates.flat_rate_percent`) of
  the eligible direct staff costs — it covers everything else, purchased services included,
  with no receipts.
- Small operations, CPR Art. 53(2) and the Finnish structural-fund guidance (TEM,
  rakennerahastot.fi, kustannusmallit 2021–2027): an operation whose total cost is at most
  200 000 € (`Rates.small_operation_threshold_eur`) is to be paid as simplified costs only;
  the budget warns so that the funding model is checked with the funder.

Rounding: each figure that is shown or reported (a position's staff cost in a year or period,
the flat rate of a year or period) is rounded to whole cents with ROUND_HALF_UP; intermediate
products keep full Decimal precision. A total is the sum of the rounded figures it totals, so
every table adds up to the cent.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0")
HUNDRED = Decimal("100")
TWELVE = Decimal("12")


def to_cents(amount: Decimal) -> Decimal:
    """Round to whole cents, halves up (0.005 → 0.01)."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Rates:
    """The rates in force on a day (see `ProgrammeRules`)."""

    flat_rate_percent: Decimal
    annual_hours: Decimal
    small_operation_threshold_eur: Decimal


RatesFor = Callable[[date], Rates]


@dataclass(frozen=True)
class StaffLine:
    """A planned staff post: whole months from `start` to `end`."""

    label: str
    annual_cost: Decimal
    person_years: Decimal
    start: date
    end: date


@dataclass(frozen=True)
class Span:
    """A calendar year or a payment period of the budget table."""

    label: str
    start: date
    end: date


@dataclass(frozen=True)
class BudgetRow:
    label: str
    start: date
    end: date
    staff: Decimal
    flat_rate_percent: Decimal
    flat_rate: Decimal

    @property
    def total(self) -> Decimal:
        return self.staff + self.flat_rate


@dataclass(frozen=True)
class Budget:
    rows: list[BudgetRow]
    threshold: Decimal
    # The whole operation's eligible total over all implementers (the funding decision's
    # budget), when known; our own rows are only our share of it.
    operation_total: Decimal | None = None

    @property
    def staff(self) -> Decimal:
        return sum((r.staff for r in self.rows), ZERO)

    @property
    def flat_rate(self) -> Decimal:
        return sum((r.flat_rate for r in self.rows), ZERO)

    @property
    def total(self) -> Decimal:
        return self.staff + self.flat_rate

    @property
    def is_small_operation(self) -> bool:
        """The whole operation (all implementers, not our share) is at most the threshold
        (CPR Art. 53(2)): the budget page and command warn. Without the implementers'
        budgets, our own total is all we know."""
        whole = self.operation_total if self.operation_total is not None else self.total
        return bool(self.rows) and whole <= self.threshold


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def months_overlapping(start: date, end: date, span_start: date, span_end: date) -> int:
    """Calendar months that [start, end] and [span_start, span_end] share (whole months)."""
    first = max(_month_index(start), _month_index(span_start))
    last = min(_month_index(end), _month_index(span_end))
    return max(0, last - first + 1)


def year_spans(start: date, end: date) -> list[Span]:
    """One span per calendar year from `start` to `end`, clipped to them."""
    return [
        Span(str(year), max(start, date(year, 1, 1)), min(end, date(year, 12, 31)))
        for year in range(start.year, end.year + 1)
    ]


def staff_cost_planned(line: StaffLine, span: Span) -> Decimal:
    """A post's planned staff cost in a span: annual cost × person-years × months / 12."""
    months = months_overlapping(line.start, line.end, span.start, span.end)
    return to_cents(line.annual_cost * line.person_years * Decimal(months) / TWELVE)


def flat_rate(staff: Decimal, percent: Decimal) -> Decimal:
    """CPR Art. 56(1): other costs = the flat-rate percentage of eligible direct staff costs."""
    return to_cents(staff * percent / HUNDRED)


def budget_compute(
    lines: Iterable[StaffLine], spans: Sequence[Span], rates_for: RatesFor
) -> Budget:
    """The budget table: staff costs, the flat rate and the total for each span.

    The flat-rate percentage of a span is the one in force on the span's first day; the
    small-operation threshold is the one in force when the first span begins.
    """
    lines = list(lines)
    rows = []
    for span in spans:
        staff = sum((staff_cost_planned(line, span) for line in lines), ZERO)
        percent = rates_for(span.start).flat_rate_percent
        rows.append(
            BudgetRow(span.label, span.start, span.end, staff, percent, flat_rate(staff, percent))
        )
    threshold = rates_for(spans[0].start).small_operation_threshold_eur if spans else ZERO
    return Budget(rows=rows, threshold=threshold)


# --- Actual eligible staff costs from time records -------------------------------------


ONE = Decimal("1")


@dataclass(frozen=True)
class TimeEntry:
    """A time record: hours on a day or in a month, or a percentage of a month.

    `working_time_share` is the post's share of full working time (1 = full time, 0.5 = a
    50 % part-time post): the pro-rata of the annual hours (CPR Art. 55(2)(a))."""

    date: date
    hours: Decimal | None = None
    percentage: Decimal | None = None
    working_time_share: Decimal = ONE


def annual_hours_of(rates: Rates, working_time_share: Decimal) -> Decimal:
    """CPR Art. 55(2)(a): 1 720 h for full time, the pro-rata of 1 720 h for part time."""
    return rates.annual_hours * working_time_share


HOUR_PRECISION = Decimal("0.01")


def counted_hours(entries: Iterable[TimeEntry], rates_for: RatesFor) -> Decimal:
    """A person's hours for the yearly cap, to the hundredth of an hour (ROUND_HALF_UP).

    Percentages are summed before they are turned into hours, so twelve months at 100 % are
    exactly the annual hours rather than twelve rounded thirds."""
    hours = ZERO
    percent_by_annual_hours: dict[Decimal, Decimal] = defaultdict(lambda: ZERO)
    for entry in entries:
        if entry.hours is not None:
            hours += entry.hours
        else:
            assert entry.percentage is not None
            annual = annual_hours_of(rates_for(entry.date), entry.working_time_share)
            percent_by_annual_hours[annual] += entry.percentage
    for annual_hours, percent in percent_by_annual_hours.items():
        hours += percent * annual_hours / (HUNDRED * TWELVE)
    return hours.quantize(HOUR_PRECISION, rounding=ROUND_HALF_UP)


@dataclass
class StaffCost:
    """A post's eligible staff cost in a span, with what it was computed from."""

    hours: Decimal = ZERO
    cost: Decimal = ZERO
    months_without_salary: list[date] = field(default_factory=list)


def hourly_rate_cost(
    entries: Iterable[TimeEntry], annual_cost: Decimal, rates_for: RatesFor
) -> StaffCost:
    """CPR Art. 55(2)(a): hours × (annual gross employment cost / the post's annual hours,
    the pro-rata of 1 720 h for part time). A percentage record costs the same share of a
    month's twelfth of the annual cost."""
    entries = list(entries)
    exact = ZERO
    for entry in entries:
        if entry.hours is not None:
            divisor = annual_hours_of(rates_for(entry.date), entry.working_time_share)
            exact += entry.hours * annual_cost / divisor
        else:
            assert entry.percentage is not None
            exact += entry.percentage * annual_cost / (HUNDRED * TWELVE)
    return StaffCost(hours=counted_hours(entries, rates_for), cost=to_cents(exact))


def salary_model_cost(
    entries: Iterable[TimeEntry],
    salaries: dict[tuple[int, int], Decimal],
    side_cost_percent: Decimal,
    rates_for: RatesFor,
) -> StaffCost:
    """Salary paid in each month × (1 + side-cost %) × the month's share of work on the
    project: the recorded percentage, or hours / (annual hours / 12), at most 100 %."""
    entries = list(entries)
    result = StaffCost(hours=counted_hours(entries, rates_for))
    hours_by_month: dict[tuple[int, int], Decimal] = defaultdict(lambda: ZERO)
    working_time_share = entries[0].working_time_share if entries else ONE
    percent_by_month: dict[tuple[int, int], Decimal] = defaultdict(lambda: ZERO)
    month_rates: dict[tuple[int, int], Rates] = {}
    for entry in entries:
        key = (entry.date.year, entry.date.month)
        month_rates.setdefault(key, rates_for(entry.date))
        if entry.percentage is not None:
            percent_by_month[key] += entry.percentage
        else:
            assert entry.hours is not None
            hours_by_month[key] += entry.hours
    exact = ZERO
    for key, rates in sorted(month_rates.items()):
        share = percent_by_month[key] / HUNDRED + hours_by_month[key] / (
            annual_hours_of(rates, working_time_share) / TWELVE
        )
        share = min(share, Decimal("1"))
        salary = salaries.get(key)
        if salary is None:
            result.months_without_salary.append(date(key[0], key[1], 1))
            continue
        exact += salary * (1 + side_cost_percent / HUNDRED) * share
    result.cost = to_cents(exact)
    return result


def monthly_rate_cost(
    entries: Iterable[TimeEntry],
    salaries: dict[tuple[int, int], Decimal],
    side_cost_percent: Decimal,
    monthly_working_hours: Decimal,
    rates_for: RatesFor,
) -> StaffCost:
    """CPR (EU) 2021/1060 Art. 55(2)(b): a month's hourly rate is its gross employment cost
    (the salary paid plus the employer's side costs) divided by the person's monthly working
    time under their employment contract — not a fixed 1 720 / 12 = 143.33 h. The month's cost
    is its hours × that rate (a percentage record: the percentage of the month's cost), never
    more than the month's whole cost."""
    entries = list(entries)
    result = StaffCost(hours=counted_hours(entries, rates_for))
    hours_by_month: dict[tuple[int, int], Decimal] = defaultdict(lambda: ZERO)
    percent_by_month: dict[tuple[int, int], Decimal] = defaultdict(lambda: ZERO)
    for entry in entries:
        key = (entry.date.year, entry.date.month)
        if entry.percentage is not None:
            percent_by_month[key] += entry.percentage
        else:
            assert entry.hours is not None
            hours_by_month[key] += entry.hours
    exact = ZERO
    for key in sorted(set(hours_by_month) | set(percent_by_month)):
        salary = salaries.get(key)
        if salary is None:
            result.months_without_salary.append(date(key[0], key[1], 1))
            continue
        month_cost = salary * (1 + side_cost_percent / HUNDRED)
        share = hours_by_month[key] / monthly_working_hours + percent_by_month[key] / HUNDRED
        exact += month_cost * min(share, ONE)
    result.cost = to_cents(exact)
    return result


def format_amount(amount: Decimal) -> str:
    """Plain two-decimal figure with spaces between thousands: 218400 → "218 400.00"."""
    return f"{amount:,.2f}".replace(",", " ")
