"""Activation log, follow-up tasks, the company timeline and the advisor's worklist."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kohtaanto.accounts.models import Role
from kohtaanto.audit.models import AuditEvent
from kohtaanto.common.errors import ConflictError
from kohtaanto.employers.errors import FieldError
from kohtaanto.employers.models import Activity, CompanyContact, FollowUpTask, VacancyState
from kohtaanto.employers.selectors import company_timeline, worklist
from kohtaanto.employers.services.activities import (
    ActivityData,
    TaskData,
    activity_log,
    task_complete,
)
from kohtaanto.employers.tests.factories import CompanyFactory


def _post_visit(client, company, **extra):
    data = {
        "kind": "visit",
        "occurred_at": "2026-03-02T09:30",
        "subject": "Tutustumiskäynti tuotantoon",
        "agreed": "Lähetetään osaamistarvekartoitus.",
    } | extra
    return client.post(f"/companies/{company.pk}/activities/new/", data)


def test_advisor_logs_a_visit_with_participants_and_a_follow_up(client_as, make_user, company):
    client = client_as(Role.BUSINESS_ADVISOR)
    colleague = make_user(Role.COORDINATOR)
    contact = CompanyContact.objects.create(company=company, first_name="Tuula", last_name="Tehdas")
    response = _post_visit(
        client,
        company,
        participants=[colleague.pk],
        contacts=[contact.pk],
        task_title="Soita tuotantopäällikölle",
        task_due_date="2026-03-09",
    )
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert set(activity.participants.all()) == {client.user, colleague}
    assert list(activity.contacts.all()) == [contact]
    assert timezone.localtime(activity.occurred_at).hour == 9
    task = FollowUpTask.objects.get()
    assert (task.assignee, task.activity, str(task.due_date)) == (
        client.user,
        activity,
        "2026-03-09",
    )
    assert set(AuditEvent.objects.values_list("action", flat=True)) == {
        "company_activity.create",
        "company_task.create",
    }


def test_follow_up_without_due_date_is_refused(client_as, company):
    response = _post_visit(client_as(Role.BUSINESS_ADVISOR), company, task_title="Soita")
    assert response.status_code == 200
    assert "task_due_date" in response.context["form"].errors
    assert not Activity.objects.exists()


def test_contact_of_another_company_cannot_take_part(business_advisor, company):
    other = CompanyContact.objects.create(
        company=CompanyFactory(), first_name="Vieras", last_name="Henkilö"
    )
    data = ActivityData(kind="call", occurred_at=timezone.now(), subject="Puhelu", contacts=[other])
    with pytest.raises(FieldError) as exc:
        activity_log(actor=business_advisor, company=company, data=data)
    assert exc.value.field == "contacts"
    assert not Activity.objects.exists()


def test_task_can_be_given_only_to_an_advisor_of_the_area(business_advisor, counsellor, company):
    data = ActivityData(kind="call", occurred_at=timezone.now(), subject="Puhelu")
    task = TaskData(title="Soita", due_date=timezone.localdate(), assignee=counsellor)
    with pytest.raises(FieldError):
        activity_log(actor=business_advisor, company=company, data=data, follow_up=task)
    assert not Activity.objects.exists()  # the activity is not kept without its task


def test_task_is_completed_once(client_as, company):
    client = client_as(Role.BUSINESS_ADVISOR)
    task = FollowUpTask.objects.create(
        company=company, title="Soita", due_date=timezone.localdate(), assignee=client.user
    )
    first = client.post(f"/companies/tasks/{task.pk}/done/", follow=True)
    assert [m.level_tag for m in first.context["messages"]] == ["success"]
    task.refresh_from_db()
    assert task.done_at is not None and task.done_by == client.user
    with pytest.raises(ConflictError):
        task_complete(actor=client.user, task=task)
    again = client.post(f"/companies/tasks/{task.pk}/done/", {"next": "worklist"}, follow=True)
    assert again.redirect_chain[-1][0] == "/companies/worklist/"
    shown = [(m.level_tag, str(m)) for m in again.context["messages"]]
    assert [level for level, _text in shown] == ["error"]  # the refusal, not "done"
    assert AuditEvent.objects.filter(action="company_task.complete").count() == 1


def test_task_of_another_area_is_404(client_as, foreign_company, make_user, other_area):
    owner = make_user(Role.BUSINESS_ADVISOR, employment_area=other_area)
    task = FollowUpTask.objects.create(
        company=foreign_company, title="x", due_date=timezone.localdate(), assignee=owner
    )
    assert (
        client_as(Role.BUSINESS_ADVISOR).post(f"/companies/tasks/{task.pk}/done/").status_code
        == 404
    )


def test_timeline_lists_everything_newest_first_and_hides_the_log_from_counsellors(
    business_advisor, counsellor, company
):
    earlier = timezone.now() - timedelta(days=3)
    activity_log(
        actor=business_advisor,
        company=company,
        data=ActivityData(kind="visit", occurred_at=earlier, subject="Käynti", agreed="Sovittu"),
    )
    company.vacancies.create(
        employment_area=company.employment_area, title="Hitsaaja", state=VacancyState.DRAFT
    )
    entries = company_timeline(actor=business_advisor, company=company)
    assert [e.title for e in entries] == ["Hitsaaja", "Käynti"]
    assert entries[1].detail == "Sovittu"
    assert [e.title for e in company_timeline(actor=counsellor, company=company)] == ["Hitsaaja"]


def test_worklist_shows_my_tasks_answered_surveys_and_closing_vacancies(
    client_as, company, make_user
):
    client = client_as(Role.BUSINESS_ADVISOR)
    me = client.user
    someone = make_user(Role.BUSINESS_ADVISOR)
    today = timezone.localdate()
    FollowUpTask.objects.create(
        company=company, title="Myöhässä", due_date=today - timedelta(days=1), assignee=me
    )
    FollowUpTask.objects.create(company=company, title="Tulossa", due_date=today, assignee=me)
    FollowUpTask.objects.create(company=company, title="Toisen", due_date=today, assignee=someone)
    company.surveys.create(channel="company", status="submitted", submitted_at=timezone.now())
    company.vacancies.create(
        employment_area=company.employment_area,
        title="Pian päättyvä",
        state=VacancyState.OPEN,
        closing_date=today + timedelta(days=3),
    )
    company.vacancies.create(
        employment_area=company.employment_area,
        title="Kaukana",
        state=VacancyState.OPEN,
        closing_date=today + timedelta(days=60),
    )
    result = worklist(actor=me)
    assert [t.title for t in result.overdue_tasks] == ["Myöhässä"]
    assert [t.title for t in result.upcoming_tasks] == ["Tulossa"]
    assert len(result.answered_surveys) == 1
    assert [v.title for v in result.closing_vacancies] == ["Pian päättyvä"]
    body = client.get("/companies/worklist/").content.decode()
    assert "Myöhässä" in body and "Toisen" not in body and "Pian päättyvä" in body


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (Role.BUSINESS_ADVISOR, 200),
        (Role.COORDINATOR, 200),
        (Role.COUNSELLOR, 404),
        (Role.FINANCE, 404),
        (Role.AUDITOR, 404),
    ],
)
def test_worklist_is_for_advisors_and_the_coordinator(client_as, role, status):
    assert client_as(role).get("/companies/worklist/").status_code == status


def test_worklist_is_hidden_from_partners(client_as, partner_user):
    assert client_as(partner_user).get("/companies/worklist/").status_code == 404
