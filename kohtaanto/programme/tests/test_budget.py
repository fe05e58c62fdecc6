"""The budget: staff costs, the 40 % flat rate (CPR Art. 56(1)), the yearly and payment-period
tables and the small-operation warning, in the command and on the page alike."""

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kohtaanto.accounts.models import Role
from kohtaanto.programme import budget as money
from kohtaanto.programme import selectors, services
from kohtaanto.programme.models import ProgrammeRules, SalaryModel, TimeRecording
from kohtaanto.programme.tests.factories import StaffMemberFactory, StaffPositionFactory

RATES = money.Rates(Decimal("40"), Decimal("1720"), Decimal("200000"))


def rates_for(day: date) -> money.Rates:
    return RATES


def test_worked_example_one_person_year_for_three_years():
    line = money.StaffLine("", Decimal("52000"), Decimal("1"), date(2026, 1, 1), date(2028, 12, 31))
    budget = money.budget_compute(
        [line], money.year_spans(date(2026, 1, 1), date(2028, 12, 31)), rates_for
    )
    assert [(r.label, r.staff, r.flat_rate, r.total) for r in budget.rows] == [
        (y, Decimal("52000.00"), Decimal("20800.00"), Decimal("72800.00"))
        for y in ("2026", "2027", "2028")
    ]
    assert (budget.staff, budget.flat_rate, budget.total) == (
        Decimal("156000.00"),
        Decimal("62400.00"),
        Decimal("218400.00"),
    )
    assert budget.total == 3 * Decimal("52000") * Decimal("1.40")
    assert not budget.is_small_operation


def test_rounding_is_to_cents_half_up_and_totals_add_up():
    assert money.to_cents(Decimal("0.005")) == Decimal("0.01")
    assert money.to_cents(Decimal("0.0049")) == Decimal("0.00")
    assert money.flat_rate(Decimal("100.01"), Decimal("40")) == Decimal("40.00")  # 40.004
    assert money.flat_rate(Decimal("100.0125"), Decimal("40")) == Decimal("40.01")  # 40.005
    # 1 000.01 €/year for 7 months: 583.339166… → 583.34
    line = money.StaffLine(
        "", Decimal("1000.01"), Decimal("1"), date(2026, 1, 1), date(2026, 7, 31)
    )
    span = money.Span("2026", date(2026, 1, 1), date(2026, 12, 31))
    assert money.staff_cost_planned(line, span) == Decimal("583.34")
    budget = money.budget_compute([line], [span], rates_for)
    assert budget.rows[0].total == budget.rows[0].staff + budget.rows[0].flat_rate


def test_part_year_and_part_time_posts_count_whole_months():
    line = money.StaffLine(
        "", Decimal("48000"), Decimal("0.5"), date(2026, 7, 1), date(2027, 3, 31)
    )
    budget = money.budget_compute(
        [line], money.year_spans(date(2026, 1, 1), date(2027, 12, 31)), rates_for
    )
    assert [r.staff for r in budget.rows] == [Decimal("12000.00"), Decimal("6000.00")]


def test_small_operation_warning_at_or_below_the_threshold():
    def plan(annual: str) -> money.Budget:
        line = money.StaffLine(
            "", Decimal(annual), Decimal("1"), date(2026, 1, 1), date(2026, 12, 31)
        )
        return money.budget_compute(
            [line], money.year_spans(date(2026, 1, 1), date(2026, 12, 31)), rates_for
        )

    assert plan("142857.13").total == Decimal("199999.98")
    assert plan("142857.13").is_small_operation
    assert plan("142857.14").total == Decimal("200000.00")  # exactly the threshold: warned
    assert plan("142857.14").is_small_operation
    assert plan("142857.15").total == Decimal("200000.01")
    assert not plan("142857.15").is_small_operation


def test_hourly_rate_cost_is_hours_times_annual_cost_over_1720():
    entries = [money.TimeEntry(date(2026, 1, 5), hours=Decimal("7.5"))] * 4
    cost = money.hourly_rate_cost(entries, Decimal("52000"), rates_for)
    assert cost.hours == Decimal("30")
    assert cost.cost == Decimal("906.98")  # 30 × 30.2325… = 906.976…
    full_year = [money.TimeEntry(date(2026, m, 1), percentage=Decimal("100")) for m in range(1, 13)]
    assert money.hourly_rate_cost(full_year, Decimal("52000"), rates_for).cost == Decimal(
        "52000.00"
    )


def test_salary_model_adds_side_costs_and_takes_the_months_share():
    entries = [
        money.TimeEntry(date(2026, 1, 1), percentage=Decimal("50")),
        money.TimeEntry(date(2026, 2, 10), hours=Decimal("43")),  # 43 / (1 720 / 12) = 30 %
        money.TimeEntry(date(2026, 3, 2), hours=Decimal("200")),  # over a month: at most 100 %
    ]
    salaries = {(2026, 1): Decimal("4000"), (2026, 2): Decimal("4000"), (2026, 3): Decimal("4000")}
    cost = money.salary_model_cost(entries, salaries, Decimal("22"), rates_for)
    # 4 000 × 1.22 × (0.5 + 0.3 + 1) = 2 440 + 1 464 + 4 880
    assert cost.cost == Decimal("8784.00")
    missing = money.salary_model_cost(
        entries, {(2026, 1): Decimal("4000")}, Decimal("22"), rates_for
    )
    assert missing.months_without_salary == [date(2026, 2, 1), date(2026, 3, 1)]
    assert missing.cost == Decimal("2440.00")


def test_budget_of_operation_per_year_and_per_payment_period(operation):
    StaffPositionFactory(operation=operation)
    by_year = selectors.budget_for_operation(operation=operation)
    by_period = selectors.budget_for_operation(operation=operation, by="period")
    assert by_year.total == Decimal("218400.00")
    assert len(by_period.rows) == 6
    assert {r.staff for r in by_period.rows} == {Decimal("26000.00")}
    assert {r.flat_rate for r in by_period.rows} == {Decimal("10400.00")}
    assert by_period.total == by_year.total


def test_flat_rate_comes_from_the_rules_in_force(operation):
    ProgrammeRules.objects.create(
        valid_from=date(2028, 1, 1),
        flat_rate_percent=Decimal("30"),
        annual_hours=Decimal("1720"),
        small_operation_threshold_eur=Decimal("200000"),
    )
    StaffPositionFactory(operation=operation)
    rows = selectors.budget_for_operation(operation=operation).rows
    assert [r.flat_rate for r in rows] == [
        Decimal("20800.00"),
        Decimal("20800.00"),
        Decimal("15600.00"),
    ]


def test_no_rules_in_force_is_a_clear_error(operation):
    ProgrammeRules.objects.all().delete()
    StaffPositionFactory(operation=operation)
    with pytest.raises(Exception, match="Päivälle 2026-01-01 ei ole voimassa"):
        selectors.budget_for_operation(operation=operation)


def run_budget_command(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("esf_budget", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_esf_budget_command_prints_the_worked_example(db):
    out, err = run_budget_command(
        "--annual-cost", "52000", "--person-years", "1", "--years", "3", "--start-year", "2026"
    )
    lines = out.strip().splitlines()
    assert lines[0].split()[0] == "Vuosi" and "40 %" in lines[0]
    for year, line in zip(("2026", "2027", "2028"), lines[1:4], strict=True):
        assert line.split(maxsplit=1)[0] == year
        assert "52 000.00" in line and "20 800.00" in line and "72 800.00" in line
    assert "156 000.00" in lines[4] and "62 400.00" in lines[4] and "218 400.00" in lines[4]
    assert err == ""


def test_esf_budget_command_warns_for_a_small_operation(db):
    out, err = run_budget_command("--annual-cost", "30000", "--years", "3")
    assert "126 000.00" in out
    assert "200 000.00" in err and "CPR 53" in err


def test_esf_budget_command_refuses_bad_numbers(db):
    with pytest.raises(CommandError, match="not a number"):
        run_budget_command("--annual-cost", "lots", "--years", "3")
    with pytest.raises(CommandError, match="vähintään yksi"):
        run_budget_command("--annual-cost", "1000", "--years", "0")


def test_budget_page_shows_the_same_numbers_as_the_command(client_as, operation):
    StaffPositionFactory(operation=operation)
    plan = selectors.budget_plan(
        annual_cost=Decimal("52000"), person_years=Decimal("1"), start_year=2026, years=3
    )
    page = selectors.budget_for_operation(operation=operation)
    assert [(r.staff, r.flat_rate, r.total) for r in plan.rows] == [
        (r.staff, r.flat_rate, r.total) for r in page.rows
    ]
    response = client_as(Role.FINANCE).get(f"/programme/operations/{operation.pk}/budget/")
    html = response.content.decode()
    for figure in (
        "52 000,00",
        "20 800,00",
        "72 800,00",
        "156 000,00",
        "62 400,00",
        "218 400,00",
        "26 000,00",
    ):
        assert figure in html, figure
    assert "CPR 53" not in html  # no small-operation warning at 218 400 €


def test_budget_page_warns_about_a_small_operation(client_as, operation):
    StaffPositionFactory(operation=operation, annual_gross_cost=Decimal("30000"))
    html = client_as(Role.COORDINATOR).get(f"/programme/operations/{operation.pk}/budget/").content
    assert "CPR 53" in html.decode()


def test_staff_position_must_be_whole_months_inside_the_operation(coordinator, operation):
    member = StaffMemberFactory()
    data = {
        "staff_member": member,
        "title": "Koordinaattori",
        "salary_model": SalaryModel.HOURLY_RATE,
        "annual_gross_cost": Decimal("52000"),
        "side_cost_percent": None,
        "person_years": Decimal("1"),
        "start_date": date(2026, 1, 15),
        "end_date": date(2028, 12, 31),
        "time_recording": TimeRecording.HOURS,
        "fixed_percentage": None,
    }
    with pytest.raises(Exception, match="kokonaisina kuukausina"):
        services.staff_position_save(actor=coordinator, operation=operation, **data)
    with pytest.raises(Exception, match="toteutusaikana"):
        services.staff_position_save(
            actor=coordinator, operation=operation, **{**data, "start_date": date(2025, 12, 1)}
        )
    with pytest.raises(Exception, match="sivukuluprosentti"):
        services.staff_position_save(
            actor=coordinator,
            operation=operation,
            **{
                **data,
                "start_date": date(2026, 1, 1),
                "salary_model": SalaryModel.SALARY_PLUS_SIDE_COSTS,
            },
        )
    position = services.staff_position_save(
        actor=coordinator, operation=operation, **{**data, "start_date": date(2026, 1, 1)}
    )
    assert position.pk


def test_coordinator_adds_a_post_from_the_budget_page(client_as, coordinator, operation):
    from kohtaanto.audit.models import AuditEvent

    member = StaffMemberFactory()
    client = client_as(coordinator)
    response = client.post(
        f"/programme/operations/{operation.pk}/positions/new/",
        {
            "staff_member": member.pk,
            "title": "Koordinaattori",
            "salary_model": "hourly_rate",
            "annual_gross_cost": "52000",
            "person_years": "1",
            "start_date": "2026-01-01",
            "end_date": "2028-12-31",
            "time_recording": "hours",
        },
    )
    assert response.status_code == 302
    assert selectors.budget_for_operation(operation=operation).total == Decimal("218400.00")
    assert AuditEvent.objects.filter(action="programme.staff_position.create").exists()
    bad = client.post(
        f"/programme/operations/{operation.pk}/positions/new/",
        {
            "staff_member": member.pk,
            "title": "Koordinaattori",
            "salary_model": "hourly_rate",
            "annual_gross_cost": "52000",
            "person_years": "1",
            "start_date": "2026-01-10",
            "end_date": "2028-12-31",
            "time_recording": "hours",
        },
    )
    assert bad.status_code == 200 and "kokonaisina kuukausina" in bad.content.decode()


def test_editing_a_post_changes_the_budget_and_is_audited(client_as, coordinator, operation):
    from kohtaanto.audit.models import AuditEvent

    position = StaffPositionFactory(operation=operation)
    response = client_as(coordinator).post(
        f"/programme/operations/{operation.pk}/positions/{position.pk}/",
        {
            "staff_member": position.staff_member_id,
            "title": position.title,
            "salary_model": "hourly_rate",
            "annual_gross_cost": "55000",
            "person_years": "0.5",
            "start_date": "2026-01-01",
            "end_date": "2028-12-31",
            "time_recording": "hours",
        },
    )
    assert response.status_code == 302
    assert selectors.budget_for_operation(operation=operation).staff == Decimal("82500.00")
    event = AuditEvent.objects.get(action="programme.staff_position.update")
    assert event.changes["annual_gross_cost"] == ["52000.00", "55000"]
    assert event.changes["person_years"] == ["1.00", "0.5"]
