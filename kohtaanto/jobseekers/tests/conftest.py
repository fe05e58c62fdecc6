import datetime

import pytest

from kohtaanto.accounts.models import Municipality, PartnerOrganisation, Role
from kohtaanto.jobseekers.tests.factories import JobSeekerFactory
from kohtaanto.programme.models import Operation


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Test users need no strong hashes: PBKDF2 costs ~0.4 s per user on the CI machine."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# A fixed "today" inside the default operation (2026–2028) for services that take one.
TODAY = datetime.date(2026, 11, 2)


@pytest.fixture
def kokkola(db):
    return Municipality.objects.get(code="272")


@pytest.fixture
def operation(db):
    return Operation.objects.get(is_default=True)


@pytest.fixture
def kpedu(db):
    return PartnerOrganisation.objects.get(short_name="KPEDU")


@pytest.fixture
def centria(db):
    return PartnerOrganisation.objects.get(short_name="Centria")


@pytest.fixture
def job_seeker(counsellor, kokkola):
    """A client of the `counsellor` fixture, living in Kokkola."""
    person = JobSeekerFactory(first_name="Aino", last_name="Esimerkki", municipality=kokkola)
    person.counsellors.add(counsellor)
    return person


@pytest.fixture
def other_counsellor(make_user):
    return make_user(Role.COUNSELLOR)


@pytest.fixture
def world(make_user, counsellor, job_seeker, kpedu, centria):
    """One client seen from every role: consents to share with KPEDU and to send the profile
    to a company, an ESF+ participation with Art. 9 answers, and users of every kind."""
    from kohtaanto.accounts.models import EmploymentArea
    from kohtaanto.employers.tests.factories import CompanyFactory
    from kohtaanto.jobseekers.models import ConsentPurpose, ParticipationSpecialCategory
    from kohtaanto.jobseekers.tests.factories import ConsentFactory, ParticipationFactory

    company = CompanyFactory(name="Konepaja Oy")
    ConsentFactory(
        job_seeker=job_seeker, purpose=ConsentPurpose.SHARE_WITH_PARTNER, partner_organisation=kpedu
    )
    ConsentFactory(job_seeker=job_seeker, purpose=ConsentPurpose.SEND_TO_EMPLOYER, company=company)
    participation = ParticipationFactory(job_seeker=job_seeker)
    ParticipationSpecialCategory.objects.create(
        participation=participation, disability="yes", minority="refused"
    )
    elsewhere = EmploymentArea.objects.create(code="muu-alue", name="Muu alue")
    users = {
        "coordinator": make_user(Role.COORDINATOR),
        "own_counsellor": counsellor,
        "other_counsellor": make_user(Role.COUNSELLOR),
        "auditor": make_user(Role.AUDITOR),
        "partner_with_consent": make_user(Role.PARTNER, partner_organisation=kpedu),
        "partner_without_consent": make_user(Role.PARTNER, partner_organisation=centria),
        "business_advisor": make_user(Role.BUSINESS_ADVISOR),
        "finance": make_user(Role.FINANCE),
        "other_area_coordinator": make_user(Role.COORDINATOR, employment_area=elsewhere),
    }
    return {
        "person": job_seeker,
        "participation": participation,
        "company": company,
        "users": users,
    }
