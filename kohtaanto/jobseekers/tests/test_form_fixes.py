"""Form fixes on the job seeker pages: future birth dates, the same consent twice, an ERDF
operation on the ESF+ entry form, every unknown line of added skills named at once, a skill's
level changed in place, expired and expiring cards marked in words, and counts in their plural
forms."""

import datetime

import pytest
from django.utils import timezone, translation

from kohtaanto.common.errors import ConflictError, DomainError
from kohtaanto.jobseekers.forms import CvConfirmForm, EntryForm, JobSeekerForm
from kohtaanto.jobseekers.models import ConsentPurpose, ProfileSkill, RequirementCard, SkillSource
from kohtaanto.jobseekers.selectors import operation_choices
from kohtaanto.jobseekers.services.consents import consent_give, consent_withdraw
from kohtaanto.jobseekers.services.participation import participation_enter
from kohtaanto.jobseekers.tests.conftest import TODAY
from kohtaanto.jobseekers.tests.test_participation import entry
from kohtaanto.jobseekers.views.profile import profile_added_message
from kohtaanto.programme.models import Operation
from kohtaanto.taxonomy.tests.factories import ConceptFactory, RequirementFactory


@pytest.fixture
def erdf(area):
    return Operation.objects.create(
        employment_area=area,
        code="kp-eakr",
        name="Teollisuus 4.0 -investoinnit (EAKR)",
        fund=Operation.Fund.ERDF,
        start_date=datetime.date(2026, 1, 1),
        end_date=datetime.date(2028, 12, 31),
    )


def test_birth_date_in_the_future_is_refused_on_both_forms(area, operation):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    person = JobSeekerForm(
        {"first_name": "A", "last_name": "B", "preferred_language": "fi", "birth_date": tomorrow},
        area_id=area.pk,
    )
    assert not person.is_valid()
    assert "birth_date" in person.errors
    entry_form = EntryForm(
        {"operation": operation.pk, "birth_date": tomorrow.isoformat()},
        operations=Operation.objects.all(),
        with_special=False,
    )
    assert not entry_form.is_valid()
    assert entry_form.errors["birth_date"][0].endswith("on tulevaisuudessa.")


def test_the_same_consent_in_force_cannot_be_recorded_twice(counsellor, job_seeker, kpedu, centria):
    day = TODAY - datetime.timedelta(days=30)
    first = consent_give(
        actor=counsellor,
        job_seeker=job_seeker,
        purpose=ConsentPurpose.SHARE_WITH_PARTNER,
        partner_organisation=kpedu,
        given_on=day,
    )
    with pytest.raises(ConflictError, match="jo voimassa"):
        consent_give(
            actor=counsellor,
            job_seeker=job_seeker,
            purpose=ConsentPurpose.SHARE_WITH_PARTNER,
            partner_organisation=kpedu,
            given_on=TODAY - datetime.timedelta(days=1),
        )
    # Another recipient is another consent.
    consent_give(
        actor=counsellor,
        job_seeker=job_seeker,
        purpose=ConsentPurpose.SHARE_WITH_PARTNER,
        partner_organisation=centria,
        given_on=day,
    )
    # Once the first is withdrawn, the person may give it again.
    withdrawn_on = TODAY - datetime.timedelta(days=2)
    consent_withdraw(actor=counsellor, consent=first, withdrawn_on=withdrawn_on)
    again = consent_give(
        actor=counsellor,
        job_seeker=job_seeker,
        purpose=ConsentPurpose.SHARE_WITH_PARTNER,
        partner_organisation=kpedu,
        given_on=TODAY - datetime.timedelta(days=1),
    )
    assert again.pk != first.pk


def test_an_expired_consent_can_be_given_again(counsellor, job_seeker):
    consent_give(
        actor=counsellor,
        job_seeker=job_seeker,
        purpose=ConsentPurpose.PROCESSING,
        given_on=TODAY - datetime.timedelta(days=400),
        expires_on=TODAY - datetime.timedelta(days=1),
    )
    consent_give(
        actor=counsellor, job_seeker=job_seeker, purpose=ConsentPurpose.PROCESSING, given_on=TODAY
    )


def test_erdf_operation_is_not_offered_on_the_entry_form_and_refused_by_the_service(
    counsellor, job_seeker, operation, erdf
):
    form = EntryForm(operations=operation_choices(actor=counsellor), with_special=False)
    offered = list(form.fields["operation"].queryset)  # type: ignore[attr-defined]
    assert operation in offered
    assert erdf not in offered
    with pytest.raises(DomainError, match="ESR\\+"):
        participation_enter(
            actor=counsellor, job_seeker=job_seeker, operation=erdf, data=entry(), today=TODAY
        )


def test_every_unknown_added_line_is_named_at_once(db):
    form = CvConfirmForm({"add": "zzqxvw\n\nqqjjkk"}, suggestions=[])
    assert not form.is_valid()
    errors = form.errors["add"]
    assert len(errors) == 2
    assert errors[0].startswith('Rivi 1 ("zzqxvw")')
    assert errors[1].startswith('Rivi 3 ("qqjjkk")')


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("fi", "Profiiliin lisättiin tai päivitettiin 3 taitoa, 1 kortti ja 1 tavoiteammatti."),
        ("sv", "I profilen lades till eller uppdaterades 3 färdigheter, 1 kort och 1 målyrke."),
        ("en", "Added to or updated in the profile: 3 skills, 1 card and 1 target occupation."),
    ],
)
def test_added_counts_use_plural_forms(lang, message):
    with translation.override(lang):
        assert profile_added_message({"skills": 3, "cards": 1, "targets": 1}) == message
    with translation.override("fi"):
        two = profile_added_message({"skills": 1, "cards": 2, "targets": 0, "languages": 0})
    # Only the kinds something was added to are named: no "0 tavoiteammattia".
    assert two == "Profiiliin lisättiin tai päivitettiin 1 taito ja 2 korttia."


def test_added_message_when_nothing_changed_says_so():
    with translation.override("fi"):
        assert profile_added_message({"skills": 0, "unchanged": 2}) == (
            "Profiiliin ei lisätty eikä siinä päivitetty mitään. "
            "2 valituista oli jo profiilissa, eikä niitä muutettu."
        )
    with translation.override("sv"):
        assert profile_added_message({"languages": 1}) == (
            "I profilen lades till eller uppdaterades 1 språk."
        )


def test_skill_level_is_changed_in_place_from_the_profile_page(client_as, counsellor, job_seeker):
    concept = ConceptFactory(fi="TIG-hitsaus", en="TIG welding")
    skill = ProfileSkill.objects.create(
        job_seeker=job_seeker,
        concept=concept,
        level=2,
        source=SkillSource.COUNSELLOR,
        evidence="x",
        assessed_on=datetime.date(2026, 11, 1),
    )
    client = client_as(counsellor)
    page = client.get(f"/jobseekers/{job_seeker.pk}/profile/").content.decode()
    assert f'<select name="skill-level" id="level-{skill.pk}">' in page
    response = client.post(
        f"/jobseekers/{job_seeker.pk}/profile/skills/",
        {
            "skill-concept": concept.pk,
            "skill-level": 4,
            "skill-source": SkillSource.COUNSELLOR,
            "skill-evidence": "x",
            "skill-assessed_on": "2026-11-01",
        },
    )
    assert response.status_code == 302
    skill.refresh_from_db()
    assert skill.level == 4
    assert (skill.evidence, skill.assessed_on) == ("x", datetime.date(2026, 11, 1))
    assert ProfileSkill.objects.filter(job_seeker=job_seeker).count() == 1


def test_expired_and_expiring_cards_are_marked_in_words(client_as, counsellor, job_seeker):
    today = timezone.localdate()
    cards = {
        "expired": today - datetime.timedelta(days=1),
        "soon": today + datetime.timedelta(days=30),
        "later": today + datetime.timedelta(days=400),
    }
    for name, day in cards.items():
        RequirementCard.objects.create(
            job_seeker=job_seeker,
            concept=RequirementFactory(fi=f"kortti-{name}"),
            expires_on=day,
            source=SkillSource.CERTIFICATE,
        )
    page = client_as(counsellor).get(f"/jobseekers/{job_seeker.pk}/profile/").content.decode()
    rows = {name: page.split(f"kortti-{name}")[1].split("</tr>")[0] for name in cards}
    assert "Vanhentunut" in rows["expired"]
    assert "Vanhenee pian" in rows["soon"]
    assert "Vanhentunut" not in rows["later"] and "Vanhenee pian" not in rows["later"]
