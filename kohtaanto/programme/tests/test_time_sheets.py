"""Signed monthly time sheets: all hours worked (project and other), signed by the employee
and then the supervisor, locked; the payment claim lists them as its annex."""

import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from kohtaanto.accounts.models import Role
from kohtaanto.common.errors import ConflictError, DomainError
from kohtaanto.programme import exports, selectors, services
from kohtaanto.programme.models import TimeRecord
from kohtaanto.programme.tests.factories import StaffMemberFactory, StaffPositionFactory

TODAY = date(2026, 12, 2)


@pytest.fixture
def worker(make_user, operation):
    user = make_user(Role.COUNSELLOR)
    position = StaffPositionFactory(
        operation=operation,
        staff_member=StaffMemberFactory(name="Tuntityöntekijä", user=user),
        working_time_percent=Decimal("50"),  # a part-time post
    )
    for day in (2, 31):  # 31-day month, its last day included
        services.time_record_create(
            actor=user,
            position=position,
            span=TimeRecord.Span.DAY,
            day=date(2026, 3, day),
            hours=Decimal("6"),
            today=TODAY,
        )
    return user, position


def test_employee_then_supervisor_sign_and_the_month_is_locked(coordinator, worker):
    user, position = worker
    with pytest.raises(DomainError) as not_own:
        services.time_sheet_sign_as_employee(
            actor=coordinator,
            staff_member=position.staff_member,
            month=date(2026, 3, 1),
            other_hours=Decimal("60"),
            today=TODAY,
        )
    assert not_own.value.code == "not_own"
    sheet = services.time_sheet_sign_as_employee(
        actor=user,
        staff_member=position.staff_member,
        month=date(2026, 3, 15),
        other_hours=Decimal("60"),
        today=TODAY,
    )
    assert sheet.project_hours == Decimal("12.00") and sheet.total_hours == Decimal("72.00")
    with pytest.raises(ConflictError):
        services.time_record_create(
            actor=user,
            position=position,
            span=TimeRecord.Span.DAY,
            day=date(2026, 3, 3),
            hours=Decimal("1"),
            today=TODAY,
        )
    with pytest.raises(DomainError) as own:
        services.time_sheet_sign_as_supervisor(actor=user, sheet=sheet)
    assert own.value.code == "own_sheet"
    sheet = services.time_sheet_sign_as_supervisor(actor=coordinator, sheet=sheet)
    assert sheet.is_locked
    with pytest.raises(ConflictError):
        services.time_sheet_sign_as_supervisor(actor=coordinator, sheet=sheet)


def test_a_month_not_ended_cannot_be_signed(worker):
    user, position = worker
    with pytest.raises(DomainError) as refused:
        services.time_sheet_sign_as_employee(
            actor=user,
            staff_member=position.staff_member,
            month=date(2026, 12, 1),
            other_hours=Decimal("0"),
            today=TODAY,
        )
    assert refused.value.code == "month_not_ended"


def test_the_claim_lists_the_signed_sheets_as_its_annex(coordinator, operation, worker):
    user, position = worker
    sheet = services.time_sheet_sign_as_employee(
        actor=user,
        staff_member=position.staff_member,
        month=date(2026, 3, 1),
        other_hours=Decimal("60"),
        today=TODAY,
    )
    services.time_sheet_sign_as_supervisor(actor=coordinator, sheet=sheet)
    report = services.cost_report_create(
        actor=coordinator, period=operation.payment_periods.get(number=1)
    )
    figures = selectors.cost_report_figures(report)
    assert figures["time_sheets"] == [
        {
            "name": "Tuntityöntekijä",
            "month": "2026-03-01",
            "project_hours": "12.00",
            "other_hours": "60.00",
            "employee_signed": True,
            "supervisor_signed": True,
        }
    ]
    workbook = load_workbook(io.BytesIO(exports.cost_report_xlsx(report, figures)))
    rows = list(workbook["Tuntikirjanpidot"].iter_rows(values_only=True))
    assert rows[1][0] == "Tuntityöntekijä" and rows[1][4] == "Kyllä" and rows[1][5] == "Kyllä"
