import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from kohtaanto.accounts.models import EmploymentArea
from kohtaanto.programme.models import (
    ActivityEntry,
    ActivityParticipant,
    Operation,
    SalaryModel,
    StaffMember,
    StaffPosition,
    TimeRecording,
)


class OperationFactory(DjangoModelFactory):
    class Meta:
        model = Operation

    employment_area = factory.LazyFunction(
        lambda: EmploymentArea.objects.get(code="keski-pohjanmaa")
    )
    code = factory.Sequence(lambda n: f"testihanke-{n}")
    name = factory.Sequence(lambda n: f"Testihanke {n}")
    start_date = datetime.date(2026, 1, 1)
    end_date = datetime.date(2028, 12, 31)


class StaffMemberFactory(DjangoModelFactory):
    class Meta:
        model = StaffMember

    employment_area = factory.LazyFunction(
        lambda: EmploymentArea.objects.get(code="keski-pohjanmaa")
    )
    name = factory.Faker("name", locale="fi_FI")


class StaffPositionFactory(DjangoModelFactory):
    class Meta:
        model = StaffPosition

    operation = factory.LazyFunction(lambda: Operation.objects.get(is_default=True))
    staff_member = factory.SubFactory(StaffMemberFactory)
    title = "Projektikoordinaattori"
    salary_model = SalaryModel.HOURLY_RATE
    annual_gross_cost = Decimal("52000.00")
    person_years = Decimal("1.00")
    start_date = datetime.date(2026, 1, 1)
    end_date = datetime.date(2028, 12, 31)
    time_recording = TimeRecording.HOURS


class ActivityEntryFactory(DjangoModelFactory):
    class Meta:
        model = ActivityEntry
        skip_postgeneration_save = True

    employment_area = factory.LazyFunction(
        lambda: EmploymentArea.objects.get(code="keski-pohjanmaa")
    )
    kind = ActivityEntry.Kind.MEETING
    date = datetime.date(2026, 3, 10)
    title = factory.Sequence(lambda n: f"Yhteinen kokous {n}")

    @factory.post_generation
    def organisations(self, create: bool, extracted: list | None, **kwargs: object) -> None:
        """`organisations=[partner_org_or_None, ...]` adds one named participant for each."""
        for org in extracted or [None]:
            ActivityParticipant.objects.create(
                entry=self, organisation=org, name="Testi Osallistuja"
            )
