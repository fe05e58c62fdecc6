import datetime
import random
from collections import Counter
from io import StringIO

from django.core.management import call_command

from kohtaanto.audit.models import AuditEvent
from kohtaanto.audit.services import access_log_record
from kohtaanto.common.dates import age_on
from kohtaanto.jobseekers.models import (
    CvDocument,
    JobSeeker,
    Participation,
    ParticipationSpecialCategory,
    PlanGoal,
    ServiceEvent,
)
from kohtaanto.jobseekers.selectors import job_seekers_past_retention
from kohtaanto.jobseekers.services.gdpr import (
    job_seeker_data_export,
    job_seeker_pseudonymise,
    retention_apply,
)
from kohtaanto.jobseekers.services.register import job_seeker_update
from kohtaanto.jobseekers.tests.factories import (
    ConsentFactory,
    JobSeekerFactory,
    ParticipationFactory,
    ServiceEventFactory,
    identity_code_for,
)

D = datetime.date


def esf_indicator_counts() -> Counter:
    """The ESF+ common indicators (Reg. (EU) 2021/1057 Annex I) by gender, computed here
    independently from the Participation fields, to show pseudonymisation keeps them."""
    counts: Counter = Counter()
    for p in Participation.objects.select_related("special_category"):
        age = age_on(p.birth_date, p.entry_date)
        months_unemployed = None
        if p.unemployed_since:
            months_unemployed = (p.entry_date.year - p.unemployed_since.year) * 12 + (
                p.entry_date.month - p.unemployed_since.month
            )
        special = getattr(p, "special_category", None)
        flags = {
            "EECO01": True,
            "EECO02": p.labour_market_status == "unemployed",
            "EECO03": months_unemployed is not None
            and months_unemployed >= (6 if age < 25 else 12),
            "EECO04": p.labour_market_status == "inactive",
            "EECO05": p.labour_market_status in ("employed", "self_employed"),
            "EECO06": age < 18,
            "EECO07": 18 <= age <= 29,
            "EECO08": age >= 55,
            "EECO09": p.isced_level is not None and p.isced_level <= 2,
            "EECO10": p.isced_level in (3, 4),
            "EECO11": p.isced_level is not None and p.isced_level >= 5,
            "EECO12": bool(special and special.disability == "yes"),
            "EECO13": p.third_country_national == "yes",
            "EECO14": p.foreign_background == "yes",
            "EECO15": bool(special and special.minority == "yes"),
            "EECO16": p.homeless == "yes",
            "EECO17": p.rural == "yes",
            "EECR01": p.exit_job_searching is True,
            "EECR02": p.exit_in_education is True,
            "EECR03": p.exit_qualification is True,
            "EECR04": p.exit_employed is True,
            "EECR05": p.six_month_employed is True,
            "EECR06": p.six_month_improved is True,
        }
        for code, on in flags.items():
            if on:
                counts[(code, p.gender)] += 1
                counts[(code, "total")] += 1
    return counts


def _population(rng: random.Random, n: int) -> None:
    for i in range(n):
        entry = D(2026, 1, 1) + datetime.timedelta(days=rng.randrange(300))
        birth = D(rng.randrange(1958, 2010), rng.randrange(1, 13), rng.randrange(1, 29))
        if i % 7 == 0:
            birth = D(2008, 2, 29) if entry >= D(2026, 3, 1) else D(2008, 3, 1)
        status = rng.choice(["unemployed", "inactive", "employed", "self_employed"])
        exited = rng.random() < 0.6
        person = JobSeekerFactory(
            birth_date=birth, gender=rng.choice(["woman", "man", "non_binary"])
        )
        p = ParticipationFactory(
            job_seeker=person,
            entry_date=entry,
            birth_date=birth,
            gender=person.gender,
            labour_market_status=status,
            unemployed_since=entry - datetime.timedelta(days=rng.randrange(30, 900))
            if status == "unemployed"
            else None,
            isced_level=rng.choice([None, 1, 2, 3, 4, 6, 7]),
            rural=rng.choice(["yes", "no", "refused", ""]),
            homeless=rng.choice(["yes", "no", ""]),
            third_country_national=rng.choice(["yes", "no"]),
            foreign_background=rng.choice(["yes", "no", "refused"]),
            exit_date=entry + datetime.timedelta(days=20) if exited else None,
            exit_employed=rng.choice([True, False, None]) if exited else None,
            exit_job_searching=rng.choice([True, False]) if exited else None,
            six_month_employed=rng.choice([True, None]) if exited else None,
        )
        ParticipationSpecialCategory.objects.create(
            participation=p,
            disability=rng.choice(["yes", "no", "refused"]),
            minority=rng.choice(["yes", "no", ""]),
        )
        ServiceEventFactory(job_seeker=person, description="Keskusteltiin terveydestä")


def test_pseudonymising_everyone_keeps_every_esf_indicator(db):
    _population(random.Random(4), 40)
    before = esf_indicator_counts()
    for person in JobSeeker.objects.all():
        job_seeker_pseudonymise(actor=None, job_seeker=person, reason="test")
    after = esf_indicator_counts()
    assert before == after
    assert before[("EECO01", "total")] == 40
    assert not JobSeeker.objects.exclude(first_name="").exists()
    assert not ServiceEvent.objects.exclude(description="").exists()


def test_pseudonymise_removes_identifiers_and_free_text(counsellor, job_seeker, kpedu):
    job_seeker = job_seeker_update(
        actor=counsellor,
        job_seeker=job_seeker,
        identity_code=identity_code_for(D(1990, 5, 17), 955),
        email="aino@example.fi",
        phone="040 123",
        external_id="X-1",
    )
    p = ParticipationFactory(job_seeker=job_seeker)
    ConsentFactory(job_seeker=job_seeker, note="allekirjoitettu")
    PlanGoal.objects.create(job_seeker=job_seeker, description="Oma yksityinen tavoite")
    CvDocument.objects.create(job_seeker=job_seeker, text="Aino Esimerkki, CV")
    job_seeker_pseudonymise(actor=None, job_seeker=job_seeker, reason="säilytysaika")
    job_seeker.refresh_from_db()
    values = [
        job_seeker.first_name,
        job_seeker.last_name,
        job_seeker.email,
        job_seeker.phone,
        job_seeker.external_id,
        job_seeker.identity_code_encrypted,
        job_seeker.identity_code_digest,
    ]
    assert values == [""] * 7
    assert job_seeker.birth_date is None and job_seeker.status == "closed"
    assert not job_seeker.counsellors.exists()
    assert not CvDocument.objects.exists()
    assert job_seeker.consents.get().note == ""
    assert PlanGoal.objects.get().description == "–"
    p.refresh_from_db()
    assert age_on(p.birth_date, p.entry_date) == age_on(D(1990, 5, 17), p.entry_date)
    assert "Aino" not in str(AuditEvent.objects.get(action="job_seeker.pseudonymise").target_repr)


def test_retention_pseudonymises_participants_and_erases_others(db, settings):
    old_participant = JobSeekerFactory()
    ParticipationFactory(
        job_seeker=old_participant, entry_date=D(2026, 1, 10), exit_date=D(2026, 2, 1)
    )
    old_other = JobSeekerFactory()
    recent = JobSeekerFactory()
    ParticipationFactory(job_seeker=recent, entry_date=D(2026, 1, 10), exit_date=D(2026, 2, 1))
    ServiceEventFactory(job_seeker=recent, occurred_on=D(2027, 6, 1))
    JobSeeker.objects.update(created_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))
    today = D(2037, 3, 1)
    due = set(job_seekers_past_retention(today=today, years=10).values_list("pk", flat=True))
    assert due == {old_participant.pk, old_other.pk}
    result = retention_apply(actor=None, today=today, years=10)
    assert (result.pseudonymised, result.erased) == (1, 1)
    assert not JobSeeker.objects.filter(pk=old_other.pk).exists()
    old_participant.refresh_from_db()
    assert old_participant.pseudonymised_at is not None
    recent.refresh_from_db()
    assert recent.pseudonymised_at is None
    assert retention_apply(actor=None, today=today, years=10).pseudonymised == 0


def test_apply_retention_command_dry_run_and_now(db, settings):
    settings.RETENTION_YEARS = 1
    person = JobSeekerFactory()
    ParticipationFactory(job_seeker=person, entry_date=D(2026, 1, 10), exit_date=D(2026, 2, 1))
    JobSeeker.objects.update(created_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))
    out = StringIO()
    call_command("apply_retention", "--date", "2028-01-01", "--dry-run", stdout=out)
    assert "1 to pseudonymise" in out.getvalue()
    person.refresh_from_db()
    assert person.pseudonymised_at is None
    out = StringIO()
    call_command("apply_retention", "--date", "2028-01-01", "--now", stdout=out)
    assert "1 pseudonymised" in out.getvalue()
    person.refresh_from_db()
    assert person.pseudonymised_at is not None


def test_export_contains_everything_including_who_has_seen_the_data(counsellor, job_seeker, kpedu):
    ParticipationFactory(job_seeker=job_seeker)
    ConsentFactory(job_seeker=job_seeker, purpose="share_partner", partner_organisation=kpedu)
    ServiceEventFactory(job_seeker=job_seeker)
    access_log_record(actor=counsellor, subject=job_seeker, what="profile")
    data = job_seeker_data_export(actor=counsellor, job_seeker=job_seeker)
    assert data["person"]["first_name"] == "Aino"
    assert data["consents"][0]["recipient"] == "KPEDU"
    assert data["participations"][0]["disability"] == ""
    assert data["service_events"][0]["kind"] == "meeting"
    assert [a["what"] for a in data["access_log"]] == ["profile"]
