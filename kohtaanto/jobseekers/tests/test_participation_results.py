"""The day an immediate result was reached and the follow-up reminders (Regulation (EU)
2021/1057 Annex I: immediate results are the situation within four weeks of leaving,
longer-term results six months after leaving)."""

import datetime

import pytest

from kohtaanto.jobseekers.models import Participation, Reminder
from kohtaanto.jobseekers.services.participation import (
    participation_exit,
    participation_re_enter,
    reminders_create_due,
)
from kohtaanto.jobseekers.tests.conftest import TODAY
from kohtaanto.jobseekers.tests.factories import ParticipationFactory
from kohtaanto.jobseekers.validation import ExitData, InvalidFieldsError

D = datetime.date


def test_results_without_a_date_are_the_situation_on_the_exit_day(counsellor, job_seeker):
    p = ParticipationFactory(job_seeker=job_seeker)
    participation_exit(
        actor=counsellor,
        participation=p,
        data=ExitData(exit_date=D(2026, 5, 4), exit_employed=True),
        today=TODAY,
    )
    p.refresh_from_db()
    assert p.exit_results_on == D(2026, 5, 4)


def test_the_day_a_result_was_reached_is_kept_and_an_exit_without_results_has_none(
    counsellor, job_seeker
):
    p = ParticipationFactory(job_seeker=job_seeker)
    participation_exit(
        actor=counsellor,
        participation=p,
        data=ExitData(exit_date=D(2026, 5, 4), exit_employed=True, exit_results_on=D(2026, 6, 2)),
        today=TODAY,
    )
    p.refresh_from_db()
    assert p.exit_results_on == D(2026, 6, 2)  # day 29: kept as a fact, not counted
    participation_exit(
        actor=counsellor, participation=p, data=ExitData(exit_date=D(2026, 5, 4)), today=TODAY
    )
    p.refresh_from_db()
    assert p.exit_results_on is None and p.exit_employed is None


@pytest.mark.parametrize(
    ("data", "reason_field"),
    [
        (ExitData(D(2026, 5, 4), exit_employed=True, exit_results_on=D(2026, 5, 3)), "before"),
        (ExitData(D(2026, 5, 4), exit_employed=True, exit_results_on=D(2026, 11, 3)), "future"),
        (ExitData(D(2026, 5, 4), exit_results_on=D(2026, 5, 10)), "no result"),
    ],
)
def test_a_result_date_before_exit_in_the_future_or_without_a_result_is_refused(
    counsellor, job_seeker, data, reason_field
):
    p = ParticipationFactory(job_seeker=job_seeker)
    with pytest.raises(InvalidFieldsError) as exc:
        participation_exit(actor=counsellor, participation=p, data=data, today=TODAY)
    assert list(exc.value.by_field()) == ["exit_results_on"]
    p.refresh_from_db()
    assert p.exit_date is None


def test_four_week_reminder_is_due_on_day_28_and_resolved_by_recording_results(
    counsellor, job_seeker
):
    early = D(2026, 1, 1)
    p = ParticipationFactory(job_seeker=job_seeker, entry_date=early, exit_date=D(2026, 1, 31))
    # The window closed on 30.1.: no reminder; results already recorded: no reminder.
    ParticipationFactory(entry_date=early, exit_date=D(2026, 1, 2))
    ParticipationFactory(entry_date=early, exit_date=D(2026, 1, 20), exit_employed=True)
    assert reminders_create_due(today=D(2026, 1, 31)) == 1
    assert reminders_create_due(today=D(2026, 2, 10)) == 0  # once
    reminder = Reminder.objects.get()
    assert reminder.kind == Reminder.Kind.FOUR_WEEK_FOLLOW_UP
    assert reminder.due_on == D(2026, 2, 28)  # 31 January + 28 days
    participation_exit(
        actor=counsellor,
        participation=p,
        data=ExitData(exit_date=D(2026, 1, 31), exit_employed=True, exit_results_on=D(2026, 2, 9)),
        today=D(2026, 2, 10),
    )
    reminder.refresh_from_db()
    assert reminder.resolved_at is not None
    assert reminders_create_due(today=D(2026, 2, 11)) == 0


def test_no_four_week_reminder_after_day_28(job_seeker):
    ParticipationFactory(job_seeker=job_seeker, entry_date=D(2026, 1, 5), exit_date=D(2026, 2, 1))
    assert reminders_create_due(today=D(2026, 3, 2)) == 0  # day 29 after 1.2.2026


def test_six_month_reminder_after_31_august_falls_due_on_the_last_of_february(job_seeker):
    ParticipationFactory(job_seeker=job_seeker, exit_date=D(2026, 8, 31), exit_employed=True)
    assert reminders_create_due(today=D(2027, 2, 27)) == 0
    assert reminders_create_due(today=D(2027, 2, 28)) == 1
    assert Reminder.objects.get().kind == Reminder.Kind.SIX_MONTH_FOLLOW_UP


def test_re_entry_archives_the_result_date(counsellor, job_seeker):
    p = ParticipationFactory(job_seeker=job_seeker)
    participation_exit(
        actor=counsellor,
        participation=p,
        data=ExitData(exit_date=D(2026, 5, 4), exit_employed=True, exit_results_on=D(2026, 5, 20)),
        today=TODAY,
    )
    participation_re_enter(
        actor=counsellor, participation=p, re_entry_date=D(2026, 6, 1), today=TODAY
    )
    p = Participation.objects.get(pk=p.pk)
    assert p.exit_results_on is None
    assert p.re_entries.get().previous_exit["exit_results_on"] == "2026-05-20"


def test_every_participation_event_names_the_person_and_the_operation_code(counsellor, job_seeker):
    from kohtaanto.audit.models import AuditEvent
    from kohtaanto.jobseekers.services.participation import participation_record_follow_up

    p = ParticipationFactory(job_seeker=job_seeker)
    participation_exit(
        actor=counsellor,
        participation=p,
        data=ExitData(exit_date=D(2026, 5, 4), exit_employed=True),
        today=TODAY,
    )
    participation_record_follow_up(
        actor=counsellor,
        participation=p,
        six_month_employed=True,
        six_month_improved=None,
        today=D(2026, 11, 4),
    )
    events = AuditEvent.objects.filter(action__startswith="participation.", target_id=str(p.pk))
    assert {e.action for e in events} == {"participation.exit", "participation.follow_up"}
    assert {e.target_repr for e in events} == {f"{job_seeker.pk}: {p.operation.code}"}
