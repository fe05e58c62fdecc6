import datetime

import pytest

from kohtaanto.audit.models import AuditEvent
from kohtaanto.jobseekers import selectors
from kohtaanto.jobseekers.models import (
    ConsentPurpose,
    JobSeeker,
    PlanAction,
    PlanGoal,
    Reminder,
    ServiceEvent,
)
from kohtaanto.jobseekers.services.plan import (
    plan_action_add,
    plan_action_set_status,
    plan_goal_add,
    referral_set_status,
    service_event_record,
)
from kohtaanto.jobseekers.tests.factories import (
    ConsentFactory,
    JobSeekerFactory,
    ParticipationFactory,
    PlanActionFactory,
    ServiceEventFactory,
)
from kohtaanto.jobseekers.validation import InvalidFieldsError

D = datetime.date


def test_goal_action_and_completion_are_audited(counsellor, job_seeker):
    goal = plan_goal_add(
        actor=counsellor, job_seeker=job_seeker, description="Työpaikka hitsaajana"
    )
    action = plan_action_add(
        actor=counsellor,
        job_seeker=job_seeker,
        description="Päivitä CV",
        due_on=D(2026, 4, 1),
        goal=goal,
    )
    plan_action_set_status(
        actor=counsellor, action=action, status="done", completed_on=D(2026, 3, 28)
    )
    action.refresh_from_db()
    assert (action.status, action.completed_on) == ("done", D(2026, 3, 28))
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"plan_goal.add", "plan_action.add", "plan_action.set_status"} <= actions


def test_action_needs_description_and_own_goal(counsellor, job_seeker):
    strangers_goal = PlanGoal.objects.create(job_seeker=JobSeekerFactory(), description="x")
    with pytest.raises(InvalidFieldsError) as exc:
        plan_action_add(
            actor=counsellor,
            job_seeker=job_seeker,
            description=" ",
            due_on=D(2026, 4, 1),
            goal=strangers_goal,
        )
    assert set(exc.value.by_field()) == {"description", "goal"}


@pytest.mark.parametrize(
    ("kind", "field"),
    [
        ("referral_training", "training_name"),
        ("referral_partner", "partner_organisation"),
        ("referral_employer", "company"),
        ("outcome", "outcome"),
        ("party", "kind"),
    ],
)
def test_event_requires_what_its_kind_needs(counsellor, job_seeker, kind, field):
    with pytest.raises(InvalidFieldsError) as exc:
        service_event_record(
            actor=counsellor, job_seeker=job_seeker, kind=kind, occurred_on=D(2026, 3, 1)
        )
    assert field in exc.value.by_field()


def test_training_referral_and_its_status(counsellor, job_seeker):
    event = service_event_record(
        actor=counsellor,
        job_seeker=job_seeker,
        kind="referral_training",
        training_name="Hitsauksen täsmäkoulutus (KPEDU)",
        occurred_on=D(2026, 3, 1),
    )
    referral_set_status(actor=counsellor, event=event, status="accepted")
    event.refresh_from_db()
    assert event.referral_status == "accepted"


def test_timeline_lists_everything_newest_first(counsellor, job_seeker, kpedu):
    ParticipationFactory(job_seeker=job_seeker, entry_date=D(2026, 3, 2), exit_date=D(2026, 6, 30))
    ConsentFactory(job_seeker=job_seeker, given_on=D(2026, 2, 20))
    ServiceEventFactory(
        job_seeker=job_seeker, occurred_on=D(2026, 4, 1), description="Tapaaminen 1"
    )
    items = selectors.timeline(actor=counsellor, job_seeker=job_seeker)
    kinds = [i.kind for i in items]
    assert (
        kinds.index("exit") < kinds.index("meeting") < kinds.index("entry") < kinds.index("consent")
    )
    assert [i.on for i in items] == sorted((i.on for i in items), reverse=True)


def test_worklist_collects_due_work_for_own_clients_only(
    counsellor, other_counsellor, job_seeker, kpedu
):
    today = D(2026, 11, 20)
    ParticipationFactory(job_seeker=job_seeker, exit_date=D(2026, 5, 25))  # due 25.11.
    ConsentFactory(
        job_seeker=job_seeker,
        purpose=ConsentPurpose.SHARE_WITH_PARTNER,
        partner_organisation=kpedu,
        expires_on=D(2026, 12, 1),
    )
    PlanActionFactory(job_seeker=job_seeker, due_on=D(2026, 11, 1))
    PlanActionFactory(job_seeker=job_seeker, due_on=D(2026, 12, 1))
    PlanActionFactory(job_seeker=job_seeker, due_on=D(2026, 10, 1), status="done")
    Reminder.objects.create(
        job_seeker=job_seeker,
        participation=job_seeker.participations.get(),
        kind="six_month_follow_up",
        due_on=D(2026, 11, 25),
    )
    JobSeeker.objects.filter(pk=job_seeker.pk).update(
        created_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    )
    ServiceEventFactory(job_seeker=job_seeker, occurred_on=D(2026, 8, 1))
    work = selectors.worklist(actor=counsellor, today=today, idle_days=60)
    assert len(work.follow_ups) == 1
    assert len(work.expiring_consents) == 1
    assert [a.due_on for a in work.overdue_actions] == [D(2026, 11, 1)]
    assert len(work.reminders) == 1
    assert [p.pk for p in work.idle_clients] == [job_seeker.pk]
    assert selectors.worklist(actor=counsellor, today=today, idle_days=200).idle_clients == []
    assert selectors.worklist(actor=other_counsellor, today=today).is_empty


def test_answered_follow_up_and_far_expiry_are_not_in_worklist(counsellor, job_seeker):
    ParticipationFactory(
        job_seeker=job_seeker,
        exit_date=D(2026, 5, 25),
        six_month_employed=True,
        six_month_improved=True,
    )
    ConsentFactory(job_seeker=job_seeker, expires_on=D(2027, 6, 1))
    work = selectors.worklist(actor=counsellor, today=D(2026, 11, 20))
    assert work.follow_ups == [] and work.expiring_consents == []


def test_worklist_page_and_idle_days_filter(client_as, counsellor, job_seeker):
    JobSeeker.objects.filter(pk=job_seeker.pk).update(
        created_at=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
    )
    client = client_as(counsellor)
    page = client.get("/jobseekers/worklist/").content.decode()
    assert "Aino Esimerkki" in page
    assert client.get("/jobseekers/worklist/", {"idle_days": "0"}).status_code == 400


def test_plan_page_adds_goal_action_and_event(client_as, counsellor, job_seeker):
    client = client_as(counsellor)
    base = f"/jobseekers/{job_seeker.pk}/plan/"
    assert (
        client.post(base + "goals/", {"goal-description": "Töihin konepajaan"}).status_code == 302
    )
    goal = PlanGoal.objects.get()
    assert (
        client.post(
            base + "actions/",
            {
                "action-description": "Hae kolmeen paikkaan",
                "action-due_on": "2026-12-01",
                "action-goal": goal.pk,
            },
        ).status_code
        == 302
    )
    action = PlanAction.objects.get()
    assert (
        client.post(
            base + f"actions/{action.pk}/status/", {"status": "done", "completed_on": "2026-11-20"}
        ).status_code
        == 302
    )
    response = client.post(
        base + "events/",
        {
            "event-kind": "meeting",
            "event-occurred_on": "2026-11-20",
            "event-description": "Alkuhaastattelu",
        },
    )
    assert response.status_code == 302
    assert ServiceEvent.objects.get().description == "Alkuhaastattelu"
    page = client.get(base).content.decode()
    assert "Töihin konepajaan" in page and "Alkuhaastattelu" in page


def test_plan_page_shows_missing_consent_error(client_as, counsellor, job_seeker, kpedu):
    response = client_as(counsellor).post(
        f"/jobseekers/{job_seeker.pk}/plan/events/",
        {
            "event-kind": "referral_partner",
            "event-occurred_on": "2026-11-20",
            "event-partner_organisation": kpedu.pk,
        },
    )
    assert response.status_code == 400
    assert "ei ole voimassa olevaa suostumusta" in response.content.decode()
    assert not ServiceEvent.objects.exists()


@pytest.mark.parametrize("who", ["auditor", "other_counsellor", "partner_with_consent", "finance"])
def test_plan_changes_refused_for_others(world, who):
    from django.test import Client

    client = Client()
    client.force_login(world["users"][who])
    base = f"/jobseekers/{world['person'].pk}/plan/"
    action = PlanActionFactory(job_seeker=world["person"])
    event = ServiceEventFactory(
        job_seeker=world["person"], kind="referral_training", training_name="x"
    )
    assert client.post(base + "goals/", {"goal-description": "x"}).status_code == 404
    assert (
        client.post(
            base + "actions/", {"action-description": "x", "action-due_on": "2026-12-01"}
        ).status_code
        == 404
    )
    assert client.post(base + f"actions/{action.pk}/status/", {"status": "done"}).status_code == 404
    assert (
        client.post(
            base + "events/", {"event-kind": "meeting", "event-occurred_on": "2026-11-20"}
        ).status_code
        == 404
    )
    assert (
        client.post(
            base + f"events/{event.pk}/status/", {"referral_status": "accepted"}
        ).status_code
        == 404
    )
    assert not PlanGoal.objects.exists()
    action.refresh_from_db()
    assert action.status == "open"
