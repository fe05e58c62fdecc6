import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from kohtaanto.audit.models import AuditEvent
from kohtaanto.common.dates import add_months, age_on
from kohtaanto.common.errors import ConflictError
from kohtaanto.jobseekers.models import (
    Participation,
    ParticipationReEntry,
    ParticipationSpecialCategory,
    Reminder,
)
from kohtaanto.jobseekers.rules import birth_date_keeping_age, follow_up_due_on
from kohtaanto.jobseekers.services.participation import (
    participation_enter,
    participation_exit,
    participation_re_enter,
    participation_record_follow_up,
    participation_update_entry,
    reminders_create_due,
)
from kohtaanto.jobseekers.tests.conftest import TODAY
from kohtaanto.jobseekers.tests.factories import ParticipationFactory
from kohtaanto.jobseekers.validation import EntryData, ExitData, InvalidFieldsError

D = datetime.date


def entry(**overrides):
    values = {
        "entry_date": D(2026, 3, 2),
        "gender": "woman",
        "birth_date": D(1990, 5, 17),
        "labour_market_status": "unemployed",
        "unemployed_since": D(2025, 1, 1),
        "isced_level": 3,
        "third_country_national": "no",
        "foreign_background": "no",
        "homeless": "no",
        "rural": "yes",
        "disability": "refused",
        "minority": "",
    }
    values.update(overrides)
    return EntryData(**values)


def test_entry_records_annex_data_and_keeps_art9_apart(counsellor, job_seeker, operation):
    p = participation_enter(
        actor=counsellor, job_seeker=job_seeker, operation=operation, data=entry(), today=TODAY
    )
    assert p.labour_market_status == "unemployed"
    assert p.rural == "yes"
    special = ParticipationSpecialCategory.objects.get(participation=p)
    assert special.disability == "refused"
    event = AuditEvent.objects.get(action="participation.enter")
    assert "disability" not in event.changes
    assert event.changes["special_category"] == [None, "recorded"]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"unemployed_since": None}, "unemployed_since"),
        ({"unemployed_since": D(2026, 4, 1)}, "unemployed_since"),
        ({"labour_market_status": "employed"}, "unemployed_since"),
        ({"entry_date": D(2025, 12, 31)}, "entry_date"),
        ({"entry_date": D(2026, 11, 3)}, "entry_date"),
        ({"gender": ""}, "gender"),
        ({"isced_level": 9}, "isced_level"),
        ({"rural": "maybe"}, "rural"),
        ({"birth_date": D(2026, 3, 2)}, "birth_date"),
    ],
)
def test_invalid_entry_is_refused_with_the_field(
    counsellor, job_seeker, operation, overrides, field
):
    with pytest.raises(InvalidFieldsError) as exc:
        participation_enter(
            actor=counsellor,
            job_seeker=job_seeker,
            operation=operation,
            data=entry(**overrides),
            today=TODAY,
        )
    assert field in exc.value.by_field()
    assert not Participation.objects.exists()


def test_refusing_every_sensitive_item_never_blocks_entry(counsellor, job_seeker, operation):
    refused = dict.fromkeys(EntryData.ANSWER_FIELDS, "refused")
    p = participation_enter(
        actor=counsellor,
        job_seeker=job_seeker,
        operation=operation,
        data=entry(**refused),
        today=TODAY,
    )
    assert p.homeless == "refused"


def test_second_entry_into_same_operation_is_refused(counsellor, job_seeker, operation):
    participation_enter(
        actor=counsellor, job_seeker=job_seeker, operation=operation, data=entry(), today=TODAY
    )
    with pytest.raises(ConflictError) as exc:
        participation_enter(
            actor=counsellor, job_seeker=job_seeker, operation=operation, data=entry(), today=TODAY
        )
    assert exc.value.code == "already_entered"


def test_re_entry_keeps_first_entry_data_and_archives_the_exit(counsellor, job_seeker, operation):
    p = participation_enter(
        actor=counsellor, job_seeker=job_seeker, operation=operation, data=entry(), today=TODAY
    )
    p = participation_exit(
        actor=counsellor,
        participation=p,
        data=ExitData(exit_date=D(2026, 5, 1), exit_job_searching=True, exit_employed=False),
        today=TODAY,
    )
    with pytest.raises(ConflictError) as exc:
        participation_enter(
            actor=counsellor,
            job_seeker=job_seeker,
            operation=operation,
            data=entry(
                entry_date=D(2026, 6, 1), labour_market_status="inactive", unemployed_since=None
            ),
            today=TODAY,
        )
    assert exc.value.code == "re_entry_required"
    p = participation_re_enter(
        actor=counsellor, participation=p, re_entry_date=D(2026, 6, 1), today=TODAY
    )
    p.refresh_from_db()
    assert p.entry_date == D(2026, 3, 2)
    assert p.labour_market_status == "unemployed"
    assert p.exit_date is None and p.exit_job_searching is None
    archived = ParticipationReEntry.objects.get(participation=p)
    assert archived.previous_exit_date == D(2026, 5, 1)
    assert archived.previous_exit["exit_job_searching"] is True
    assert Participation.objects.count() == 1


def test_re_entry_before_exit_date_is_refused(counsellor, operation, job_seeker):
    p = ParticipationFactory(job_seeker=job_seeker, exit_date=D(2026, 5, 1))
    with pytest.raises(InvalidFieldsError):
        participation_re_enter(
            actor=counsellor, participation=p, re_entry_date=D(2026, 4, 1), today=TODAY
        )


def test_exit_before_entry_or_in_future_is_refused(counsellor, job_seeker):
    p = ParticipationFactory(job_seeker=job_seeker)
    for day in (D(2026, 3, 1), TODAY + datetime.timedelta(days=1)):
        with pytest.raises(InvalidFieldsError) as exc:
            participation_exit(
                actor=counsellor, participation=p, data=ExitData(exit_date=day), today=TODAY
            )
        assert "exit_date" in exc.value.by_field()


def test_follow_up_only_when_due(counsellor, job_seeker):
    p = ParticipationFactory(job_seeker=job_seeker, exit_date=D(2026, 5, 31))
    assert follow_up_due_on(p.exit_date) == D(2026, 11, 30)
    with pytest.raises(InvalidFieldsError):
        participation_record_follow_up(
            actor=counsellor,
            participation=p,
            six_month_employed=True,
            six_month_improved=True,
            today=D(2026, 11, 29),
        )
    p = participation_record_follow_up(
        actor=counsellor,
        participation=p,
        six_month_employed=True,
        six_month_improved=None,
        today=D(2026, 11, 30),
    )
    assert p.six_month_employed is True


def test_follow_up_before_exit_is_refused(counsellor, job_seeker):
    p = ParticipationFactory(job_seeker=job_seeker)
    with pytest.raises(InvalidFieldsError):
        participation_record_follow_up(
            actor=counsellor,
            participation=p,
            six_month_employed=True,
            six_month_improved=True,
            today=TODAY,
        )


def test_rectifying_entry_keeps_art9_when_not_allowed(counsellor, job_seeker, operation):
    p = participation_enter(
        actor=counsellor, job_seeker=job_seeker, operation=operation, data=entry(), today=TODAY
    )
    participation_update_entry(
        actor=counsellor,
        participation=p,
        data=entry(isced_level=5, disability="yes"),
        with_special=False,
        today=TODAY,
    )
    p.refresh_from_db()
    assert p.isced_level == 5
    assert p.special_category.disability == "refused"
    event = AuditEvent.objects.get(action="participation.update_entry")
    assert event.changes == {"isced_level": [3, 5]}


def test_reminders_created_once_when_follow_up_falls_due(job_seeker):
    p = ParticipationFactory(job_seeker=job_seeker, exit_date=D(2026, 5, 31))
    ParticipationFactory(exit_date=D(2026, 6, 1))  # due 1.12., not yet
    assert reminders_create_due(today=D(2026, 11, 29)) == 0
    assert reminders_create_due(today=D(2026, 11, 30)) == 1
    assert reminders_create_due(today=D(2026, 11, 30)) == 0
    reminder = Reminder.objects.get()
    assert reminder.participation == p and reminder.due_on == D(2026, 11, 30)
    participation_record_follow_up(
        actor=None,
        participation=p,
        six_month_employed=False,
        six_month_improved=True,
        today=D(2026, 12, 1),
    )
    reminder.refresh_from_db()
    assert reminder.resolved_at is not None


def test_send_reminders_command_runs_the_task(job_seeker):
    ParticipationFactory(job_seeker=job_seeker, entry_date=D(2026, 1, 5), exit_date=D(2026, 1, 31))
    out = StringIO()
    call_command("send_reminders", "--date", "2026-08-01", "--now", stdout=out)
    assert "1 reminder(s) created." in out.getvalue()
    out = StringIO()
    call_command(
        "send_reminders", "--date", "2026-08-01", stdout=out
    )  # enqueued; immediate in tests
    assert "Enqueued" in out.getvalue()
    assert Reminder.objects.count() == 1


def test_participation_pages_take_counsellor_through_entry_exit_and_follow_up(
    client_as, counsellor, job_seeker, operation
):
    client = client_as(counsellor)
    base = f"/jobseekers/{job_seeker.pk}/participation/"
    form = client.get(base + "enter/").content.decode()
    assert 'name="disability"' in form
    response = client.post(
        base + "enter/",
        {
            "operation": operation.pk,
            "entry_date": "2026-03-02",
            "gender": "woman",
            "birth_date": "1990-05-17",
            "labour_market_status": "unemployed",
            "isced_level": "3",
            "rural": "refused",
            "disability": "no",
        },
    )
    assert response.status_code == 400
    assert "Työttömälle on annettava työttömyyden alkupäivä." in response.content.decode()
    assert 'id="id_unemployed_since_error"' in response.content.decode()
    response = client.post(
        base + "enter/",
        {
            "operation": operation.pk,
            "entry_date": "2026-03-02",
            "gender": "woman",
            "birth_date": "1990-05-17",
            "labour_market_status": "unemployed",
            "unemployed_since": "2025-02-01",
            "isced_level": "3",
            "rural": "refused",
            "disability": "no",
        },
    )
    assert response.status_code == 302
    p = Participation.objects.get()
    assert p.rural == "refused" and p.special_category.disability == "no"
    response = client.post(
        base + f"{p.pk}/exit/",
        {"exit_date": "2026-04-30", "exit_employed": "yes", "exit_job_searching": "no"},
    )
    assert response.status_code == 302
    p.refresh_from_db()
    assert (p.exit_date, p.exit_employed, p.exit_in_education) == (D(2026, 4, 30), True, None)
    response = client.post(base + f"{p.pk}/follow-up/", {"six_month_employed": "yes"})
    assert response.status_code == 302  # 30.10. has passed in the test clock's year
    p.refresh_from_db()
    assert p.six_month_employed is True


@pytest.mark.parametrize(
    "who", ["auditor", "other_counsellor", "partner_with_consent", "business_advisor"]
)
def test_participation_changes_refused_for_read_only_roles(world, who):
    from django.test import Client

    client = Client()
    client.force_login(world["users"][who])
    p = world["participation"]
    base = f"/jobseekers/{world['person'].pk}/participation/{p.pk}/"
    for url, data in (
        (base + "exit/", {"exit_date": "2026-04-01"}),
        (base + "edit/", {"entry_date": "2026-03-02"}),
        (base + "follow-up/", {"six_month_employed": "yes"}),
        (base + "re-entry/", {"re_entry_date": "2026-05-01"}),
    ):
        assert client.post(url, data).status_code == 404
    p.refresh_from_db()
    assert p.exit_date is None


def test_rules_month_arithmetic_and_age():
    assert add_months(D(2026, 8, 31), 6) == D(2027, 2, 28)
    assert add_months(D(2026, 3, 15), -6) == D(2025, 9, 15)
    assert age_on(D(2008, 2, 29), D(2026, 2, 28)) == 17
    assert age_on(D(2008, 2, 29), D(2026, 3, 1)) == 18
    coarse = birth_date_keeping_age(D(1990, 3, 1), D(2028, 2, 29))
    assert age_on(coarse, D(2028, 2, 29)) == age_on(D(1990, 3, 1), D(2028, 2, 29))
