import pytest

from kohtaanto.accounts.models import Role
from kohtaanto.accounts.services import api_token_create
from kohtaanto.audit.models import AccessLogEntry, AppendOnlyError, AuditEvent
from kohtaanto.audit.services import access_log_record, audit_event_record


def test_service_writes_its_audit_event_with_actor_and_target(coordinator, counsellor):
    api_token_create(actor=coordinator, user=counsellor, name="integraatio")
    event = AuditEvent.objects.get(action="api_token.create")
    assert event.actor_username == coordinator.username
    assert event.target_type == "accounts.apitoken"
    assert event.changes["user"] == [None, counsellor.username]


def test_audit_event_cannot_be_changed_or_deleted(coordinator):
    event = audit_event_record(actor=coordinator, action="test.action", target=coordinator)
    event.action = "forged"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(action="forged")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get(pk=event.pk).action == "test.action"


def test_access_log_cannot_be_deleted(coordinator, counsellor):
    entry = access_log_record(actor=coordinator, subject=counsellor, what="profile")
    with pytest.raises(AppendOnlyError):
        AccessLogEntry.objects.filter(pk=entry.pk).delete()
    assert AccessLogEntry.objects.filter(pk=entry.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_postgresql_trigger_refuses_raw_update_of_audit_rows(coordinator):
    from django.db import DatabaseError, connection

    if connection.vendor != "postgresql":
        pytest.skip("database trigger exists on PostgreSQL only")
    event = audit_event_record(actor=coordinator, action="test.action", target=coordinator)
    with pytest.raises(DatabaseError), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET action='forged' WHERE id=%s", [event.pk])


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (Role.COORDINATOR, True),
        (Role.AUDITOR, True),
        (Role.COUNSELLOR, False),
        (Role.BUSINESS_ADVISOR, False),
        (Role.FINANCE, False),
        (Role.PARTNER, False),
    ],
)
def test_audit_search_page_only_for_coordinator_and_auditor(client_as, role, allowed, coordinator):
    audit_event_record(actor=coordinator, action="jobseeker.create", target=coordinator)
    kwargs = {}
    if role == Role.PARTNER:
        from kohtaanto.accounts.models import PartnerOrganisation

        kwargs["partner_organisation"] = PartnerOrganisation.objects.first()
    client = client_as(role, **kwargs)
    response = client.get("/audit/", {"q": "jobseeker"})
    if allowed:
        assert response.status_code == 200
        assert "jobseeker.create" in response.content.decode()
    else:
        assert response.status_code == 404


def test_audit_search_filters_access_log_by_text(client_as, coordinator, counsellor):
    access_log_record(actor=counsellor, subject=coordinator, what="identity_code")
    access_log_record(actor=counsellor, subject=coordinator, what="profile")
    response = client_as(Role.AUDITOR).get("/audit/", {"log": "access", "q": "identity"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "<td>henkilötunnus</td>" in body
    assert "<td>osaamisprofiili</td>" not in body


def test_audit_search_rejects_reversed_dates(client_as):
    response = client_as(Role.AUDITOR).get(
        "/audit/", {"date_from": "2026-05-01", "date_to": "2026-04-01"}
    )
    assert response.status_code == 200
    assert "Päättymispäivä on ennen alkamispäivää." in response.content.decode()
