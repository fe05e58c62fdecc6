"""The programme entity, its projects, implementers and companies; the steering-group report;
the demo data."""

import io
import random
import re
from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader

from kohtaanto.accounts.models import Role
from kohtaanto.accounts.tests.factories import UserFactory
from kohtaanto.audit.models import AuditEvent
from kohtaanto.common.errors import ConflictError, DomainError
from kohtaanto.employers.tests.factories import CompanyFactory
from kohtaanto.jobseekers.tests.factories import ParticipationFactory
from kohtaanto.programme import demo, exports, selectors, services
from kohtaanto.programme.models import (
    ActivityEntry,
    CostReport,
    Implementer,
    Operation,
    OperationCompany,
    Programme,
    StaffPosition,
    TimeRecord,
)
from kohtaanto.programme.tests.factories import ActivityEntryFactory, StaffPositionFactory


def test_the_programme_links_an_esf_and_an_erdf_project_with_their_implementers(area):
    programme = Programme.objects.get(employment_area=area)
    assert (programme.start_date, programme.end_date) == (date(2026, 1, 1), date(2028, 12, 31))
    assert programme.lead_partner.short_name == "Centria"
    funds = set(programme.operations.values_list("fund", flat=True))
    assert funds == {Operation.Fund.ESF_PLUS, Operation.Fund.ERDF}
    esf = programme.operations.get(is_default=True)
    roles = {(str(i), i.role) for i in esf.implementers.all()}
    assert roles == {
        ("Centria", "lead"),
        ("KPEDU", "co_implementer"),
        (area.name, "co_implementer"),
    }
    assert esf.funder and esf.payment_periods.count() == 6


def test_co_implementer_share_is_its_budget_over_all_budgets(coordinator, operation):
    budgets = {"Centria": "480000", "KPEDU": "320000", None: "218400"}
    for implementer in operation.implementers.all():
        key = (
            implementer.partner_organisation.short_name
            if implementer.partner_organisation
            else None
        )
        services.implementer_budget_set(
            actor=coordinator, implementer=implementer, budget_eur=Decimal(budgets[key])
        )
    shares = {
        (
            s.implementer.partner_organisation.short_name
            if s.implementer.partner_organisation
            else "area"
        ): s.share_percent
        for s in selectors.implementer_shares(operation)
    }
    # 480 000, 320 000 and 218 400 of 1 018 400 €
    assert shares == {
        "Centria": Decimal("47.13"),
        "KPEDU": Decimal("31.42"),
        "area": Decimal("21.45"),
    }
    assert AuditEvent.objects.filter(action="programme.implementer.budget_set").count() == 3


def test_share_is_unknown_until_every_implementer_has_a_budget(coordinator, operation):
    first = Implementer.objects.filter(operation=operation).first()
    services.implementer_budget_set(actor=coordinator, implementer=first, budget_eur=Decimal("1"))
    assert all(s.share_percent is None for s in selectors.implementer_shares(operation))


def test_companies_are_linked_as_development_partners_pilots_and_supported(
    coordinator, operation, other_area
):
    company = CompanyFactory()
    link = services.operation_company_save(
        actor=coordinator,
        operation=operation,
        company=company,
        is_development_partner=True,
        is_pilot_company=False,
        supported_from=None,
    )
    again = services.operation_company_save(
        actor=coordinator,
        operation=operation,
        company=company,
        is_development_partner=True,
        is_pilot_company=True,
        supported_from=date(2026, 4, 1),
    )
    assert again.pk == link.pk and OperationCompany.objects.count() == 1
    event = AuditEvent.objects.get(action="programme.operation_company.update")
    assert event.changes["is_pilot_company"] == [False, True]
    with pytest.raises(DomainError, match="työllisyysalueelle"):
        services.operation_company_save(
            actor=coordinator,
            operation=operation,
            company=CompanyFactory(employment_area=other_area),
            is_development_partner=True,
            is_pilot_company=False,
            supported_from=None,
        )
    with pytest.raises(DomainError, match="vähintään yksi rooli"):
        services.operation_company_save(
            actor=coordinator,
            operation=operation,
            company=CompanyFactory(),
            is_development_partner=False,
            is_pilot_company=False,
            supported_from=None,
        )
    with pytest.raises(DomainError, match="toteutusaikana"):
        services.operation_company_save(
            actor=coordinator,
            operation=operation,
            company=CompanyFactory(),
            is_development_partner=False,
            is_pilot_company=False,
            supported_from=date(2025, 1, 1),
        )


def test_home_page_shows_projects_implementers_and_companies(client_as, coordinator, operation):
    StaffPositionFactory(operation=operation)
    company = CompanyFactory(name="Pilotti Oy")
    client = client_as(coordinator)
    client.post(
        f"/programme/operations/{operation.pk}/companies/",
        {"company": company.pk, "is_pilot_company": "on"},
    )
    html = client.get("/programme/").content.decode()
    assert "Kohti teollista metaversumia I: Teollisuus 4.0" in html
    assert "(EAKR)" in html and "Keski-Pohjanmaan liitto" in html
    assert "Päätoteuttaja" in html and "Osatoteuttaja" in html
    assert "Pilotti Oy" in html and "218 400,00" in html


def test_payment_periods_are_added_in_order_without_overlap(coordinator, operation):
    operation.payment_periods.all().delete()
    first = services.payment_period_create(
        actor=coordinator,
        operation=operation,
        start_date=date(2026, 1, 1),
        end_date=date(2026, 4, 30),
    )
    second = services.payment_period_create(
        actor=coordinator,
        operation=operation,
        start_date=date(2026, 5, 1),
        end_date=date(2026, 8, 31),
    )
    assert (first.number, second.number) == (1, 2)
    with pytest.raises(ConflictError):
        services.payment_period_create(
            actor=coordinator,
            operation=operation,
            start_date=date(2026, 8, 1),
            end_date=date(2026, 12, 31),
        )
    with pytest.raises(DomainError, match="toteutusaikana"):
        services.payment_period_create(
            actor=coordinator,
            operation=operation,
            start_date=date(2028, 9, 1),
            end_date=date(2029, 2, 28),
        )


def test_projects_administered_elsewhere_take_no_budget(coordinator):
    erdf = Operation.objects.get(fund=Operation.Fund.ERDF)
    with pytest.raises(DomainError, match="hallinnointia"):
        services.payment_period_create(
            actor=coordinator,
            operation=erdf,
            start_date=date(2026, 1, 1),
            end_date=date(2026, 6, 30),
        )


# --- Steering-group report ----------------------------------------------------------------


@pytest.fixture
def busy_period(coordinator, operation, kpedu):
    StaffPositionFactory(operation=operation)
    ParticipationFactory(
        operation=operation,
        gender="woman",
        entry_date=date(2026, 2, 2),
        exit_date=date(2026, 5, 5),
        exit_employed=True,
    )
    ParticipationFactory(operation=operation, gender="man", entry_date=date(2026, 3, 3))
    ParticipationFactory(operation=operation, gender="man", entry_date=date(2026, 8, 3))
    supported = CompanyFactory(size_class="micro")
    OperationCompany.objects.create(
        operation=operation, company=supported, supported_from=date(2026, 2, 1)
    )
    visit = ActivityEntryFactory(
        kind="company_visit", date=date(2026, 4, 1), organisations=[None, kpedu]
    )
    visit.companies.add(supported)
    ActivityEntryFactory(kind="training", date=date(2026, 5, 1))
    ActivityEntryFactory(
        kind="referral", date=date(2026, 5, 2), referral_to=kpedu, referred_count=3
    )
    ActivityEntryFactory(kind="meeting", date=date(2026, 9, 1))
    return operation


def test_steering_summary_counts_the_period(coordinator, busy_period):
    summary = selectors.steering_summary(
        actor=coordinator, operation=busy_period, start=date(2026, 1, 1), end=date(2026, 6, 30)
    )
    assert summary.participants == 2
    assert summary.participants_by_gender == {"woman": 1, "man": 1, "non_binary": 0}
    assert summary.participants_cumulative == 2
    assert summary.placements == 1
    assert (summary.companies_linked, summary.companies_supported) == (1, 1)
    assert (summary.company_visits, summary.trainings) == (1, 1)
    assert summary.activity_by_kind["meeting"] == 0 and summary.activity_by_kind["referral"] == 1
    assert summary.money.budget_total == Decimal("218400.00")
    assert summary.money.claimed_total == Decimal("0") and summary.money.finance is None


def test_steering_summary_shows_the_money_booked_in_finance_during_the_period(
    coordinator, make_user, busy_period
):
    from kohtaanto.finance import services as finance
    from kohtaanto.finance.tests.factories import make_appropriation

    treasurer = make_user(Role.FINANCE)
    appropriation = make_appropriation(treasurer, "10000.00")
    inside = finance.commitment_create(
        actor=treasurer,
        appropriation=appropriation,
        amount="1234.50",
        description="Koulutustilaus",
        booked_on=date(2026, 3, 2),
    )
    finance.payment_record(
        actor=treasurer, commitment=inside, amount="200.00", booked_on=date(2026, 4, 1)
    )
    finance.commitment_create(
        actor=treasurer,
        appropriation=appropriation,
        amount="999.00",
        description="Syksyn tilaus",
        booked_on=date(2026, 9, 1),
    )
    summary = selectors.steering_summary(
        actor=coordinator, operation=busy_period, start=date(2026, 1, 1), end=date(2026, 6, 30)
    )
    assert summary.money.finance == {
        "Sidottu kaudella": Decimal("1234.50"),
        "Maksettu kaudella": Decimal("200.00"),
    }
    text = _pdf_text(exports.steering_report_pdf(summary))
    assert "Maksettu kaudella" in text and "200,00 €" in text


def _pdf_text(content: bytes) -> str:
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)
    return " ".join(text.replace("\xa0", " ").split())


def test_steering_report_pdf_from_the_ui(client_as, coordinator, busy_period):
    response = client_as(coordinator).get(
        f"/programme/steering-report/?operation={busy_period.pk}&start=2026-01-01&end=2026-06-30"
    )
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content)
    assert "Ohjausryhmän raportti" in text
    # Small counts are "< 5" for the steering group (programme.disclosure).
    assert "Kaudella aloittaneet osallistujat < 5" in text
    assert "< 5 / < 5 / 0" in text
    assert "Työllistyneet osallistumisen päättyessä (EECR04) < 5" in text
    assert "218 400,00 €" in text
    assert "EECO19" in text
    assert "Talouden seurannan" in text  # no finance data yet


def test_steering_report_form_shows_errors(client_as, coordinator, operation):
    response = client_as(coordinator).get(
        f"/programme/steering-report/?operation={operation.pk}&start=2026-06-30&end=2026-01-01"
    )
    assert (
        response.status_code == 200
        and "Kausi päättyy ennen kuin se alkaa." in response.content.decode()
    )


# --- Demo ---------------------------------------------------------------------------------


def test_demo_data_is_complete_and_idempotent(area, make_user, operation):
    users = {role: make_user(role) for role in (Role.COORDINATOR, Role.BUSINESS_ADVISOR)}
    for _ in range(3):
        CompanyFactory()
    demo.generate(rng=random.Random(7), area=area, users=users)
    counts = (
        StaffPosition.objects.count(),
        TimeRecord.objects.count(),
        ActivityEntry.objects.count(),
        CostReport.objects.count(),
        OperationCompany.objects.count(),
    )
    position = StaffPosition.objects.get()
    assert (position.start_date, position.end_date, position.person_years) == (
        date(2026, 1, 1),
        date(2028, 12, 31),
        Decimal("1.00"),
    )
    # Only months that have ended get time records (a month not yet over is refused).
    from django.utils import timezone

    from kohtaanto.common.dates import add_months

    ended = sum(1 for m in range(1, 13) if add_months(date(2026, m, 1), 1) <= timezone.localdate())
    assert TimeRecord.objects.filter(date__year=2026).count() == ended
    assert ActivityEntry.objects.count() >= 5
    report = CostReport.objects.get()
    assert report.period.number == 1 and report.status == CostReport.Status.SUBMITTED
    assert report.figures["total"] == "36400.00"
    demo.generate(rng=random.Random(7), area=area, users=users)
    assert counts == (
        StaffPosition.objects.count(),
        TimeRecord.objects.count(),
        ActivityEntry.objects.count(),
        CostReport.objects.count(),
        OperationCompany.objects.count(),
    )


@pytest.mark.parametrize(
    ("typed", "saved"),
    [
        ("1 200 000,50", Decimal("1200000.50")),
        ("84000", Decimal("84000")),
        ("3 000 €", Decimal("3000")),
    ],
)
def test_an_implementer_budget_is_typed_as_a_finnish_user_writes_it(
    client_as, operation, typed, saved
):
    implementer = Implementer.objects.filter(operation=operation).first()
    client = client_as(Role.COORDINATOR)
    response = client.post(
        f"/programme/implementers/{implementer.pk}/budget/", {"budget_eur": typed}
    )
    implementer.refresh_from_db()
    assert response.status_code == 302 and implementer.budget_eur == saved
    html = client.get("/programme/").content.decode()
    box = re.search(rf'<input[^>]*id="budget-{implementer.pk}"[^>]*>', html).group(0)
    assert 'type="text"' in box and 'inputmode="decimal"' in box
    assert 'type="number"' not in box
    if saved == Decimal("1200000.50"):
        assert 'value="1 200 000,50"' in box


@pytest.mark.parametrize("typed", ["1,200,000.50", "12,5,0", "lots", "-5"])
def test_an_unreadable_or_negative_budget_changes_nothing(client_as, operation, typed):
    implementer = Implementer.objects.filter(operation=operation).first()
    response = client_as(Role.COORDINATOR).post(
        f"/programme/implementers/{implementer.pk}/budget/", {"budget_eur": typed}, follow=True
    )
    implementer.refresh_from_db()
    assert response.status_code == 200 and implementer.budget_eur is None
    assert b'class="message message-error' in response.content or b"errorlist" in response.content


def test_staff_cost_figures_take_decimal_commas(db):
    from kohtaanto.programme.forms import StaffPositionForm, TimeRecordForm

    form = StaffPositionForm(
        {"annual_gross_cost": "45 000,50", "working_time_percent": "62,5", "person_years": "0,5"},
        actor=UserFactory(),
    )
    form.is_valid()
    assert form.cleaned_data["annual_gross_cost"] == Decimal("45000.50")
    assert form.cleaned_data["working_time_percent"] == Decimal("62.5")
    assert form.cleaned_data["person_years"] == Decimal("0.5")
    hours = TimeRecordForm({"hours": "7,5"}, actor=UserFactory())
    hours.is_valid()
    assert hours.cleaned_data["hours"] == Decimal("7.5")
    too_many = StaffPositionForm({"person_years": "1,5"}, actor=UserFactory())
    assert not too_many.is_valid() and "person_years" in too_many.errors


def test_programme_money_is_written_as_the_language_writes_it():
    from django.utils import translation

    from kohtaanto.programme.exports import format_eur, format_hours

    with translation.override("fi"):
        assert format_eur(Decimal("218400")) == "218 400,00 €"
        assert format_hours("1712.5") == "1 712,50"
    with translation.override("sv"):
        assert format_eur("1234.5") == "1 234,50 €"
    with translation.override("en"):
        assert format_eur("1234.5") == "€1,234.50"
        assert format_hours("1712.5") == "1,712.50"
