"""Fixtures of the training app: a KPEDU-like in-house provider with an agreement, skills,
the services appropriations of 2026 and 2027, and a programme maker."""

from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from kohtaanto.accounts.models import PartnerOrganisation, Role, User
from kohtaanto.employers.tests.factories import CompanyFactory, valid_business_id
from kohtaanto.finance.models import Appropriation
from kohtaanto.finance.tests.conftest import set_today  # noqa: F401  (autouse: a fixed today)
from kohtaanto.finance.tests.factories import make_appropriation
from kohtaanto.taxonomy.models import Concept
from kohtaanto.taxonomy.tests.factories import ConceptFactory
from kohtaanto.training import gaps, services
from kohtaanto.training.models import Agreement, LegalBasis, Programme, ProgrammeType, Provider


@pytest.fixture
def provider(coordinator: User) -> Provider:
    return services.provider_create(
        actor=coordinator,
        name="Keski-Pohjanmaan koulutusyhtymä",
        business_id=valid_business_id(900),
        partner_organisation=PartnerOrganisation.objects.get(short_name="KPEDU"),
        in_house=True,
        contact_name="Koulutuspäällikkö",
    )


@pytest.fixture
def agreement(coordinator: User, provider: Provider) -> Agreement:
    return services.agreement_create(
        actor=coordinator,
        provider=provider,
        title="KPEDU palveluhankintasopimus 2026–2027",
        legal_basis=LegalBasis.IN_HOUSE,
        starts_on=date(2026, 1, 1),
        ends_on=date(2027, 12, 31),
        ceiling="100000.00",
        price_per_student_day="95.00",
    )


@pytest.fixture
def appropriations(coordinator: User) -> dict[int, Appropriation]:
    return {
        year: make_appropriation(coordinator, "500000.00", year=year, line="services")
        for year in (2026, 2027)
    }


@pytest.fixture
def skills(db: None) -> list[Concept]:
    return [
        ConceptFactory(fi="hitsaus", en="welding"),
        ConceptFactory(fi="CNC-koneistus", en="CNC machining"),
        ConceptFactory(fi="automaatio", en="automation"),
    ]


@pytest.fixture
def company(area: Any) -> Any:
    return CompanyFactory(name="Kokkolan Kone Oy", size_class="medium", employees=120)


@pytest.fixture
def make_programme(
    coordinator: User, provider: Provider, skills: list[Concept]
) -> Callable[..., Programme]:
    def make(**overrides: Any) -> Programme:
        values: dict[str, Any] = {
            "name_fi": "Hitsauksen täsmäkoulutus",
            "name_sv": "Skräddarsydd svetsutbildning",
            "name_en": "Targeted welding training",
            "type": ProgrammeType.LABOUR_MARKET,
            "days": 40,
            "seats": 10,
            "min_group": 6,
            "starts_on": date(2026, 3, 2),
            "ends_on": date(2026, 5, 29),
            "price": "30000.00",
            "place": "Kokkola",
            "skills": [(skills[0], 3)],
        }
        values.update(overrides)
        actor = values.pop("actor", coordinator)
        return services.programme_create(
            actor=actor, provider=provider, data=services.ProgrammeData(**values)
        )

    return make


@pytest.fixture
def gap_source() -> Iterator[Callable[[list[tuple[int, float, float]]], None]]:
    """Register a fake source of the area's gaps for one test; unregistered afterwards."""

    saved = list(gaps._SOURCE)

    def register(rows: list[tuple[int, float, float]]) -> None:
        gaps.gap_source_register(lambda area: rows)

    yield register
    gaps._SOURCE[:] = saved


@pytest.fixture
def no_gap_source() -> Iterator[None]:
    """No source of gaps for one test (matching registers one at start-up); restored after."""
    saved = list(gaps._SOURCE)
    gaps.gap_source_unregister()
    yield
    gaps._SOURCE[:] = saved


@pytest.fixture
def member(partner_user: User, coordinator: User, provider: Provider) -> User:
    services.provider_member_add(actor=coordinator, provider=provider, user=partner_user)
    return partner_user


def money(value: str) -> Decimal:
    return Decimal(value)


ROLES = [r.value for r in Role]
