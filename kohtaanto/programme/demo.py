"""Demo data of the programme: the coordinator's post for 2026–2028 (one person-year), its
monthly time records for 2026, shared activity entries and a submitted cost report for the
first payment period. Synthetic people only; re-running keeps what exists."""

import contextlib
import random
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import timezone

from kohtaanto.accounts.models import EmploymentArea, PartnerOrganisation, User
from kohtaanto.common.dates import add_months
from kohtaanto.common.errors import DomainError
from kohtaanto.programme import services
from kohtaanto.programme.models import (
    ActivityEntry,
    Implementer,
    Operation,
    OperationCompany,
    SalaryModel,
    StaffMember,
    StaffPosition,
    TimeRecord,
    TimeRecording,
)

ORDER = 50
AREA = object()  # the employment area itself as a participating organisation

ANNUAL_COST = Decimal("52000.00")
FIRST_NAMES = [
    "Aino",
    "Eero",
    "Helmi",
    "Juho",
    "Kaisa",
    "Lauri",
    "Minna",
    "Oskari",
    "Sanna",
    "Ville",
]
LAST_NAMES = ["Esimerkki", "Kokeilu", "Malli", "Näyte", "Testinen", "Harjoitus"]
# Budgets of the implementers in the demo's funding decision (€).
DEMO_IMPLEMENTER_BUDGETS = {"Centria": Decimal("480000.00"), "KPEDU": Decimal("320000.00")}


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def generate(*, rng: random.Random, area: EmploymentArea, users: dict[str, User]) -> None:
    operation = (
        Operation.objects.filter(employment_area=area, administered_here=True)
        .order_by("-is_default", "code")
        .first()
    )
    coordinator = users.get("coordinator")
    if operation is None or coordinator is None:
        return
    member = _staff_member(area, coordinator)
    position = _position(operation, member, coordinator)
    _time_records(position, coordinator)
    _implementer_budgets(operation, coordinator)
    _companies(operation, coordinator)
    _activity(rng, operation, users)
    _first_cost_report(operation, coordinator)


def _staff_member(area: EmploymentArea, coordinator: User) -> StaffMember:
    member = StaffMember.objects.filter(employment_area=area, user=coordinator).first()
    if member is None:
        member = services.staff_member_create(
            actor=coordinator,
            name=coordinator.display_name,
            user=coordinator,
        )
    return member


def _position(operation: Operation, member: StaffMember, coordinator: User) -> StaffPosition:
    position = StaffPosition.objects.filter(operation=operation, staff_member=member).first()
    if position is None:
        position = services.staff_position_save(
            actor=coordinator,
            operation=operation,
            staff_member=member,
            title="Projektikoordinaattori",
            salary_model=SalaryModel.HOURLY_RATE,
            annual_gross_cost=ANNUAL_COST,
            side_cost_percent=None,
            person_years=Decimal("1.00"),
            start_date=date(2026, 1, 1),
            end_date=date(2028, 12, 31),
            time_recording=TimeRecording.FIXED_PERCENTAGE,
            fixed_percentage=Decimal("100"),
        )
    return position


def _time_records(position: StaffPosition, coordinator: User) -> None:
    # Only months that have ended: costs of a month not yet over are refused.
    today = timezone.localdate()
    for month in range(1, 13):
        day = date(2026, month, 1)
        if add_months(day, 1) > today:
            break
        if not TimeRecord.objects.filter(position=position, date=day).exists():
            services.time_record_create(
                actor=coordinator,
                position=position,
                span=TimeRecord.Span.MONTH,
                day=day,
                percentage=Decimal("100"),
                description="Hankkeen koordinointi",
            )


def _implementer_budgets(operation: Operation, coordinator: User) -> None:
    from kohtaanto.programme.selectors import budget_for_operation

    own_budget = budget_for_operation(operation=operation).total
    for implementer in Implementer.objects.filter(operation=operation).select_related(
        "partner_organisation"
    ):
        if implementer.budget_eur is not None:
            continue
        budget: Decimal | None = None
        if implementer.partner_organisation is None:
            budget = own_budget
        else:
            budget = DEMO_IMPLEMENTER_BUDGETS.get(implementer.partner_organisation.short_name)
        if budget is not None:
            services.implementer_budget_set(
                actor=coordinator, implementer=implementer, budget_eur=budget
            )


def _companies(operation: Operation, coordinator: User) -> None:
    from kohtaanto.employers.models import Company

    companies = list(
        Company.objects.filter(employment_area=operation.employment_area).order_by("pk")[:8]
    )
    for index, company in enumerate(companies):
        if OperationCompany.objects.filter(operation=operation, company=company).exists():
            continue
        services.operation_company_save(
            actor=coordinator,
            operation=operation,
            company=company,
            is_development_partner=index < 3,
            is_pilot_company=3 <= index < 6,
            supported_from=date(2026, 2 + index, 1) if index >= 2 else None,
        )


def _activity(rng: random.Random, operation: Operation, users: dict[str, User]) -> None:
    from kohtaanto.employers.models import Company

    coordinator = users["coordinator"]
    advisor = users.get("business_advisor", coordinator)
    partners = {p.short_name: p for p in PartnerOrganisation.objects.all()}
    kpedu, centria = partners.get("KPEDU"), partners.get("Centria")
    companies = list(
        Company.objects.filter(employment_area=operation.employment_area).order_by("pk")[:3]
    )
    entries: list[dict[str, Any]] = [
        {
            "actor": coordinator,
            "kind": ActivityEntry.Kind.MEETING,
            "date": date(2026, 2, 10),
            "title": "Ohjausryhmän aloituskokous",
            "description": "Hankkeen tavoitteet, työnjako ja raportointiaikataulu.",
            "participants": [AREA, kpedu, centria],
        },
        {
            "actor": coordinator,
            "kind": ActivityEntry.Kind.EVENT,
            "date": date(2026, 3, 18),
            "title": "Teollisuus 4.0 -aamupäivä yrityksille",
            "description": "Esittelyt digitaalisista kaksosista ja robotiikasta.",
            "participants": [AREA, centria],
            "companies": companies,
        },
        {
            "actor": advisor,
            "kind": ActivityEntry.Kind.TRAINING,
            "date": date(2026, 4, 22),
            "title": "Robotiikan perusteet -infotilaisuus",
            "description": "Koulutusmahdollisuudet työnhakijoille.",
            "participants": [AREA, kpedu],
        },
        {
            "actor": coordinator,
            "kind": ActivityEntry.Kind.REFERRAL,
            "date": date(2026, 5, 6),
            "title": "Ohjaukset hitsauskoulutukseen",
            "description": "Työnhakijoita ohjattiin KPEDU:n hitsauskoulutuksen hakuun.",
            "participants": [AREA, kpedu],
            "referral_to": kpedu,
            "referred_count": 4,
        },
    ]
    entries += [
        {
            "actor": advisor,
            "kind": ActivityEntry.Kind.COMPANY_VISIT,
            "date": date(2026, 4, 8 + 7 * i),
            "title": f"Yrityskäynti: {company.name}",
            "description": "Osaamistarpeiden kartoitus yhdessä Centrian kanssa.",
            "participants": [AREA, centria],
            "companies": [company],
        }
        for i, company in enumerate(companies)
    ]
    for spec in entries:
        if ActivityEntry.objects.filter(
            employment_area=operation.employment_area, title=spec["title"], date=spec["date"]
        ).exists():
            continue
        actor = spec["actor"]
        participants = [
            services.ParticipantInput(None, actor.display_name)
            if org is AREA
            else services.ParticipantInput(org, _person(rng))
            for org in spec["participants"]
            if org is not None
        ]
        services.activity_entry_create(
            actor=actor,
            operation=operation,
            kind=spec["kind"],
            date=spec["date"],
            title=spec["title"],
            description=spec["description"],
            companies=spec.get("companies", []),
            participants=participants,
            referral_from=None,
            referral_to=spec.get("referral_to"),
            referred_count=spec.get("referred_count", 0),
        )


def _first_cost_report(operation: Operation, coordinator: User) -> None:
    period = operation.payment_periods.order_by("number").first()
    if period is None or period.cost_reports.exists():
        return
    report = services.cost_report_create(actor=coordinator, period=period)
    report = services.cost_report_update(
        actor=coordinator,
        report=report,
        narrative=(
            "Hanke käynnistyi: ohjausryhmä kokoontui, yrityksille järjestettiin Teollisuus 4.0 "
            "-aamupäivä ja ensimmäiset yrityskäynnit tehtiin yhdessä Centrian kanssa. "
            "Työnhakijoita ohjattiin KPEDU:n koulutuksiin."
        ),
    )
    # The job seekers' demo data may hold entries that the data-quality report flags; the
    # report then stays a draft, as it would for a real coordinator.
    with contextlib.suppress(DomainError):
        services.cost_report_submit(actor=coordinator, report=report)
