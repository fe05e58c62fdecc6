"""Time records and the 1 720-hour yearly cap per person (CPR (EU) 2021/1060 Art. 55(2))."""

import threading
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection, connections

from kohtaanto.accounts.models import Role
from kohtaanto.audit.models import AuditEvent
from kohtaanto.common.errors import ConflictError, DomainError
from kohtaanto.programme import selectors, services
from kohtaanto.programme.models import (
    CostReport,
    Operation,
    TimeRecord,
    TimeRecording,
)
from kohtaanto.programme.tests.factories import (
    OperationFactory,
    StaffMemberFactory,
    StaffPositionFactory,
)


@pytest.fixture(autouse=True)
def _months_have_ended(monkeypatch):
    """These tests record whole years ahead; the month-not-ended rule has its own tests
    (test_staff_costs), so here every month of 2026–2028 is over."""
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: date(2030, 1, 1))


def record_hours(actor, position, day, hours, span=TimeRecord.Span.DAY):
    return services.time_record_create(
        actor=actor, position=position, span=span, day=day, hours=Decimal(hours)
    )


def month_hours(actor, position, year, hours_per_month):
    for month in range(1, 13):
        record_hours(actor, position, date(year, month, 1), hours_per_month, TimeRecord.Span.MONTH)


def test_exactly_1720_hours_a_year_are_accepted(coordinator, operation):
    position = StaffPositionFactory(operation=operation)
    month_hours(coordinator, position, 2026, "143.33")  # 1 719.96 h
    assert selectors.staff_year_hours(
        staff_member_id=position.staff_member_id, year=2026
    ) == Decimal("1719.96")
    other = StaffPositionFactory(operation=OperationFactory(), staff_member=position.staff_member)
    record_hours(coordinator, other, date(2026, 12, 30), "0.04")
    assert selectors.staff_year_hours(
        staff_member_id=position.staff_member_id, year=2026
    ) == Decimal("1720.00")


def test_1720_5_hours_are_refused_with_a_clear_error(coordinator, operation):
    position = StaffPositionFactory(operation=operation)
    month_hours(coordinator, position, 2026, "143")  # 1 716 h
    with pytest.raises(DomainError) as refused:
        record_hours(
            coordinator,
            StaffPositionFactory(operation=OperationFactory(), staff_member=position.staff_member),
            date(2026, 12, 30),
            "4.5",
        )
    message = refused.value.message
    assert refused.value.code == "annual_hours_exceeded"
    assert "1 720.00" in message and "1 716.00" in message and "4.50" in message
    assert "4.00" in message  # what can still be recorded
    assert "2026" in message and "55" in message
    assert TimeRecord.objects.count() == 12
    # The cap is per calendar year: the next year starts from zero.
    record_hours(coordinator, position, date(2027, 1, 4), "8")


def test_percentage_records_count_their_share_of_the_annual_hours(coordinator, operation):
    position = StaffPositionFactory(
        operation=operation,
        time_recording=TimeRecording.FIXED_PERCENTAGE,
        fixed_percentage=Decimal("100"),
    )
    for month in range(1, 13):
        services.time_record_create(
            actor=coordinator,
            position=position,
            span=TimeRecord.Span.MONTH,
            day=date(2026, month, 15),
            percentage=Decimal("100"),
        )
    assert selectors.staff_year_hours(
        staff_member_id=position.staff_member_id, year=2026
    ) == Decimal("1720")
    assert TimeRecord.objects.filter(date=date(2026, 5, 1)).exists()  # stored as the month
    hours_post = StaffPositionFactory(
        operation=OperationFactory(), staff_member=position.staff_member
    )
    with pytest.raises(DomainError, match="ylittäisivät"):
        record_hours(coordinator, hours_post, date(2026, 6, 1), "0.5")


def test_fixed_percentage_staff_cannot_record_hours_and_vice_versa(coordinator, operation):
    fixed = StaffPositionFactory(
        operation=operation,
        time_recording=TimeRecording.FIXED_PERCENTAGE,
        fixed_percentage=Decimal("100"),
    )
    with pytest.raises(DomainError, match="prosenttiosuus"):
        record_hours(coordinator, fixed, date(2026, 3, 2), "7.5")
    hourly = StaffPositionFactory(operation=operation)
    with pytest.raises(DomainError, match="tunnit"):
        services.time_record_create(
            actor=coordinator,
            position=hourly,
            span="month",
            day=date(2026, 3, 1),
            percentage=Decimal("50"),
        )


def test_a_day_holds_at_most_24_hours_and_a_month_is_recorded_one_way(coordinator, operation):
    position = StaffPositionFactory(operation=operation)
    with pytest.raises(DomainError, match="24"):
        record_hours(coordinator, position, date(2026, 3, 2), "24.5")
    record_hours(coordinator, position, date(2026, 3, 2), "7.5")
    with pytest.raises(ConflictError):
        record_hours(coordinator, position, date(2026, 3, 2), "1")
    with pytest.raises(ConflictError):
        record_hours(coordinator, position, date(2026, 3, 1), "100", TimeRecord.Span.MONTH)


def test_records_must_fall_inside_the_post(coordinator, operation):
    position = StaffPositionFactory(
        operation=operation, start_date=date(2026, 3, 1), end_date=date(2026, 8, 31)
    )
    with pytest.raises(DomainError, match="voimassaoloaikana"):
        record_hours(coordinator, position, date(2026, 2, 27), "7.5")
    with pytest.raises(DomainError, match="voimassaoloaikana"):
        record_hours(coordinator, position, date(2026, 9, 1), "100", TimeRecord.Span.MONTH)


def test_records_of_a_submitted_period_are_locked_until_a_correction(coordinator, operation):
    position = StaffPositionFactory(operation=operation)
    record = record_hours(coordinator, position, date(2026, 3, 2), "7.5")
    period = operation.payment_periods.get(number=1)
    report = services.cost_report_create(actor=coordinator, period=period)
    services.cost_report_update(actor=coordinator, report=report, narrative="Kausi eteni.")
    services.cost_report_submit(actor=coordinator, report=report)
    with pytest.raises(ConflictError, match="korjausversio"):
        record_hours(coordinator, position, date(2026, 3, 3), "7.5")
    with pytest.raises(ConflictError):
        services.time_record_delete(actor=coordinator, record=record)
    record_hours(coordinator, position, date(2026, 7, 1), "7.5")  # the next period is open
    services.cost_report_correct(actor=coordinator, report=report)
    record_hours(coordinator, position, date(2026, 3, 3), "7.5")
    assert CostReport.objects.filter(period=period).count() == 2


def test_time_record_writes_audit_events(coordinator, operation):
    position = StaffPositionFactory(operation=operation)
    record = record_hours(coordinator, position, date(2026, 3, 2), "7.5")
    services.time_record_delete(actor=coordinator, record=record)
    actions = list(AuditEvent.objects.values_list("action", flat=True))
    assert "programme.time_record.create" in actions and "programme.time_record.delete" in actions


def test_time_page_records_and_shows_the_cap(client_as, operation):
    client = client_as(Role.FINANCE)
    position = StaffPositionFactory(
        operation=operation, staff_member=StaffMemberFactory(name="Aino Malli")
    )
    response = client.post(
        "/programme/time/",
        {"position": position.pk, "span": "day", "day": "2026-03-02", "hours": "7.5"},
    )
    assert response.status_code == 302
    page = client.get("/programme/time/?year=2026").content.decode()
    assert "Aino Malli" in page and "7,50" in page and "1 712,50" in page
    month_hours(client.user, position, 2027, "143")
    other = StaffPositionFactory(operation=OperationFactory(), staff_member=position.staff_member)
    refused = client.post(
        "/programme/time/",
        {"position": other.pk, "span": "day", "day": "2027-12-30", "hours": "4.5"},
    )
    assert refused.status_code == 200
    assert "ylittäisivät" in refused.content.decode()


def test_counting_is_per_person_across_all_their_projects(coordinator, operation):
    member = StaffMemberFactory()
    first = StaffPositionFactory(operation=operation, staff_member=member)
    second = StaffPositionFactory(
        operation=OperationFactory(fund=Operation.Fund.ERDF), staff_member=member
    )
    third = StaffPositionFactory(operation=OperationFactory(), staff_member=member)
    month_hours(coordinator, first, 2026, "100")
    month_hours(coordinator, second, 2026, "43")
    assert selectors.staff_year_hours(staff_member_id=member.pk, year=2026) == Decimal("1716")
    with pytest.raises(DomainError) as refused:
        record_hours(coordinator, third, date(2026, 12, 31), "4.5")
    assert refused.value.code == "annual_hours_exceeded"
    record_hours(coordinator, third, date(2026, 12, 31), "4")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_records_cannot_pass_the_cap_together(make_user):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks")
    coordinator = make_user(Role.COORDINATOR)
    operation = Operation.objects.get(is_default=True)
    position = StaffPositionFactory(operation=operation)
    month_hours(coordinator, position, 2026, "143")  # 1 716 h: room for 4 more
    daily = StaffPositionFactory(operation=operation, staff_member=position.staff_member)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def attempt(day: date) -> None:
        try:
            barrier.wait()
            record_hours(coordinator, daily, day, "3")
            outcomes.append("ok")
        except DomainError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(date(2026, 12, d),)) for d in (29, 30)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["ok", "refused"]
    assert selectors.staff_year_hours(
        staff_member_id=position.staff_member_id, year=2026
    ) == Decimal("1719")
