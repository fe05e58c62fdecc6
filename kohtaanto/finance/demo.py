"""Demo data: the 2026 appropriations for services and grants, orders drawing on them, and
youth employment voucher applications with decisions, claims and payments.

Synthetic: the employees are invented names. Idempotent: every row is looked up by a natural
key (appropriation name, commitment source id, the employee of an application) before it is
made, so re-running adds nothing.
"""

import calendar
import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from stdnum.fi import ytunnus

from kohtaanto.employers.models import Company, SizeClass
from kohtaanto.finance import services
from kohtaanto.finance.models import (
    Appropriation,
    BudgetLine,
    Commitment,
    DecisionDelegation,
    GrantApplication,
    GrantScheme,
)

ORDER = 40
YEAR = 2026

APPROPRIATIONS = [
    ("services", "Palveluhankinnat 2026", "450000.00"),
    ("grants", "Avustukset 2026", "320000.00"),
]

# (source type, source id, description, amount, booked on, payments [(amount, day)])
ORDERS = [
    (
        "training_order",
        "demo-TO-1",
        "Hitsauksen täsmäkoulutus (KPEDU), 12 opiskelijaa",
        "48000.00",
        date(YEAR, 2, 10),
        [("16000.00", date(YEAR, 4, 30)), ("16000.00", date(YEAR, 8, 31))],
    ),
    (
        "training_order",
        "demo-TO-2",
        "Automaatioasentajan RekryKoulutus (Centria)",
        "36000.00",
        date(YEAR, 3, 15),
        [("12000.00", date(YEAR, 6, 15))],
    ),
    (
        "service_order",
        "demo-SO-1",
        "Teollisuus 4.0 -työnhakuvalmennus, 3 ryhmää",
        "22500.00",
        date(YEAR, 1, 20),
        [
            ("7500.00", date(YEAR, 3, 31)),
            ("7500.00", date(YEAR, 6, 30)),
            ("7500.00", date(YEAR, 9, 30)),
        ],
    ),
    (
        "service_order",
        "demo-SO-2",
        "Osaamiskartoitukset pilottiyrityksiin",
        "14000.00",
        date(YEAR, 5, 5),
        [],
    ),
]

FIRST_NAMES = ["Aino", "Eetu", "Helmi", "Joel", "Lilja", "Onni", "Venla", "Elias"]
LAST_NAMES = ["Kangas", "Rauhala", "Hietala", "Kentala", "Peltoniemi", "Storbacka"]
JOBS = ["CNC-koneistaja", "Hitsaaja", "Automaatioasentaja", "Kunnossapitoasentaja"]

DEMO_COMPANIES = [
    ("Konepaja Halsuanjoki Oy", "25620", SizeClass.SMALL),
    ("Kokkolan Automaatiotekniikka Oy", "33200", SizeClass.MEDIUM),
    ("Perhon Metallityö Oy", "25110", SizeClass.MICRO),
]


def _business_id(n: int) -> str:
    """A valid but fictitious Y-tunnus from a demo range."""
    for number in range(9_000_000 + n * 20, 9_000_000 + n * 20 + 20):
        for check in range(10):
            candidate = f"{number}-{check}"
            if ytunnus.is_valid(candidate):
                return candidate
    raise ValueError(n)


def _companies(area: Any) -> list[Company]:
    companies = list(Company.objects.filter(employment_area=area).order_by("business_id")[:4])
    if len(companies) >= 3:
        return companies
    for n, (name, industry, size) in enumerate(DEMO_COMPANIES):
        company, _created = Company.objects.get_or_create(
            employment_area=area,
            business_id=_business_id(n),
            defaults={"name": name, "industry_code": industry, "size_class": size},
        )
        companies.append(company)
    return companies


def _appropriations(area: Any, finance: Any) -> dict[str, Appropriation]:
    result = {}
    for line_code, name, amount in APPROPRIATIONS:
        line = BudgetLine.objects.get(employment_area=area, code=line_code)
        existing = Appropriation.objects.filter(
            employment_area=area, year=YEAR, line=line, name=name
        ).first()
        result[line_code] = existing or services.appropriation_create(
            actor=finance,
            year=YEAR,
            line=line,
            name=name,
            amount=Decimal(amount),
            decided_by="Työllisyysjohtaja",
            decided_on=date(YEAR, 1, 12),
            reference="Työllisyysjaosto § 4/2026",
        )
    return result


def _orders(appropriation: Appropriation, finance: Any) -> None:
    for source_type, source_id, description, amount, booked_on, payments in ORDERS:
        if Commitment.objects.filter(source_type=source_type, source_id=source_id).exists():
            continue
        commitment = services.commitment_create(
            actor=finance,
            appropriation=appropriation,
            amount=amount,
            description=description,
            source_type=source_type,
            source_id=source_id,
            booked_on=booked_on,
        )
        for paid, day in payments:
            services.payment_record(
                actor=finance,
                commitment=commitment,
                amount=paid,
                booked_on=day,
                reference=f"LASKU-{source_id}-{day:%m}",
            )


def _voucher_applications(
    rng: random.Random, area: Any, users: dict[str, Any], grants: Appropriation
) -> None:
    scheme = GrantScheme.objects.get(employment_area=area, code="nuorten-tyollistamisseteli")
    advisor = users.get("business_advisor") or users["finance"]
    finance = users["finance"]
    # Four eyes: the coordinator decides (on the delegation below), finance approves payments.
    official = users["coordinator"]
    DecisionDelegation.objects.get_or_create(
        employment_area=area,
        official=official,
        defaults={
            "title": "Työllisyyspalvelujohtaja",
            "basis": "Työllisyysjaoston päätös 14.1.2026 § 3 (hallintosäännön 42 §)",
            "valid_from": date(YEAR, 1, 14),
        },
    )
    companies = _companies(area)
    # (birth year, start month, months, monthly pay costs, outcome)
    plans = [
        (2001, 2, 6, "3100.00", "approve"),
        (1999, 3, 6, "2850.00", "approve"),
        (2004, 4, 6, "2600.00", "approve"),
        (1994, 5, 6, "3000.00", "reject"),  # 31 or 32 at start: over the age limit
        (2003, 9, 6, "2900.00", "wait"),
    ]
    for index, (birth_year, month, months, pay, outcome) in enumerate(plans):
        first = FIRST_NAMES[index % len(FIRST_NAMES)]
        last = LAST_NAMES[index % len(LAST_NAMES)]
        if GrantApplication.objects.filter(
            scheme=scheme, employee_first_name=first, employee_last_name=last
        ).exists():
            continue
        start = date(YEAR, month, 1)
        end_month = month + months - 1
        end_year, end_month = YEAR + (end_month - 1) // 12, (end_month - 1) % 12 + 1
        end = date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
        application = services.grant_application_submit(
            actor=advisor,
            scheme=scheme,
            company=companies[index % len(companies)],
            channel=GrantApplication.Channel.ADVISOR,
            data=services.ApplicationData(
                category="general",
                employee_first_name=first,
                employee_last_name=last,
                employee_birth_date=date(birth_year, rng.randint(1, 12), rng.randint(1, 28)),
                job_title=JOBS[index % len(JOBS)],
                start_date=start,
                end_date=end,
                weekly_hours=Decimal("37.50"),
                monthly_pay_costs=Decimal(pay),
                contact_name="Demo Yhteyshenkilö",
                contact_email="yhteys@example.fi",
                de_minimis_declared=True,
                unemployment_periods=[(date(YEAR - 1, 3, 1), None)],
                other_de_minimis=[(date(YEAR - 1, 6, 1), Decimal("15000.00"), "ELY-keskus")],
            ),
        )
        if outcome == "reject" or not application.eligible:
            services.grant_application_reject(
                actor=official,
                application=application,
                reasons="Työntekijä ei ole työsuhteen alkaessa 18–29-vuotias.",
                decided_on=date(YEAR, month, 1) - timedelta(days=10),
            )
        elif outcome == "approve":
            decision = services.grant_application_approve(
                actor=official,
                application=application,
                appropriation=grants,
                reasons="Hakemus täyttää työllistämissetelin ehdot; kehystä on jäljellä.",
                decided_on=date(YEAR, month, 1) - timedelta(days=10),
            )
            claim = services.grant_claim_submit(
                actor=advisor,
                decision=decision,
                period_start=start,
                period_end=date(YEAR, month + 1, 28),
                pay_costs=Decimal(pay) * 2,
                claimed_amount=Decimal(pay),
                channel=GrantApplication.Channel.ADVISOR,
            )
            services.grant_claim_pay(
                actor=finance, claim=claim, booked_on=date(YEAR, month + 2, 15)
            )


def generate(*, rng: random.Random, area: Any, users: dict[str, Any]) -> None:
    finance = users["finance"]
    appropriations = _appropriations(area, finance)
    _orders(appropriations["services"], finance)
    palkkatuki = GrantScheme.objects.get(employment_area=area, code="palkkatuki")
    if palkkatuki.envelope == 0:
        services.grant_scheme_update(actor=finance, scheme=palkkatuki, envelope="60000.00")
    _voucher_applications(rng, area, users, appropriations["grants"])
