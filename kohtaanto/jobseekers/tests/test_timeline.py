"""The person's timeline as the counsellor reads it: each thing on the day it happened, newest
first, and a day's steps in the order they happen."""

import datetime
import re

from django.test import Client
from django.utils import timezone

from kohtaanto.jobseekers import selectors
from kohtaanto.jobseekers.models import JobSeeker
from kohtaanto.jobseekers.tests.factories import (
    ConsentFactory,
    ParticipationFactory,
    PlanActionFactory,
    ServiceEventFactory,
)

D = datetime.date


def _created_on(job_seeker: JobSeeker, day: datetime.date) -> None:
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
    JobSeeker.objects.filter(pk=job_seeker.pk).update(created_at=moment)
    job_seeker.refresh_from_db()


def _page(user, job_seeker) -> list[str]:
    client = Client()
    client.force_login(user)
    body = client.get(f"/jobseekers/{job_seeker.pk}/timeline/").content.decode()
    rows = re.findall(r"<li><time[^>]*>(.*?)</time> – <strong>(.*?)</strong>(.*?)</li>", body)
    return [f"{day} {title}{detail}" for day, title, detail in rows]


def test_done_action_is_on_the_day_it_was_done_and_open_one_on_its_due_date(counsellor, job_seeker):
    _created_on(job_seeker, D(2026, 1, 5))
    PlanActionFactory(
        job_seeker=job_seeker,
        description="Päivitä CV",
        due_on=D(2026, 3, 1),
        status="done",
        completed_on=D(2026, 2, 10),
    )
    PlanActionFactory(
        job_seeker=job_seeker, description="Hae kolmeen paikkaan", due_on=D(2026, 4, 1)
    )
    assert _page(counsellor, job_seeker) == [
        "1.4.2026 Toimenpiteen määräpäivä: Sovittu: Hae kolmeen paikkaan",
        "10.2.2026 Toimenpide tehty: Päivitä CV",
        "5.1.2026 Asiakkuus alkoi",
    ]


def test_client_relationship_starts_before_the_history_brought_from_another_system(
    counsellor, job_seeker
):
    # The record was made in December for a person served since April.
    _created_on(job_seeker, D(2026, 12, 3))
    ServiceEventFactory(job_seeker=job_seeker, occurred_on=D(2026, 4, 12), description="Alku")
    ConsentFactory(job_seeker=job_seeker, given_on=D(2026, 4, 12))
    ParticipationFactory(job_seeker=job_seeker, entry_date=D(2026, 5, 12), exit_date=None)
    PlanActionFactory(job_seeker=job_seeker, due_on=D(2026, 3, 1))  # open: not history
    items = selectors.timeline(actor=counsellor, job_seeker=job_seeker)
    assert [(i.on, i.kind) for i in items] == [
        (D(2026, 5, 12), "entry"),
        (D(2026, 4, 12), "meeting"),
        (D(2026, 4, 12), "consent"),
        (D(2026, 4, 12), "registered"),
        (D(2026, 3, 1), "action"),
    ]


def test_a_days_steps_are_newest_first_with_the_start_of_the_relationship_last(
    counsellor, job_seeker
):
    day = D(2026, 3, 2)
    _created_on(job_seeker, day)
    ParticipationFactory(job_seeker=job_seeker, entry_date=day, exit_date=D(2026, 6, 30))
    ConsentFactory(job_seeker=job_seeker, given_on=day)
    first = ServiceEventFactory(job_seeker=job_seeker, occurred_on=day, description="Yksi")
    second = ServiceEventFactory(job_seeker=job_seeker, occurred_on=day, description="Kaksi")
    items = selectors.timeline(actor=counsellor, job_seeker=job_seeker)
    assert [i.kind for i in items] == [
        "exit",
        "meeting",
        "meeting",
        "entry",
        "consent",
        "registered",
    ]
    assert [i.detail for i in items if i.kind == "meeting"] == [
        second.description,
        first.description,
    ]
    assert [i.on for i in items] == sorted((i.on for i in items), reverse=True)
