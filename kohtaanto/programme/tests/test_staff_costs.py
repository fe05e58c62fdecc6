"""Staff cost methods (CPR (EU) 2021/1060 Art. 55–56): the monthly method, a fixed percentage
that stays fixed, no costs for a month not yet ended, a frozen and versioned rate basis,
participants' wages and allowances outside the flat rate, and the ≤ 200 000 € warning for the
whole operation."""

from datetime import date
from decimal import Decimal

import pytest

from kohtaanto.common.errors import DomainError
from kohtaanto.programme import budget as money
from kohtaanto.programme import selectors, services
from kohtaanto.programme.models import (
    CostReport,
    Implementer,
    ParticipantCost,
    SalaryModel,
    StaffRateBasis,
    TimeRecord,
    TimeRecording,
)
from kohtaanto.programme.tests.factories import OperationFactory, StaffPositionFactory

TODAY = date(2026, 12, 2)
RATES = money.Rates(Decimal("40"), Decimal("1720"), Decimal("200000"))


def rates_for(_day: date) -> money.Rates:
    return RATES


# --- The monthly method (Art. 55(2)(b)) ---------------------------------------------------


def test_monthly_method_divides_the_months_cost_by_the_contracts_monthly_hours():
    # 3 000 € salary + 25 % side costs = 3 750 € in a 31-day month (January); the contract
    # says 150 h a month, so 60 h cost 60 × 3 750 / 150 = 1 500 €, not 60 × 3 750 / 143.33.
    entries = [money.TimeEntry(date(2026, 1, d), Decimal("6")) for d in range(2, 12)]
    cost = money.monthly_rate_cost(
        entries, {(2026, 1): Decimal("3000")}, Decimal("25"), Decimal("150"), rates_for
    )
    assert cost.cost == Decimal("1500.00")
    assert cost.hours == Decimal("60.00")


def test_monthly_method_never_costs_more_than_the_whole_month_and_lists_missing_salaries():
    entries = [money.TimeEntry(date(2026, 3, 1), None, Decimal("100"))]
    entries += [money.TimeEntry(date(2026, 4, 1), Decimal("10"))]
    cost = money.monthly_rate_cost(
        entries, {(2026, 3): Decimal("3000")}, Decimal("20"), Decimal("150"), rates_for
    )
    assert cost.cost == Decimal("3600.00")
    assert cost.months_without_salary == [date(2026, 4, 1)]


def monthly_post(operation, hours="150"):
    return StaffPositionFactory(
        operation=operation,
        salary_model=SalaryModel.MONTHLY_RATE,
        side_cost_percent=Decimal("25"),
        monthly_working_hours=Decimal(hours),
    )


def test_monthly_post_hours_in_a_month_cannot_exceed_the_contracts_monthly_hours(
    coordinator, operation
):
    position = monthly_post(operation, "120")
    for day in (2, 3):
        services.time_record_create(
            actor=coordinator,
            position=position,
            span=TimeRecord.Span.DAY,
            day=date(2026, 3, day),
            hours=Decimal("10"),
            today=TODAY,
        )
    services.time_record_create(
        actor=coordinator,
        position=position,
        span=TimeRecord.Span.DAY,
        day=date(2026, 3, 31),  # 31-day month, its last day
        hours=Decimal("10"),
        today=TODAY,
    )
    with pytest.raises(DomainError) as refused:
        services.time_record_create(
            actor=coordinator,
            position=monthly_post(operation, "25"),
            span=TimeRecord.Span.MONTH,
            day=date(2026, 3, 1),
            hours=Decimal("25.5"),
            today=TODAY,
        )
    assert refused.value.code == "monthly_hours_exceeded"


def test_monthly_post_in_a_claim_uses_its_salaries(coordinator, operation):
    position = monthly_post(operation)
    services.time_record_create(
        actor=coordinator,
        position=position,
        span=TimeRecord.Span.MONTH,
        day=date(2026, 1, 1),
        hours=Decimal("75"),
        today=TODAY,
    )
    services.salary_payment_record(
        actor=coordinator,
        position=position,
        month=date(2026, 1, 1),
        gross_salary=Decimal("3000"),
        today=TODAY,
    )
    report = services.cost_report_create(
        actor=coordinator, period=operation.payment_periods.get(number=1)
    )
    line = next(
        s
        for s in selectors.cost_report_figures(report)["staff"]
        if s["salary_model"] == "monthly_rate"
    )
    assert line["cost"] == "1875.00"  # 75 / 150 × 3 750


def test_monthly_post_needs_the_contracts_monthly_hours(coordinator, operation):
    data = {
        "staff_member": StaffPositionFactory(operation=operation).staff_member,
        "title": "Ohjaaja",
        "salary_model": SalaryModel.MONTHLY_RATE,
        "annual_gross_cost": Decimal("40000"),
        "side_cost_percent": Decimal("25"),
        "person_years": Decimal("1"),
        "start_date": date(2026, 1, 1),
        "end_date": date(2026, 12, 31),
        "time_recording": TimeRecording.HOURS,
    }
    with pytest.raises(DomainError, match="kuukausityöaika"):
        services.staff_position_save(actor=coordinator, operation=operation, **data)


# --- A fixed percentage stays fixed -------------------------------------------------------


def test_fixed_percentage_post_refuses_a_month_with_another_percentage(coordinator, operation):
    position = StaffPositionFactory(
        operation=operation,
        working_time_percent=Decimal("50"),  # a part-time post
        time_recording=TimeRecording.FIXED_PERCENTAGE,
        fixed_percentage=Decimal("40"),
    )
    services.time_record_create(
        actor=coordinator,
        position=position,
        span="month",
        day=date(2026, 2, 1),
        percentage=Decimal("40"),
        today=TODAY,
    )
    with pytest.raises(DomainError) as refused:
        services.time_record_create(
            actor=coordinator,
            position=position,
            span="month",
            day=date(2026, 3, 1),
            percentage=Decimal("45"),
            today=TODAY,
        )
    assert refused.value.code == "fixed_percentage_mismatch"
    assert "40" in refused.value.message
    assert TimeRecord.objects.filter(position=position).count() == 1


# --- No costs for a month not yet ended ---------------------------------------------------


def test_hours_salaries_and_participant_costs_of_a_month_not_ended_are_refused(
    coordinator, operation
):
    position = monthly_post(operation)
    with pytest.raises(DomainError) as refused:
        services.time_record_create(
            actor=coordinator,
            position=position,
            span="day",
            day=date(2026, 12, 1),
            hours=Decimal("7.5"),
            today=TODAY,
        )
    assert refused.value.code == "month_not_ended"
    # The last day of a month: the month is not over until the day after.
    with pytest.raises(DomainError, match="ei ole vielä päättynyt"):
        services.salary_payment_record(
            actor=coordinator,
            position=position,
            month=date(2026, 11, 1),
            gross_salary=Decimal("3000"),
            today=date(2026, 11, 30),
        )
    services.salary_payment_record(
        actor=coordinator,
        position=position,
        month=date(2026, 11, 1),
        gross_salary=Decimal("3000"),
        today=date(2026, 12, 1),
    )
    operation.participant_costs_allowed = True
    operation.save(update_fields=["participant_costs_allowed"])
    with pytest.raises(DomainError, match="ei ole vielä päättynyt"):
        services.participant_cost_record(
            actor=coordinator,
            operation=operation,
            month=date(2027, 1, 1),
            kind="allowance",
            amount=Decimal("100"),
            today=TODAY,
        )


def test_29_february_is_a_day_of_a_month_that_ends_on_it(coordinator, operation):
    position = StaffPositionFactory(operation=operation)
    with pytest.raises(DomainError, match="ei ole vielä päättynyt"):
        services.time_record_create(
            actor=coordinator,
            position=position,
            span="day",
            day=date(2028, 2, 29),
            hours=Decimal("7.5"),
            today=date(2028, 2, 29),
        )
    record = services.time_record_create(
        actor=coordinator,
        position=position,
        span="day",
        day=date(2028, 2, 29),
        hours=Decimal("7.5"),
        today=date(2028, 3, 1),
    )
    assert record.date == date(2028, 2, 29)


# --- The rate basis is frozen once used ---------------------------------------------------


def _position_data(position, **changes):
    data = {name: getattr(position, name) for name in services.POSITION_FIELDS}
    return {**data, **changes}


def test_rate_basis_is_frozen_by_a_submitted_claim_and_a_change_needs_a_reason(
    coordinator, operation, monkeypatch
):
    monkeypatch.setattr(
        selectors, "data_quality_report", lambda **kw: selectors.DataQualityReport()
    )
    position = services.staff_position_save(
        actor=coordinator,
        operation=operation,
        **_position_data(
            StaffPositionFactory.build(
                operation=operation,
                staff_member=StaffPositionFactory(operation=operation).staff_member,
                time_recording=TimeRecording.FIXED_PERCENTAGE,
                fixed_percentage=Decimal("100"),
            )
        ),
    )
    # Before any claim the basis is corrected in place.
    position = services.staff_position_save(
        actor=coordinator,
        operation=operation,
        position=position,
        **_position_data(position, annual_gross_cost=Decimal("51000")),
    )
    assert list(position.rate_bases.values_list("version", "annual_gross_cost")) == [
        (1, Decimal("51000.00"))
    ]
    services.time_record_create(
        actor=coordinator,
        position=position,
        span="month",
        day=date(2026, 1, 1),
        percentage=Decimal("100"),
        today=TODAY,
    )
    report = services.cost_report_create(
        actor=coordinator, period=operation.payment_periods.get(number=1)
    )
    services.cost_report_update(actor=coordinator, report=report, narrative="Käynnistys.")
    report = services.cost_report_submit(actor=coordinator, report=report)
    line = next(s for s in report.figures["staff"] if s["position_id"] == position.pk)
    assert line["rate_basis_version"] == 1
    assert StaffRateBasis.objects.get(position=position, version=1).frozen_at is not None

    with pytest.raises(DomainError) as refused:
        services.staff_position_save(
            actor=coordinator,
            operation=operation,
            position=position,
            **_position_data(position, annual_gross_cost=Decimal("53000")),
        )
    assert refused.value.code == "rate_basis_frozen"
    services.staff_position_save(
        actor=coordinator,
        operation=operation,
        position=position,
        reason="Palkankorotus 1.3.2026 (TES)",
        **_position_data(position, annual_gross_cost=Decimal("53000")),
    )
    bases = list(position.rate_bases.order_by("version"))
    assert [(b.version, b.annual_gross_cost) for b in bases] == [
        (1, Decimal("51000.00")),
        (2, Decimal("53000.00")),
    ]
    assert bases[1].reason == "Palkankorotus 1.3.2026 (TES)" and bases[1].frozen_at is None
    # The submitted claim still names version 1 and keeps its figures.
    report.refresh_from_db()
    assert report.status == CostReport.Status.SUBMITTED
    assert (
        next(s for s in report.figures["staff"] if s["position_id"] == position.pk)[
            "rate_basis_version"
        ]
        == 1
    )


# --- Participants' wages and allowances (Art. 56(2)) ---------------------------------------


def test_participant_costs_are_refused_unless_the_funding_decision_allows_them(
    coordinator, operation
):
    with pytest.raises(DomainError) as refused:
        services.participant_cost_record(
            actor=coordinator,
            operation=operation,
            month=date(2026, 3, 1),
            kind="wage",
            amount=Decimal("1000"),
            today=TODAY,
        )
    assert refused.value.code == "participant_costs_not_allowed"
    assert not ParticipantCost.objects.exists()


def test_participant_costs_are_added_outside_the_flat_rate(coordinator, operation):
    operation.participant_costs_allowed = True
    operation.save(update_fields=["participant_costs_allowed"])
    position = StaffPositionFactory(
        operation=operation,
        time_recording=TimeRecording.FIXED_PERCENTAGE,
        fixed_percentage=Decimal("100"),
    )
    services.time_record_create(
        actor=coordinator,
        position=position,
        span="month",
        day=date(2026, 1, 1),
        percentage=Decimal("100"),
        today=TODAY,
    )
    services.participant_cost_record(
        actor=coordinator,
        operation=operation,
        month=date(2026, 1, 31),
        kind="allowance",
        amount=Decimal("1200.50"),
        today=TODAY,
    )
    report = services.cost_report_create(
        actor=coordinator, period=operation.payment_periods.get(number=1)
    )
    figures = selectors.cost_report_figures(report)
    staff = Decimal(figures["staff_total"])
    assert figures["participant_costs"] == "1200.50"
    # 40 % of staff costs only; the allowance is not in the flat rate's base.
    assert Decimal(figures["flat_rate"]) == money.flat_rate(staff, Decimal("40"))
    assert Decimal(figures["total"]) == staff + Decimal(figures["flat_rate"]) + Decimal("1200.50")


# --- The ≤ 200 000 € warning looks at the whole operation ---------------------------------


def test_small_operation_warning_uses_all_implementers_budgets(coordinator, kpedu):
    operation = OperationFactory()
    ours = Implementer.objects.create(
        operation=operation, employment_area=operation.employment_area, role="co_implementer"
    )
    lead = Implementer.objects.create(operation=operation, partner_organisation=kpedu, role="lead")
    StaffPositionFactory(operation=operation, annual_gross_cost=Decimal("20000"))
    budget = selectors.budget_for_operation(operation=operation)
    # 3 × 20 000 × 1.4 = 84 000 €: without the implementers' budgets only our part is known.
    assert budget.total == Decimal("84000.00") and budget.is_small_operation
    services.implementer_budget_set(
        actor=coordinator, implementer=ours, budget_eur=Decimal("84000")
    )
    services.implementer_budget_set(
        actor=coordinator, implementer=lead, budget_eur=Decimal("150000")
    )
    budget = selectors.budget_for_operation(operation=operation)
    assert budget.operation_total == Decimal("234000")
    assert not budget.is_small_operation  # the operation is over 200 000 €, our share is not
    services.implementer_budget_set(
        actor=coordinator, implementer=lead, budget_eur=Decimal("116000")
    )
    assert selectors.budget_for_operation(operation=operation).is_small_operation  # exactly 200 000
