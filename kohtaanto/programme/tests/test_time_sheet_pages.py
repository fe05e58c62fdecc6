"""The pages where an employee signs their own month and the coordinator or finance
countersigns it: the journey, each refusal on the page (nothing changed), and the same 404
for a forbidden and a missing sheet."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from kohtaanto.accounts.models import Role
from kohtaanto.audit.models import AuditEvent
from kohtaanto.programme import services
from kohtaanto.programme.models import TimeRecord, TimeSheet
from kohtaanto.programme.tests.factories import StaffMemberFactory, StaffPositionFactory

PAGE = "/programme/time-sheets/"
MARCH = date(2026, 3, 1)


def _countersign_url(sheet: TimeSheet) -> str:
    return f"/programme/time-sheets/{sheet.pk}/countersign/"


@pytest.fixture
def employee(client_as, make_user, operation):
    """A counsellor who works half time on the project, with March's hours recorded."""
    user = make_user(Role.COUNSELLOR)
    position = StaffPositionFactory(
        operation=operation,
        staff_member=StaffMemberFactory(name="Tuula Tuntilainen", user=user),
        working_time_percent=Decimal("50"),
    )
    for day in (2, 31):
        services.time_record_create(
            actor=user,
            position=position,
            span=TimeRecord.Span.DAY,
            day=date(2026, 3, day),
            hours=Decimal("6"),
            today=date(2026, 12, 2),
        )
    return client_as(user)


def _sign(client, month="2026-03", other="60,5"):
    staff_member = client.user.staff_memberships.get()
    return client.post(
        PAGE, {"staff_member": staff_member.pk, "month": month, "other_hours": other}
    )


def test_employee_signs_then_the_coordinator_countersigns_and_the_month_locks(employee, client_as):
    page = employee.get(PAGE)
    assert page.status_code == 200
    assert "Allekirjoita oma kuukausi" in page.content.decode()

    response = _sign(employee)
    assert response.status_code == 302
    sheet = TimeSheet.objects.get()
    assert (sheet.month, sheet.project_hours, sheet.other_hours) == (
        MARCH,
        Decimal("12.00"),
        Decimal("60.50"),
    )
    assert sheet.employee_signed_by == employee.user and not sheet.is_locked
    assert AuditEvent.objects.filter(
        action="programme.time_sheet.employee_sign", actor=employee.user
    ).exists()
    own = employee.get(PAGE).content.decode()
    assert "odottaa esihenkilöä" in own and "72,5" in own

    coordinator = client_as(Role.COORDINATOR)
    waiting = coordinator.get(PAGE).content.decode()
    assert 'id="waiting-sheets"' in waiting and "Tuula Tuntilainen" in waiting
    response = coordinator.post(_countersign_url(sheet), follow=True)
    assert response.status_code == 200
    assert "hyväksyttiin ja lukittiin" in response.content.decode()
    sheet.refresh_from_db()
    assert sheet.is_locked and sheet.supervisor_signed_by == coordinator.user
    assert AuditEvent.objects.filter(
        action="programme.time_sheet.supervisor_sign", actor=coordinator.user
    ).exists()
    assert "Hyväksytty ja lukittu" in employee.get(PAGE).content.decode()


def test_finance_countersigns_too(employee, client_as):
    _sign(employee)
    finance = client_as(Role.FINANCE)
    finance.post(_countersign_url(TimeSheet.objects.get()))
    assert TimeSheet.objects.get().is_locked


# --- Refusals shown on the page, nothing changed ------------------------------------------


def test_a_month_not_yet_ended_is_refused_on_the_form(employee):
    this_month = timezone.localdate().strftime("%Y-%m")
    response = _sign(employee, month=this_month)
    assert response.status_code == 400
    assert "ei ole vielä päättynyt" in response.content.decode()
    assert not TimeSheet.objects.exists()
    assert not AuditEvent.objects.filter(action="programme.time_sheet.employee_sign").exists()


def test_a_month_signed_twice_is_refused_on_the_form(employee):
    _sign(employee)
    response = _sign(employee, other="10")
    assert response.status_code == 400
    assert "jo allekirjoitettu" in response.content.decode()
    assert TimeSheet.objects.get().other_hours == Decimal("60.50")


@pytest.mark.parametrize(
    ("other", "words"),
    [("-1", "vähintään 0"), ("1,2,3", ""), ("", "")],
)
def test_bad_other_hours_are_refused_on_the_form(employee, other, words):
    response = _sign(employee, other=other)
    assert response.status_code == 400
    assert 'class="field-error" id="id_other_hours_error"' in response.content.decode()
    assert words in response.content.decode()
    assert not TimeSheet.objects.exists()


def test_someone_elses_staff_record_cannot_be_signed(employee, operation):
    other = StaffPositionFactory(operation=operation).staff_member
    response = employee.post(
        PAGE, {"staff_member": other.pk, "month": "2026-03", "other_hours": "1"}
    )
    assert response.status_code == 400
    assert 'id="id_staff_member_error"' in response.content.decode()
    assert not TimeSheet.objects.exists()


def test_the_supervisor_cannot_countersign_their_own_sheet(client_as, make_user, operation):
    user = make_user(Role.COORDINATOR)
    position = StaffPositionFactory(
        operation=operation, staff_member=StaffMemberFactory(name="Oma Esihenkilö", user=user)
    )
    services.time_record_create(
        actor=user,
        position=position,
        span=TimeRecord.Span.DAY,
        day=date(2026, 3, 3),
        hours=Decimal("7.5"),
        today=date(2026, 12, 2),
    )
    client = client_as(user)
    assert _sign(client).status_code == 302
    sheet = TimeSheet.objects.get()
    response = client.post(_countersign_url(sheet), follow=True)
    assert "ei voi olla työntekijän oma" in response.content.decode()
    sheet.refresh_from_db()
    assert not sheet.is_locked


def test_a_locked_sheet_is_not_countersigned_again(employee, client_as):
    _sign(employee)
    sheet = TimeSheet.objects.get()
    coordinator = client_as(Role.COORDINATOR)
    coordinator.post(_countersign_url(sheet))
    first = TimeSheet.objects.get().supervisor_signed_at
    response = client_as(Role.FINANCE).post(_countersign_url(sheet), follow=True)
    assert "on jo lukittu" in response.content.decode()
    assert TimeSheet.objects.get().supervisor_signed_at == first
    assert AuditEvent.objects.filter(action="programme.time_sheet.supervisor_sign").count() == 1


# --- Who may: deny by default, 404 for forbidden and missing alike ------------------------


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.AUDITOR, Role.PARTNER])
def test_the_page_is_404_for_staff_who_are_not_on_the_payroll(client_as, role, kpedu):
    extra = {"partner_organisation": kpedu} if role == Role.PARTNER else {}
    client = client_as(role, **extra)
    assert client.get(PAGE).status_code == 404
    assert client.post(PAGE, {"month": "2026-03", "other_hours": "1"}).status_code == 404


def test_countersigning_is_404_for_the_employee_other_areas_and_missing_sheets(
    employee, client_as, other_area
):
    _sign(employee)
    sheet = TimeSheet.objects.get()
    assert employee.post(_countersign_url(sheet)).status_code == 404
    assert client_as(Role.AUDITOR).post(_countersign_url(sheet)).status_code == 404
    elsewhere = client_as(Role.COORDINATOR, employment_area=other_area)
    assert elsewhere.post(_countersign_url(sheet)).status_code == 404
    assert elsewhere.get(PAGE).content.decode().count("Tuula Tuntilainen") == 0
    coordinator = client_as(Role.COORDINATOR)
    assert (
        coordinator.post(f"/programme/time-sheets/{sheet.pk + 1000}/countersign/").status_code
        == 404
    )
    assert coordinator.get(_countersign_url(sheet)).status_code == 405
    assert not TimeSheet.objects.get().is_locked


def test_the_menu_shows_the_page_to_an_employee_on_the_payroll(employee, client_as):
    assert 'href="/programme/time-sheets/"' in employee.get("/").content.decode()
    assert (
        'href="/programme/time-sheets/"' not in client_as(Role.COUNSELLOR).get("/").content.decode()
    )
