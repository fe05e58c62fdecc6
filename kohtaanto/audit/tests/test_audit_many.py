"""Many audit events in one insert: from model instances, or from plain values."""

import datetime

import pytest
from django.db import transaction

from kohtaanto.audit.models import AuditEvent
from kohtaanto.audit.services import audit_events_record_many, audit_events_record_plain
from kohtaanto.jobseekers.models import JobSeeker
from kohtaanto.jobseekers.tests.factories import JobSeekerFactory

FIELDS = ("actor_id", "actor_username", "target_type", "target_id", "target_repr", "changes")


def _rows(action):
    return list(AuditEvent.objects.filter(action=action).order_by("id").values_list(*FIELDS))


@pytest.mark.django_db
def test_plain_events_are_the_rows_the_instances_give(coordinator):
    people = JobSeekerFactory.create_batch(3, first_name="Åsa", last_name="Tab\there\\N")
    changes = [{"n": [None, i], "list": [["uri", None, [2, "self_assessed"]]]} for i in range(3)]
    audit_events_record_many(
        actor=coordinator, events=[("x.many", p, c) for p, c in zip(people, changes, strict=True)]
    )
    count = audit_events_record_plain(
        actor=coordinator,
        target_type=JobSeeker,
        events=[("x.plain", p.pk, str(p), c) for p, c in zip(people, changes, strict=True)],
    )
    assert count == 3
    assert _rows("x.plain") == _rows("x.many")
    assert _rows("x.plain")[0][1:5] == (
        coordinator.username,
        "jobseekers.jobseeker",
        str(people[0].pk),
        "Åsa Tab\there\\N",
    )


@pytest.mark.django_db
def test_plain_events_refuse_a_value_json_cannot_hold(coordinator):
    person = JobSeekerFactory()
    for value in (person, datetime.date(2026, 12, 2)):
        with pytest.raises(TypeError), transaction.atomic():
            audit_events_record_plain(
                actor=None, target_type=JobSeeker, events=[("x", person.pk, "x", {"v": value})]
            )
    assert not AuditEvent.objects.filter(action="x").exists()
