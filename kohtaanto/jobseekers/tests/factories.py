import datetime

import factory
from factory.django import DjangoModelFactory

from kohtaanto.accounts.models import EmploymentArea
from kohtaanto.jobseekers.models import (
    Consent,
    ConsentPurpose,
    Gender,
    JobSeeker,
    LabourMarketStatus,
    Participation,
    PlanAction,
    ServiceEvent,
)
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
    # As the exit service records it: results given without a date are the exit day's.
    exit_results_on = factory.LazyAttribute(
        lambda p: (
            p.exit_date
            if any(
                getattr(p, name, None) is not None
                for name in (
                    "exit_job_searching",
                    "exit_in_education",
                    "exit_qualification",
                    "exit_employed",
                )
            )
            else None
        )
    )


def identity_code_for(birth_date: datetime.date, serial: int = 901, sign: str = "") -> str:
    """A valid code in the temporary range 900–999 (never a real person's)."""
    from kohtaanto.jobseekers.identity import identity_code_build

    return identity_code_build(birth_date, serial, sign=sign)


class ConsentFactory(DjangoModelFactory):
    class Meta:
        model = Consent

    job_seeker = factory.SubFactory(JobSeekerFactory)
    purpose = ConsentPurpose.PROCESSING
    given_on = datetime.date(2026, 1, 15)


class ServiceEventFactory(DjangoModelFactory):
    class Meta:
        model = ServiceEvent

    job_seeker = factory.SubFactory(JobSeekerFactory)
    kind = ServiceEvent.Kind.MEETING
    occurred_on = datetime.date(2026, 3, 2)
    description = "Alkutapaaminen"


class PlanActionFactory(DjangoModelFactory):
    class Meta:
        model = PlanAction

    job_seeker = factory.SubFactory(JobSeekerFactory)
    description = "Päivitä CV"
    due_on = datetime.date(2026, 4, 1)
