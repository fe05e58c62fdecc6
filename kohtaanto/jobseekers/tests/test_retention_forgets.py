"""Retention that forgets: after pseudonymisation or erasure the person's name, e-mail and
phone are nowhere in the database — not in audit snapshots, not in access-log labels."""

import datetime

import pytest
from django.db import connection

from kohtaanto.audit.models import AccessLogEntry, AuditEvent
from kohtaanto.audit.services import REMOVED
from kohtaanto.jobseekers.models import JobSeeker
from kohtaanto.jobseekers.services.gdpr import retention_apply
from kohtaanto.jobseekers.services.plan import plan_goal_add
from kohtaanto.jobseekers.services.register import (
    identity_code_reveal,
    job_seeker_create,
    job_seeker_update,
)
from kohtaanto.jobseekers.tests.factories import ParticipationFactory, identity_code_for

D = datetime.date


def _rows_mentioning(text):
    """(table, column) of every row in the whole database whose value contains `text`."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for column in connection.introspection.get_table_description(cursor, table):
                q = connection.ops.quote_name
                cursor.execute(
                    f"SELECT COUNT(*) FROM {q(table)} "  # noqa: S608 - names from introspection
                    f"WHERE CAST({q(column.name)} AS TEXT) LIKE %s",
                    [f"%{text}%"],
                )
                if cursor.fetchone()[0]:
                    found.append((table, column.name))
    return found


def _leave_traces(counsellor, client_as, *, first, last, serial):
    email, phone = f"{first.lower()}.{last.lower()}@example.invalid", f"+35840{serial}0{serial}"
    person = job_seeker_create(
        actor=counsellor,
        first_name=first,
        last_name=last,
        email=f"old.{email}",
        phone="+358401111111",
        identity_code=identity_code_for(D(1980, 3, 4), serial=serial),
        birth_date=D(1980, 3, 4),
    )
    job_seeker_update(actor=counsellor, job_seeker=person, email=email, phone=phone)
    identity_code_reveal(actor=counsellor, job_seeker=person, path=f"/jobseekers/{person.pk}/")
    plan_goal_add(actor=counsellor, job_seeker=person, description=f"{first} {last} hitsaajaksi")
    assert client_as(counsellor).get(f"/jobseekers/{person.pk}/").status_code == 200
    return person, [first, last, email, phone, "old." + email]


@pytest.mark.parametrize("participant", [False, True], ids=["erased", "pseudonymised"])
def test_after_retention_the_person_is_nowhere_in_the_database(counsellor, client_as, participant):
    person, traces = _leave_traces(
        counsellor, client_as, first="Quorrava", last="Zyxwvuttinen", serial=931
    )
    if participant:
        ParticipationFactory(job_seeker=person, entry_date=D(2026, 1, 10), exit_date=D(2026, 2, 1))
    kept, kept_traces = _leave_traces(
        counsellor, client_as, first="Ystavallinen", last="Pysyvainen", serial=932
    )
    before = {t: _rows_mentioning(t) for t in traces}
    assert before["Zyxwvuttinen"] and any(t.startswith("audit_") for t, _ in before["Zyxwvuttinen"])
    events_before = AuditEvent.objects.filter(target_id=str(person.pk)).count()
    JobSeeker.objects.filter(pk=person.pk).update(
        created_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    )

    retention_apply(actor=None, today=D(2036, 6, 1), years=10)

    for trace in traces:
        assert _rows_mentioning(trace) == [], trace
    # The events stay, with their actor and time; only the person's values are gone.
    events = AuditEvent.objects.filter(target_type="jobseekers.jobseeker", target_id=str(person.pk))
    assert events.count() >= events_before
    created = events.get(action="job_seeker.create")
    assert created.actor == counsellor and created.changes["first_name"] == [None, REMOVED]
    seen = AccessLogEntry.objects.filter(subject_id=str(person.pk), what="identity_code").get()
    assert seen.actor_username == counsellor.username and seen.subject_repr == f"#{person.pk}"
    # Someone else's data is untouched.
    for trace in kept_traces:
        assert _rows_mentioning(trace), trace
    assert JobSeeker.objects.filter(pk=kept.pk, last_name="Pysyvainen").exists()
