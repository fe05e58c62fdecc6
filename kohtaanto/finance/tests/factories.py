"""Test data for the finance app. Money rows go through the services so that the cached
balances and the ledger agree, as they do in production."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import timezone

from kohtaanto.employers.tests.factories import CompanyFactory
from kohtaanto.finance import services
from kohtaanto.finance.models import (
    Appropriation,
    BudgetLine,
    DecisionDelegation,
    GrantScheme,
    SchemeRule,
)


def give_delegation(user: Any, *, valid_from: date = date(2025, 1, 1)) -> DecisionDelegation:
    """The delegated authority to decide grants (as an area's administrative rules grant it)."""
    return DecisionDelegation.objects.create(
        employment_area=user.employment_area,
        official=user,
        title="Työllisyyspalvelupäällikkö",
        basis="Työllisyysjaoston päätös 14.1.2025 § 3 (hallintosäännön 42 §)",
        valid_from=valid_from,
    )


def make_appropriation(
    actor: Any,
    amount: str = "10000.00",
    *,
    year: int = 2026,
    line: str = "services",
    name: str = "",
) -> Appropriation:
    return services.appropriation_create(
        actor=actor,
        year=year,
        line=BudgetLine.objects.get(employment_area=actor.employment_area, code=line),
        name=name or f"Määräraha {line} {year}",
        amount=Decimal(amount),
        decided_by="Työllisyysjohtaja",
        # A decision is never dated in the future: next year's appropriation is decided today.
        decided_on=min(date(year, 1, 15), timezone.localdate()),
        reference="§ 12/2026",
    )


def youth_voucher(area: Any) -> GrantScheme:
    """The youth employment voucher seeded by the data migration."""
    return GrantScheme.objects.get(employment_area=area, code="nuorten-tyollistamisseteli")


def pay_subsidy(area: Any, envelope: str = "500000.00") -> GrantScheme:
    scheme = GrantScheme.objects.get(employment_area=area, code="palkkatuki")
    GrantScheme.objects.filter(pk=scheme.pk).update(envelope=Decimal(envelope))
    scheme.refresh_from_db()
    return scheme


def make_scheme(area: Any, *, envelope: str = "100000.00", **rule: Any) -> GrantScheme:
    """A test scheme on the grants line with one rule of category "general"."""
    scheme = GrantScheme.objects.create(
        employment_area=area,
        code=f"testi-{GrantScheme.objects.count() + 1}",
        name="Testiavustus",
        kind=GrantScheme.Kind.REGIONAL,
        line=BudgetLine.objects.get(employment_area=area, code="grants"),
        envelope=Decimal(envelope),
        starts_on=date(2026, 1, 1),
        ends_on=None,
        first_come=rule.pop("first_come", False),
        de_minimis=rule.pop("de_minimis", False),
        legal_basis="Testipäätös",
    )
    values = {
        "category": "general",
        "label": "Perus",
        "valid_from": date(2026, 1, 1),
        "percentage": Decimal("50.00"),
        "monthly_cap": Decimal("1000.00"),
        "source": "Testipäätös",
    }
    values.update(rule)
    SchemeRule.objects.create(scheme=scheme, **values)
    return scheme


def application_data(**overrides: Any) -> services.ApplicationData:
    """A valid youth-voucher application: 25 years old, unemployed for nine months, six months'
    full-time work at 3 000 €/month."""
    values: dict[str, Any] = {
        "category": "general",
        "employee_first_name": "Aino",
        "employee_last_name": "Testinen",
        "employee_birth_date": date(2001, 5, 1),
        "job_title": "Koneistaja",
        "start_date": date(2026, 3, 1),
        "end_date": date(2026, 8, 31),
        "weekly_hours": Decimal("37.50"),
        "monthly_pay_costs": Decimal("3000.00"),
        "contact_name": "Pekka Palkkaaja",
        "contact_email": "pekka@example.fi",
        "de_minimis_declared": True,
        # Unemployed since 1.6.2025: the voucher's 6 of the last 7 months are met.
        "unemployment_periods": [(date(2025, 6, 1), None)],
    }
    values.update(overrides)
    return services.ApplicationData(**values)


def submit(actor: Any, scheme: GrantScheme, company: Any = None, **overrides: Any) -> Any:
    company = company or CompanyFactory(employment_area=scheme.employment_area)
    return services.grant_application_submit(
        actor=actor,
        scheme=scheme,
        company=company,
        data=application_data(**overrides),
        channel="advisor",
    )
