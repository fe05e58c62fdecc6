"""Demo data: KPEDU, Centria and a private training firm as providers, KPEDU's in-house
service procurement agreement, Centria's tendered one, and programmes over the next months
teaching skills of the shipped vocabulary, so that the purchase plan has candidates; when the
region has a medium-sized company, a TäsmäKoulutus bought jointly with it (40 % employer
share).

Synthetic and idempotent: providers are looked up by business id, agreements by title,
programmes by Finnish name; re-running adds nothing. Business ids are fictitious (valid check
digits from a demo range), not the real organisations'.
"""

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone
from stdnum.fi import ytunnus

from kohtaanto.accounts.models import PartnerOrganisation
from kohtaanto.common.dates import add_months
from kohtaanto.employers.models import Company, SizeClass
from kohtaanto.finance import services as finance_services
from kohtaanto.finance.models import Appropriation, BudgetLine
from kohtaanto.taxonomy.models import Concept, ConceptLabel, ConceptType
from kohtaanto.training import services
from kohtaanto.training.models import Agreement, LegalBasis, Programme, Provider

ORDER = 45

# (name, short name of the partner organisation, in-house, contact)
PROVIDERS = [
    ("Keski-Pohjanmaan koulutusyhtymä KPEDU", "KPEDU", True, "Työelämäpalvelut"),
    ("Centria-ammattikorkeakoulu Oy", "Centria", False, "Täydennyskoulutus"),
    ("Pohjanmaan Teollisuusvalmennus Oy", "", False, "Myynti"),
]

# (provider index, title, basis, ground, ceiling, € per student day)
AGREEMENTS = [
    (0, "KPEDU palveluhankintasopimus", LegalBasis.IN_HOUSE, "", "250000.00", "95.00"),
    (1, "Centria täydennyskoulutus", LegalBasis.COMPETITIVE_TENDER, "", "120000.00", "120.00"),
    (2, "Teollisuusvalmennus, pienhankinta", LegalBasis.BELOW_THRESHOLD, "", "55000.00", "80.00"),
]

# (provider, fi, sv, en, type, days, seats, min group, price, start in months, skill words)
PROGRAMMES = [
    (
        0,
        "Hitsaajan työvoimakoulutus",
        "Arbetskraftsutbildning för svetsare",
        "Labour-market training for welders",
        "labour_market",
        60,
        12,
        8,
        "68400.00",
        1,
        ["hitsa", "weld"],
    ),
    (
        0,
        "CNC-koneistuksen täsmäkurssi",
        "Kort kurs i CNC-bearbetning",
        "CNC machining course",
        "short_course",
        15,
        10,
        6,
        "14250.00",
        2,
        ["cnc", "koneist", "machin"],
    ),
    (
        0,
        "Kunnossapidon työvoimakoulutus",
        "Arbetskraftsutbildning i underhåll",
        "Maintenance labour-market training",
        "labour_market",
        45,
        12,
        8,
        "51300.00",
        3,
        ["kunnossapi", "maintenance"],
    ),
    (
        1,
        "Teollisuusautomaation täydennyskoulutus",
        "Fortbildning i industriautomation",
        "Industrial automation upskilling",
        "labour_market",
        30,
        15,
        8,
        "54000.00",
        2,
        ["automaatio", "automation", "plc"],
    ),
    (
        1,
        "Teollisuus 4.0 -valmennus",
        "Coachning för Industri 4.0",
        "Industry 4.0 coaching",
        "coaching",
        10,
        20,
        10,
        "24000.00",
        4,
        ["digitaal", "digital", "data"],
    ),
    (
        2,
        "Trukinkuljettajan kurssi",
        "Truckförarkurs",
        "Forklift driver course",
        "short_course",
        3,
        12,
        6,
        "2880.00",
        1,
        ["trukki", "forklift"],
    ),
]


def _business_id(n: int) -> str:
    for number in range(9_100_000 + n * 20, 9_100_000 + n * 20 + 20):
        for check in range(10):
            candidate = f"{number}-{check}"
            if ytunnus.is_valid(candidate):
                return candidate
    raise ValueError(n)


def _skills(words: list[str]) -> list[tuple[Concept, int]]:
    found: list[tuple[Concept, int]] = []
    for word in words:
        label = (
            ConceptLabel.objects.filter(
                normalized__contains=word,
                concept__type__in=[ConceptType.SKILL, ConceptType.KNOWLEDGE],
            )
            .select_related("concept")
            .order_by("concept_id")
            .first()
        )
        if label is not None and all(c.pk != label.concept_id for c, _ in found):
            found.append((label.concept, 3))
    return found


def _appropriation_next_year(area: Any, actor: Any, year: int) -> None:
    line = BudgetLine.objects.filter(
        employment_area=area, code=services.TRAINING_BUDGET_LINE
    ).first()
    if (
        line is None
        or Appropriation.objects.filter(employment_area=area, year=year, line=line).exists()
    ):
        return
    finance_services.appropriation_create(
        actor=actor,
        year=year,
        line=line,
        name=f"Palveluhankinnat {year}",
        amount=Decimal("400000.00"),
        decided_by="Työllisyysjohtaja",
        decided_on=date(year - 1, 12, 1),
        reference="Työllisyysjaosto, talousarvio",
    )


def generate(*, rng: random.Random, area: Any, users: dict[str, Any]) -> None:
    coordinator = users["coordinator"]
    today = timezone.localdate()
    providers = _providers(area, coordinator)
    partner_user = users.get("partner")
    if partner_user is not None:
        services.provider_member_add(actor=coordinator, provider=providers[0], user=partner_user)
    _agreements(coordinator, providers, today)
    _appropriation_next_year(area, users.get("finance") or coordinator, today.year + 1)
    _programmes(coordinator, providers, today)
    _joint_purchase(area=area, coordinator=coordinator, provider=providers[0], today=today)


def _providers(area: Any, coordinator: Any) -> list[Provider]:
    providers: list[Provider] = []
    for n, (name, partner, in_house, contact) in enumerate(PROVIDERS):
        business_id = _business_id(n)
        provider = Provider.objects.filter(employment_area=area, business_id=business_id).first()
        if provider is None:
            provider = services.provider_create(
                actor=coordinator,
                name=name,
                business_id=business_id,
                partner_organisation=PartnerOrganisation.objects.filter(short_name=partner).first()
                if partner
                else None,
                in_house=in_house,
                contact_name=contact,
                contact_email=f"koulutus{n + 1}@demo.invalid",
            )
        providers.append(provider)
    return providers


def _agreements(coordinator: Any, providers: list[Provider], today: date) -> None:
    start = date(today.year, 1, 1)
    end = date(today.year + 1, 12, 31)
    for index, title, basis, ground, ceiling, day_price in AGREEMENTS:
        if Agreement.objects.filter(provider=providers[index], title=title).exists():
            continue
        services.agreement_create(
            actor=coordinator,
            provider=providers[index],
            title=title,
            legal_basis=basis,
            direct_award_ground=ground,
            starts_on=start,
            ends_on=end,
            ceiling=ceiling,
            price_per_student_day=day_price,
            reference=f"DEMO-{index + 1}/{today.year}",
        )


def _programmes(coordinator: Any, providers: list[Provider], today: date) -> None:
    for index, fi, sv, en, type_, days, seats, min_group, price, months, words in PROGRAMMES:
        provider = providers[index]
        if Programme.objects.filter(provider=provider, name_fi=fi).exists():
            continue
        starts_on = add_months(today.replace(day=1), months)
        services.programme_create(
            actor=coordinator,
            provider=provider,
            data=services.ProgrammeData(
                name_fi=fi,
                name_sv=sv,
                name_en=en,
                type=type_,
                days=days,
                seats=seats,
                min_group=min_group,
                starts_on=starts_on,
                ends_on=starts_on + timedelta(days=max(days * 7 // 5, 1)),
                price=price,
                place="Kokkola",
                skills=_skills(words),
            ),
        )


JOINT_PURCHASE = (
    "TäsmäKoulutus: hydrauliikan kunnossapito",
    "PrecisionsUtbildning: underhåll av hydraulik",
    "Targeted training: hydraulics maintenance",
)


def _joint_purchase(*, area: Any, coordinator: Any, provider: Provider, today: date) -> None:
    """A TäsmäKoulutus with the region's first medium-sized company, if there is one."""
    company = (
        Company.objects.filter(employment_area=area, size_class=SizeClass.MEDIUM)
        .order_by("pk")
        .first()
    )
    if (
        company is None
        or Programme.objects.filter(provider=provider, name_fi=JOINT_PURCHASE[0]).exists()
    ):
        return
    starts_on = add_months(today.replace(day=1), 2)
    services.programme_create(
        actor=coordinator,
        provider=provider,
        data=services.ProgrammeData(
            name_fi=JOINT_PURCHASE[0],
            name_sv=JOINT_PURCHASE[1],
            name_en=JOINT_PURCHASE[2],
            type="tasma",
            days=12,
            seats=8,
            min_group=4,
            starts_on=starts_on,
            ends_on=starts_on + timedelta(days=16),
            price="19200.00",
            place="Kokkola",
            company=company,
            skills=_skills(["kunnossapi", "hydraul", "maintenance"]),
        ),
    )
