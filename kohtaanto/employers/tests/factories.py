import factory
from factory.django import DjangoModelFactory
from stdnum.fi import ytunnus

from kohtaanto.accounts.models import EmploymentArea
from kohtaanto.employers.models import Company, SizeClass


def valid_business_id(n: int) -> str:
    """The n-th valid Y-tunnus in a test range: the first candidate from 2000000 + 3n up
    whose full code python-stdnum accepts (about one in eleven has no valid check digit)."""
    base = 2_000_000 + n * 3
    for number in range(base, base + 20):
        for check in range(10):
            candidate = f"{number:07d}-{check}"
            if ytunnus.is_valid(candidate):
                return candidate
    raise AssertionError(f"no valid business id near {base}")


class CompanyFactory(DjangoModelFactory):
    class Meta:
        model = Company

    employment_area = factory.LazyFunction(
        lambda: EmploymentArea.objects.get(code="keski-pohjanmaa")
    )
    business_id = factory.Sequence(valid_business_id)
    name = factory.Faker("company", locale="fi_FI")
    industry_code = "25620"
    size_class = SizeClass.SMALL
    employees = 25
