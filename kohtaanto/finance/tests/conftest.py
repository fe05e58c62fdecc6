from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.utils import timezone

from kohtaanto.accounts.models import EmploymentArea, Role
from kohtaanto.finance.tests.factories import give_delegation, make_appropriation


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    """Test users get a password; hashing it with the production hasher costs ~0.4 s each."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# The finance suite runs on a fixed day: money is bound to its year, and the tests' 2026
# appropriations must stay "this year" whenever the suite runs.
SUITE_TODAY = date(2026, 12, 2)


@pytest.fixture(autouse=True)
def set_today(monkeypatch: pytest.MonkeyPatch) -> Callable[[date], None]:
    """Pin `timezone.localdate()` to SUITE_TODAY; call the fixture to move to another day."""
    real = timezone.localdate
    current = [SUITE_TODAY]

    def localdate(value: Any = None, timezone: Any = None) -> date:
        return current[0] if value is None else real(value, timezone)

    monkeypatch.setattr("django.utils.timezone.localdate", localdate)

    def move(day: date) -> None:
        current[0] = day

    return move


@pytest.fixture
def area(area: EmploymentArea) -> EmploymentArea:
    """The root fixture's area with the finance defaults of the data migration, which
    transactional tests flush away."""
    from django.apps import apps

    from kohtaanto.finance.defaults import load_finance_defaults
    from kohtaanto.finance.models import BudgetLine

    if not BudgetLine.objects.filter(employment_area=area).exists():
        load_finance_defaults(apps)
    return area


@pytest.fixture
def finance_user(make_user: Any) -> Any:
    """A finance officer with the delegated authority to decide grants."""
    user = make_user(Role.FINANCE)
    give_delegation(user)
    return user


@pytest.fixture
def approver(make_user: Any) -> Any:
    """A second finance officer: approves payments of decisions `finance_user` made (four eyes)."""
    return make_user(Role.FINANCE)


@pytest.fixture
def appropriation(finance_user: Any) -> Any:
    """10 000 € for service procurement in 2026."""
    return make_appropriation(finance_user)


@pytest.fixture
def grants_appropriation(finance_user: Any) -> Any:
    return make_appropriation(finance_user, "300000.00", line="grants")


@pytest.fixture
def other_area(db: None) -> EmploymentArea:
    from django.apps import apps

    from kohtaanto.finance.defaults import load_finance_defaults

    area = EmploymentArea.objects.create(code="muu-alue", name="Muu työllisyysalue")
    load_finance_defaults(apps)
    return area


@pytest.fixture
def other_finance_user(make_user: Any, other_area: EmploymentArea) -> Any:
    return make_user(Role.FINANCE, employment_area=other_area)
