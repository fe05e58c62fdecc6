"""ESF+ indicator counts aggregated in the database: one GROUP BY gender query with one
conditional COUNT per indicator, whatever the number of participants.

The rules are those of `programme.indicators` (the pure Python functions stay the reference
and the drill-down's source); each condition below cites the function it mirrors, and
`tests/test_indicator_counts.py` checks that both give the same table on edge cases and on
random data. Everything is portable SQL (SQLite and PostgreSQL): date parts through
Extract, date differences through Django's DurationField arithmetic.

- Age at entry (`common.dates.age_on`, Laki iän laskemisesta 649/1930): entry year − birth
  year, minus one when the entry's month·100+day is before the birth's. Comparing month·100+day
  gives the 29 February rule (born 29.2. → a year older on 1.3. in a common year) as in
  Python.
- Long-term unemployment (`indicators.is_long_term_unemployed`): `add_months(unemployed_since,
  n) <= entry_date`. With month numbers M = year·12 + month: true when M(entry) > M(since) + n;
  on the same month, when the day of `since` is not after the entry's day, or the entry is
  the last day of its month (the month-end clamp of `add_months`). The months n depend on age
  at entry and on the rules in force on the entry date (one condition per rules row).
- Immediate results: exit date in the period and `exit_date <= exit_results_on <= exit_date
  + 28 days` (`indicators.immediate_result_codes`).
- Longer-term results: exit date + 6 months in the period. `add_months` is monotonic, so the
  exit dates whose six-month day falls in [start, end] form one interval, computed here in
  Python (`longer_term_exit_window`), and the query filters on the exit date only.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db.models import (
    Case,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    IntegerField,
    Min,
    Q,
    Value,
    When,
)
from django.db.models.functions import ExtractDay, ExtractMonth, ExtractYear, Mod
from django.db.models.lookups import GreaterThan

from kohtaanto.common.dates import add_months
from kohtaanto.jobseekers.rules import IMMEDIATE_RESULT_WINDOW
from kohtaanto.programme.indicators import (
    ANSWER_FIELDS,
    EMPLOYED,
    GENDERS,
    IMMEDIATE_RESULT_FIELDS,
    INACTIVE,
    INDICATORS,
    LONGER_TERM_MONTHS,
    LONGER_TERM_RESULT_FIELDS,
    UNEMPLOYED,
    YES,
    CountedRow,
    EntityFacts,
    Indicator,
    ResultExceedsOutputError,
    entity_codes,
)
from kohtaanto.programme.models import ProgrammeRules
from kohtaanto.programme.selectors.rules import RulesBook

# Special-category answers (GDPR Art. 9) are encrypted at rest, so the database cannot compare
# them: these indicators are counted in Python over the period's entries, after decryption.
SPECIAL = {"EECO12": "special_category__disability", "EECO15": "special_category__minority"}


@dataclass
class CountRow(CountedRow):
    """One indicator's counts per gender column, counted in the database (no ids)."""

    indicator: Indicator
    counts: dict[str, int] = field(default_factory=dict)

    def count(self, gender: str) -> int:
        return self.counts.get(gender, 0)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def longer_term_exit_window(start: date, end: date) -> tuple[date, date] | None:
    """The exit dates whose exit + 6 months (`add_months`) falls in [start, end], as one
    inclusive interval, or None when there is none (a period inside one month's clamp)."""
    low = add_months(start, -LONGER_TERM_MONTHS)
    while add_months(low - timedelta(days=1), LONGER_TERM_MONTHS) >= start:
        low -= timedelta(days=1)
    while add_months(low, LONGER_TERM_MONTHS) < start:
        low += timedelta(days=1)
    high = add_months(end, -LONGER_TERM_MONTHS)
    while add_months(high + timedelta(days=1), LONGER_TERM_MONTHS) <= end:
        high += timedelta(days=1)
    while add_months(high, LONGER_TERM_MONTHS) > end:
        high -= timedelta(days=1)
    return (low, high) if low <= high else None


def _annotated(qs: Any) -> Any:
    """Date parts and derived numbers that the conditions compare."""
    entry_md = ExtractMonth("entry_date") * 100 + ExtractDay("entry_date")
    birth_md = ExtractMonth("birth_date") * 100 + ExtractDay("birth_date")
    return qs.annotate(
        _ey=ExtractYear("entry_date"),
        _em=ExtractMonth("entry_date"),
        _ed=ExtractDay("entry_date"),
        _age=ExtractYear("entry_date")
        - ExtractYear("birth_date")
        - Case(When(GreaterThan(birth_md, entry_md), then=Value(1)), default=Value(0)),
        _entry_month=ExtractYear("entry_date") * 12 + ExtractMonth("entry_date"),
        _since_month=ExtractYear("unemployed_since") * 12 + ExtractMonth("unemployed_since"),
        _since_day=ExtractDay("unemployed_since"),
        _result_delay=ExpressionWrapper(
            F("exit_results_on") - F("exit_date"), output_field=DurationField()
        ),
    ).annotate(
        _leap=Case(
            When(
                Q(_y4=0) & (~Q(_y100=0) | Q(_y400=0)),
                then=Value(1),
            ),
            default=Value(0),
            output_field=IntegerField(),
        )
    )


def _with_leap_parts(qs: Any) -> Any:
    return qs.annotate(
        _y4=Mod(ExtractYear("entry_date"), 4),
        _y100=Mod(ExtractYear("entry_date"), 100),
        _y400=Mod(ExtractYear("entry_date"), 400),
    )


def _entry_is_month_end() -> Q:
    """The entry date is the last day of its month."""
    return (
        Q(_ed=31) | Q(_ed=30, _em__in=(4, 6, 9, 11)) | Q(_em=2, _ed=29) | Q(_em=2, _ed=28, _leap=0)
    )


def _unemployed_months_at_least(months: int) -> Q:
    """`add_months(unemployed_since, months) <= entry_date`, in SQL."""
    target = F("_since_month") + months
    return Q(_entry_month__gt=target) | (
        Q(_entry_month=target) & (Q(_since_day__lte=F("_ed")) | _entry_is_month_end())
    )


def _long_term_unemployed(rules: list[ProgrammeRules]) -> Q:
    """EECO03 (`indicators.is_long_term_unemployed`): unemployed at entry for at least the
    months of the rules in force on the entry date, by age at entry."""
    q = Q(pk__in=[])
    for index, r in enumerate(rules):
        in_force = Q(entry_date__gte=r.valid_from)
        if index + 1 < len(rules):
            in_force &= Q(entry_date__lt=rules[index + 1].valid_from)
        q |= in_force & (
            (Q(_age__lt=r.ltu_age_limit) & _unemployed_months_at_least(r.ltu_months_below_age))
            | (Q(_age__gte=r.ltu_age_limit) & _unemployed_months_at_least(r.ltu_months_from_age))
        )
    return (
        Q(labour_market_status=UNEMPLOYED, unemployed_since__isnull=False, birth_date__isnull=False)
        & q
    )


def _output_conditions(rules: list[ProgrammeRules]) -> dict[str, Q]:
    """`indicators.output_codes` as one condition per indicator."""
    conditions = {
        "EECO01": Q(),
        "EECO02": Q(labour_market_status=UNEMPLOYED),
        "EECO03": _long_term_unemployed(rules),
        "EECO04": Q(labour_market_status=INACTIVE),
        "EECO05": Q(labour_market_status__in=EMPLOYED),
        "EECO06": Q(_age__lt=18),
        "EECO07": Q(_age__gte=18, _age__lte=29),
        "EECO08": Q(_age__gte=55),
        "EECO09": Q(isced_level__lte=2),
        "EECO10": Q(isced_level__gte=3, isced_level__lte=4),
        "EECO11": Q(isced_level__gte=5, isced_level__lte=8),
    }
    for code, name in ANSWER_FIELDS.items():
        if code not in SPECIAL:
            conditions[code] = Q(**{name: YES})
    return conditions


def _special_category_counts(
    *, operation: Any, start: date, end: date
) -> dict[str, dict[str, int]]:
    """EECO12 and EECO15 per gender column from the decrypted answers of the period's
    entries. Read from the answers' own (small) table, fetched at once: no server-side
    cursor, whose DECLARE/FETCH/CLOSE round trips cost more than the rows."""
    from kohtaanto.jobseekers.models import ParticipationSpecialCategory

    result: dict[str, dict[str, int]] = {code: {} for code in SPECIAL}
    rows = ParticipationSpecialCategory.objects.filter(
        participation__operation=operation,
        participation__entry_date__gte=start,
        participation__entry_date__lte=end,
    ).values_list("participation__gender", "disability", "minority")
    for gender, *answers in rows:
        column = gender if gender in GENDERS else ""
        for code, answer in zip(SPECIAL, answers, strict=True):
            if answer == YES:
                result[code][column] = result[code].get(column, 0) + 1
    return result


def participant_counts(
    *, operation: Any, start: date, end: date, rules: list[ProgrammeRules]
) -> dict[str, dict[str, int]]:
    """Indicator code → gender → count for the participant and result indicators of the
    period [start, end], in one query."""
    from kohtaanto.jobseekers.models import Participation

    entered = Q(entry_date__gte=start, entry_date__lte=end)
    left = Q(exit_date__gte=start, exit_date__lte=end)
    immediate = (
        left
        & Q(exit_results_on__isnull=False, exit_results_on__gte=F("exit_date"))
        & Q(_result_delay__lte=IMMEDIATE_RESULT_WINDOW)
    )
    window = longer_term_exit_window(start, end)
    six_months = Q(exit_date__gte=window[0], exit_date__lte=window[1]) if window else Q(pk__in=[])
    aggregates: dict[str, Any] = {}
    for code, condition in _output_conditions(rules).items():
        aggregates[code] = Count("pk", filter=entered & condition)
    for code, name in IMMEDIATE_RESULT_FIELDS.items():
        aggregates[code] = Count("pk", filter=immediate & Q(**{name: True}))
    for code, name in LONGER_TERM_RESULT_FIELDS.items():
        aggregates[code] = Count("pk", filter=six_months & Q(**{name: True}))
    qs = Participation.objects.filter(operation=operation).filter(entered | left | six_months)
    rows = list(
        _annotated(_with_leap_parts(qs))
        .order_by()
        .values("gender")
        .annotate(**aggregates, _first_entry=Min("entry_date", filter=entered))
    )
    first_entries = [row["_first_entry"] for row in rows if row["_first_entry"] is not None]
    if first_entries:
        # The Python rules take the rules in force on each counted entry day and refuse a day
        # that none covers (RulesBook.on); so do the counts, rather than count nobody as
        # long-term unemployed on such a day.
        RulesBook(rules).on(min(first_entries))
    result: dict[str, dict[str, int]] = {code: {} for code in aggregates}
    result.update(_special_category_counts(operation=operation, start=start, end=end))
    for row in rows:
        gender = row["gender"] if row["gender"] in GENDERS else ""
        for code in aggregates:
            if row[code]:
                result[code][gender] = result[code].get(gender, 0) + row[code]
    return result


def count_table(
    *,
    operation: Any,
    start: date,
    end: date,
    rules: list[ProgrammeRules],
    entities: list[EntityFacts],
    cumulative: bool,
) -> list[CountRow]:
    """Every indicator row of [start, end], counted in the database; entities (a handful of
    organisations) are counted from `entities`. A cumulative table is checked: no result
    above EECO01 in any gender column (Annex I)."""
    counts = participant_counts(operation=operation, start=start, end=end, rules=rules)
    for e in entities:
        for code in entity_codes(e):
            counts.setdefault(code, {})
            counts[code][""] = counts[code].get("", 0) + 1
    table = [CountRow(i, counts.get(i.code, {})) for i in INDICATORS]
    if cumulative:
        outputs = table[0]
        for row in table:
            if row.indicator.kind != "result":
                continue
            for gender in (*GENDERS, ""):
                if row.count(gender) > outputs.count(gender):
                    raise ResultExceedsOutputError(
                        f"{row.code} exceeds EECO01 ({gender or 'total'})"
                    )
    return table
