import datetime

import pytest

from kohtaanto.audit.models import AuditEvent
from kohtaanto.common.errors import ConflictError
from kohtaanto.employers.tests.factories import CompanyFactory
from kohtaanto.jobseekers.models import Consent, ConsentPurpose, ServiceEvent
from kohtaanto.jobseekers.selectors import consent_is_valid
from kohtaanto.jobseekers.services.consents import consent_give, consent_withdraw
from kohtaanto.jobseekers.services.plan import service_event_record
from kohtaanto.jobseekers.validation import InvalidFieldsError

DAY = datetime.date(2026, 3, 1)


def _share(actor, person, partner, **kw):
    return consent_give(
        actor=actor,
        job_seeker=person,
        purpose=ConsentPurpose.SHARE_WITH_PARTNER,
        partner_organisation=partner,
        given_on=kw.pop("given_on", DAY),
        **kw,
    )


def test_consent_is_valid_from_given_day_to_expiry_day_inclusive(counsellor, job_seeker, kpedu):
    _share(counsellor, job_seeker, kpedu, expires_on=DAY + datetime.timedelta(days=10))

    def valid(day):
        return consent_is_valid(
            job_seeker=job_seeker,
            purpose=ConsentPurpose.SHARE_WITH_PARTNER,
            partner_organisation=kpedu,
            on=day,
        )

    assert not valid(DAY - datetime.timedelta(days=1))
    assert valid(DAY)
    assert valid(DAY + datetime.timedelta(days=10))
    assert not valid(DAY + datetime.timedelta(days=11))


def test_withdrawal_ends_validity_on_the_withdrawal_day(counsellor, job_seeker, kpedu):
    consent = _share(counsellor, job_seeker, kpedu)
    consent_withdraw(
        actor=counsellor, consent=consent, withdrawn_on=DAY + datetime.timedelta(days=5)
    )
    kwargs = {
        "job_seeker": job_seeker,
        "purpose": ConsentPurpose.SHARE_WITH_PARTNER,
        "partner_organisation": kpedu,
    }
    assert consent_is_valid(**kwargs, on=DAY + datetime.timedelta(days=4))
    assert not consent_is_valid(**kwargs, on=DAY + datetime.timedelta(days=5))
    assert AuditEvent.objects.filter(action="consent.withdraw", actor=counsellor).exists()
    with pytest.raises(ConflictError):
        consent_withdraw(actor=counsellor, consent=consent)


def test_consent_for_one_partner_is_not_valid_for_another(counsellor, job_seeker, kpedu, centria):
    _share(counsellor, job_seeker, kpedu)
    assert not consent_is_valid(
        job_seeker=job_seeker,
        purpose=ConsentPurpose.SHARE_WITH_PARTNER,
        partner_organisation=centria,
        on=DAY,
    )
    assert not consent_is_valid(
        job_seeker=job_seeker, purpose=ConsentPurpose.SHARE_WITH_PARTNER, on=DAY
    )


@pytest.mark.parametrize(
    ("purpose", "kwargs", "field"),
    [
        (ConsentPurpose.SHARE_WITH_PARTNER, {}, "partner_organisation"),
        (ConsentPurpose.SEND_TO_EMPLOYER, {}, "company"),
        ("marketing", {}, "purpose"),
        (ConsentPurpose.PROCESSING, {"given_on": datetime.date(2099, 1, 1)}, "given_on"),
        (ConsentPurpose.PROCESSING, {"expires_on": DAY - datetime.timedelta(days=1)}, "expires_on"),
    ],
)
def test_invalid_consent_is_refused_with_field(counsellor, job_seeker, purpose, kwargs, field):
    kwargs.setdefault("given_on", DAY)
    with pytest.raises(InvalidFieldsError) as exc:
        consent_give(actor=counsellor, job_seeker=job_seeker, purpose=purpose, **kwargs)
    assert field in exc.value.by_field()
    assert not Consent.objects.exists()


def test_company_of_another_area_is_refused(counsellor, job_seeker):
    from kohtaanto.accounts.models import EmploymentArea

    elsewhere = EmploymentArea.objects.create(code="muu", name="Muu")
    company = CompanyFactory(employment_area=elsewhere)
    with pytest.raises(InvalidFieldsError):
        consent_give(
            actor=counsellor,
            job_seeker=job_seeker,
            purpose=ConsentPurpose.SEND_TO_EMPLOYER,
            company=company,
            given_on=DAY,
        )


def test_referral_to_partner_needs_valid_consent(counsellor, job_seeker, kpedu):
    with pytest.raises(ConflictError) as exc:
        service_event_record(
            actor=counsellor,
            job_seeker=job_seeker,
            kind=ServiceEvent.Kind.REFERRAL_PARTNER,
            partner_organisation=kpedu,
            occurred_on=DAY,
        )
    assert exc.value.code == "consent_missing"
    _share(counsellor, job_seeker, kpedu)
    event = service_event_record(
        actor=counsellor,
        job_seeker=job_seeker,
        kind=ServiceEvent.Kind.REFERRAL_PARTNER,
        partner_organisation=kpedu,
        occurred_on=DAY,
    )
    assert event.referral_status == ServiceEvent.ReferralStatus.SENT


def test_referral_to_employer_needs_consent_for_that_company(counsellor, job_seeker):
    consented, other = CompanyFactory(), CompanyFactory()
    consent_give(
        actor=counsellor,
        job_seeker=job_seeker,
        purpose=ConsentPurpose.SEND_TO_EMPLOYER,
        company=consented,
        given_on=DAY,
    )
    with pytest.raises(ConflictError):
        service_event_record(
            actor=counsellor,
            job_seeker=job_seeker,
            kind=ServiceEvent.Kind.REFERRAL_EMPLOYER,
            company=other,
            occurred_on=DAY,
        )
    service_event_record(
        actor=counsellor,
        job_seeker=job_seeker,
        kind=ServiceEvent.Kind.REFERRAL_EMPLOYER,
        company=consented,
        occurred_on=DAY,
    )
    assert ServiceEvent.objects.count() == 1


def test_consent_page_records_and_withdraws(client_as, counsellor, job_seeker, kpedu):
    client = client_as(counsellor)
    response = client.post(
        f"/jobseekers/{job_seeker.pk}/consents/",
        {"purpose": "share_partner", "partner_organisation": kpedu.pk, "given_on": "2026-03-01"},
    )
    assert response.status_code == 302
    consent = Consent.objects.get()
    assert consent.recorded_by == counsellor
    page = client.get(f"/jobseekers/{job_seeker.pk}/consents/").content.decode()
    assert "Voimassa" in page and "KPEDU" in page
    client.post(f"/jobseekers/{job_seeker.pk}/consents/{consent.pk}/withdraw/")
    consent.refresh_from_db()
    assert consent.withdrawn_on == datetime.date.today()


def test_consent_form_shows_missing_partner_beside_the_field(client_as, counsellor, job_seeker):
    response = client_as(counsellor).post(
        f"/jobseekers/{job_seeker.pk}/consents/",
        {"purpose": "share_partner", "given_on": "2026-03-01"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert 'id="id_partner_organisation_error"' in body
    assert "Valitse kumppaniorganisaatio." in body


def test_auditor_reads_consents_but_cannot_record(client_as, job_seeker, kpedu):
    client = client_as("auditor")
    assert client.get(f"/jobseekers/{job_seeker.pk}/consents/").status_code == 200
    response = client.post(
        f"/jobseekers/{job_seeker.pk}/consents/",
        {"purpose": "processing", "given_on": "2026-03-01"},
    )
    assert response.status_code == 404
    assert not Consent.objects.exists()


def test_other_counsellor_cannot_withdraw(
    client_as, counsellor, other_counsellor, job_seeker, kpedu
):
    consent = _share(counsellor, job_seeker, kpedu)
    response = client_as(other_counsellor).post(
        f"/jobseekers/{job_seeker.pk}/consents/{consent.pk}/withdraw/"
    )
    assert response.status_code == 404
    consent.refresh_from_db()
    assert consent.withdrawn_on is None


def test_withdrawing_consent_of_another_person_is_404(client_as, counsellor, job_seeker, kpedu):
    from kohtaanto.jobseekers.tests.factories import JobSeekerFactory

    stranger = JobSeekerFactory()
    consent = _share(None, stranger, kpedu)
    response = client_as(counsellor).post(
        f"/jobseekers/{job_seeker.pk}/consents/{consent.pk}/withdraw/"
    )
    assert response.status_code == 404
