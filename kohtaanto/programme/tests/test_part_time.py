"""Part-time posts (CPR (EU) 2021/1060 Art. 55(2)(a) and 55(3)): the hourly rate divides the
annual cost by the pro-rata of 1 720 hours, and the hours declared per person and year never
exceed the hours the rate was computed on."""

from datetime import date
from decimal import Decimal

import pytest

from kohtaanto.common.errors import DomainError
from kohtaanto.programme import budget as money
from kohtaanto.programme import selectors, services
from kohtaanto.programme.models import TimeRecord, TimeRecording
from kohtaanto.programme.tests.factories import StaffPositionFactory

RATES = money.Rates(
    flat_rate_percent=Decimal("40"),
    annual_hours=Decimal("1720"),
    small_operation_threshold_eur=Decimal("200000"),
)


def rates_for(day: date) -> money.Rates:
    return RATES


def test_a_half_time_post_with_all_its_860_hours_costs_its_whole_annual_cost():
    half = Decimal("0.5")
    entries = [
        money.TimeEntry(date(2026, m, 1), Decimal("71.6667"), None, half) for m in range(1, 12)
    ]
    entries.append(money.TimeEntry(date(2026, 12, 1), Decimal("71.6663"), None, half))
    cost = money.hourly_rate_cost(entries, Decimal("26000"), rates_for)
    assert cost.hours == Decimal("860.00")
    assert cost.cost == Decimal("26000.00")  # not 13 000 €


def test_a_full_time_post_keeps_the_1720_hour_divisor():
    entry = money.TimeEntry(date(2026, 1, 31), Decimal("172"), None)  # a month of 31 days
    assert money.hourly_rate_cost([entry], Decimal("52000"), rates_for).cost == Decimal("5200.00")


def test_a_fixed_percentage_of_a_part_time_post_counts_its_share_of_the_pro_rata_hours():
    entries = [
        money.TimeEntry(date(2026, m, 1), None, Decimal("100"), Decimal("0.5"))
        for m in range(1, 13)
    ]
    assert money.counted_hours(entries, rates_for) == Decimal("860.00")
    assert money.hourly_rate_cost(entries, Decimal("26000"), rates_for).cost == Decimal("26000.00")


def test_the_salary_model_counts_a_part_time_month_in_full_at_its_pro_rata_hours():
    # 860 h / 12 = 71.67 h is the whole month of a 50 % post: the whole salary is eligible.
    entries = [money.TimeEntry(date(2026, 3, 31), Decimal("71.67"), None, Decimal("0.5"))]
    cost = money.salary_model_cost(entries, {(2026, 3): Decimal("2000")}, Decimal("25"), rates_for)
    assert cost.cost == Decimal("2500.00")


def test_hours_beyond_the_part_time_pro_rata_are_refused(coordinator, operation):
    position = StaffPositionFactory(
        operation=operation,
        annual_gross_cost=Decimal("26000"),
        working_time_percent=Decimal("50"),
    )
    for month in range(1, 11):
        services.time_record_create(
            actor=coordinator,
            position=position,
            span=TimeRecord.Span.MONTH,
            day=date(2026, month, 1),
            hours=Decimal("86"),
        )
    assert selectors.staff_year_hours(
        staff_member_id=position.staff_member_id, year=2026
    ) == Decimal("860.00")
    with pytest.raises(DomainError) as refused:
        services.time_record_create(
            actor=coordinator,
            position=position,
            span=TimeRecord.Span.DAY,
            day=date(2026, 11, 30),
            hours=Decimal("0.5"),
        )
    assert refused.value.code == "annual_hours_exceeded"
    assert "860.00" in refused.value.message
    assert TimeRecord.objects.count() == 10


def test_a_position_with_no_working_time_or_over_100_percent_is_refused(coordinator, operation):
    base = StaffPositionFactory(operation=operation)
    data = {
        "staff_member": base.staff_member,
        "title": "Osa-aikainen ohjaaja",
        "salary_model": "hourly_rate",
        "annual_gross_cost": Decimal("26000"),
        "person_years": Decimal("0.5"),
        "start_date": date(2026, 1, 1),
        "end_date": date(2026, 12, 31),
        "time_recording": TimeRecording.HOURS,
    }
    for bad in (Decimal("0"), Decimal("100.01")):
        with pytest.raises(DomainError):
            services.staff_position_save(
                actor=coordinator, operation=operation, working_time_percent=bad, **data
            )
    saved = services.staff_position_save(
        actor=coordinator, operation=operation, working_time_percent=Decimal("50"), **data
    )
    assert saved.working_time_share == Decimal("0.5")
    default = services.staff_position_save(actor=coordinator, operation=operation, **data)
    assert default.working_time_percent == Decimal("100")
