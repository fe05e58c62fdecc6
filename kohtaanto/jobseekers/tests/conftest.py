import datetime

import pytest

from kohtaanto.accounts.models import Municipality, PartnerOrganisation, Role
from kohtaanto.jobseekers.tests.factories import JobSeekerFactory
from kohtaanto.programme.models import Operation

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
