"""The one exception to append-only audit rows: scrubbing a person's data, nothing else."""

import pytest
from django.db import DatabaseError, connection, transaction

from kohtaanto.audit.models import AccessLogEntry, AppendOnlyError, AuditEvent
from kohtaanto.audit.services import (
    REMOVED,
    access_log_record,
    audit_event_record,
    audit_forget,
)


def test_scrub_changes_only_the_scrubbable_columns(coordinator, counsellor):
    event = audit_event_record(
        actor=coordinator,
        action="user.update",
        target=counsellor,
        changes={"email": ["a@example.invalid", "b@example.invalid"]},
    )
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).scrub(action="forged")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).scrub()
    assert AuditEvent.objects.filter(pk=event.pk).scrub(changes={}) == 1
    event.refresh_from_db()
    assert (event.changes, event.action, event.actor) == ({}, "user.update", coordinator)


def test_forget_keeps_event_actor_and_time_and_removes_values(coordinator, counsellor):
    own = audit_event_record(
        actor=coordinator,
        action="user.update",
        target=counsellor,
        changes={"last_name": ["Vanhanimi", "Uusinimi"], "tags": [["a"], None]},
    )
    other = audit_event_record(
        actor=coordinator,
        action="note.add",
        target=coordinator,
        target_repr="Muistio Uusinimi",
        changes={"text": [None, "Soitettu Uusinimi, sovittu"], "count": [1, 2]},
    )
    unrelated = audit_event_record(
        actor=coordinator, action="note.add", target=coordinator, changes={"text": [None, "x"]}
    )
    seen = access_log_record(
        actor=coordinator, subject=counsellor, what="profile", subject_repr="Uusinimi"
    )
    audit_forget(subjects=[("accounts.user", str(counsellor.pk))], needles=["Uusinimi"])
    own.refresh_from_db()
    assert own.changes == {"last_name": [REMOVED, REMOVED], "tags": [[REMOVED], None]}
    assert own.target_repr == f"#{counsellor.pk}"
    assert (own.action, own.actor, own.occurred_at) == (
        "user.update",
        coordinator,
        AuditEvent.objects.get(pk=own.pk).occurred_at,
    )
    other.refresh_from_db()
    assert other.changes == {"text": [None, REMOVED], "count": [1, 2]}
    assert other.target_repr == f"#{coordinator.pk}"
    unrelated.refresh_from_db()
    assert unrelated.changes == {"text": [None, "x"]}
    seen.refresh_from_db()
    assert (seen.subject_repr, seen.what) == (f"#{counsellor.pk}", "profile")
    assert AccessLogEntry.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_postgresql_allows_update_only_through_the_scrub(coordinator):
    if connection.vendor != "postgresql":
        pytest.skip("the scrub exception is a PostgreSQL trigger")
    event = audit_event_record(
        actor=coordinator, action="test.action", target=coordinator, changes={"a": [1, 2]}
    )
    # Without the flag: refused, even for a scrubbable column.
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET changes='{}' WHERE id=%s", [event.pk])
    # With the flag, another column may still not change.
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT set_config('kohtaanto.audit_scrub', 'on', true)")
        cursor.execute(
            "UPDATE audit_auditevent SET changes='{}', action='forged' WHERE id=%s", [event.pk]
        )
    # Deleting stays refused.
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT set_config('kohtaanto.audit_scrub', 'on', true)")
        cursor.execute("DELETE FROM audit_auditevent WHERE id=%s", [event.pk])
    AuditEvent.objects.filter(pk=event.pk).scrub(changes={}, target_repr="#x")
    event.refresh_from_db()
    assert (event.changes, event.target_repr, event.action) == ({}, "#x", "test.action")
    # The flag does not outlive the scrub's transaction.
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET changes='{}' WHERE id=%s", [event.pk])


@pytest.mark.django_db(transaction=True)
def test_sqlite_allows_update_only_through_the_scrub(coordinator):
    if connection.vendor != "sqlite":
        pytest.skip("the permit table is SQLite's form of the scrub exception")
    event = audit_event_record(
        actor=coordinator, action="test.action", target=coordinator, changes={"a": [1, 2]}
    )
    # Without the permit: refused, even for a scrubbable column.
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET changes='{}' WHERE id=%s", [event.pk])
    # With the permit, another column may still not change.
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("INSERT INTO kohtaanto_audit_scrub_permit (opened_at) VALUES ('now')")
        cursor.execute(
            "UPDATE audit_auditevent SET changes='{}', action='forged' WHERE id=%s", [event.pk]
        )
    # Deleting stays refused.
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("INSERT INTO kohtaanto_audit_scrub_permit (opened_at) VALUES ('now')")
        cursor.execute("DELETE FROM audit_auditevent WHERE id=%s", [event.pk])
    AuditEvent.objects.filter(pk=event.pk).scrub(changes={}, target_repr="#x")
    event.refresh_from_db()
    assert (event.changes, event.target_repr, event.action) == ({}, "#x", "test.action")
    # The permit does not outlive the scrub.
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET changes='{}' WHERE id=%s", [event.pk])
