import datetime

import factory
from factory.django import DjangoModelFactory

from kohtaanto.accounts.models import EmploymentArea
from kohtaanto.jobseekers.models import Gender, JobSeeker, LabourMarketStatus, Participation
from kohtaanto.programme.models import Operation


class JobSeekerFactory(DjangoModelFactory):
    class Meta:
        model = JobSeeker
        skip_postgeneration_save = True

    employment_area = factory.LazyFunction(
        lambda: EmploymentArea.objects.get(code="keski-pohjanmaa")
    )
    first_name = factory.Faker("first_name", locale="fi_FI")
    last_name = factory.Faker("last_name", locale="fi_FI")
    birth_date = datetime.date(1990, 5, 17)
    gender = Gender.WOMAN


class ParticipationFactory(DjangoModelFactory):
    class Meta:
        model = Participation

    job_seeker = factory.SubFactory(JobSeekerFactory)
    operation = factory.LazyFunction(lambda: Operation.objects.get(is_default=True))
    entry_date = datetime.date(2026, 3, 2)
    gender = factory.LazyAttribute(lambda p: p.job_seeker.gender or Gender.WOMAN)
    birth_date = factory.LazyAttribute(lambda p: p.job_seeker.birth_date)
    labour_market_status = LabourMarketStatus.UNEMPLOYED
    unemployed_since = datetime.date(2025, 1, 1)
    isced_level = 3
