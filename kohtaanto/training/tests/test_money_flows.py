"""Orders over the year end through finance's year split, the employer's share invoiced to the
company, enrolment progress from the programme page, thresholds and the report in the API."""

import json
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from kohtaanto.accounts.models import Role
from kohtaanto.finance.models import Appropriation, CommitmentYearPart
from kohtaanto.jobseekers.models import ConsentPurpose, ProfileSkill, SkillSource
from kohtaanto.jobseekers.tests.factories import ConsentFactory, JobSeekerFactory
from kohtaanto.training import services
from kohtaanto.training.models import EmployerInvoice, Enrolment

pytestmark = pytest.mark.django_db

BASE = "/api/v1/training"


def post(client, url, body):
    return client.post(url, data=json.dumps(body), content_type="application/json")


@pytest.fixture
def winter_order(coordinator, agreement, appropriations, make_programme):
    programme = make_programme(starts_on=date(2026, 12, 1), ends_on=date(2027, 1, 31))
    return services.order_create(
        actor=coordinator, agreement=agreement, programme=programme, ordered_on=date(2026, 11, 2)
    )


def test_order_page_shows_next_years_share_waiting_and_books_it_from_january(
    client_as, finance_user, winter_order, appropriations, set_today
):
    client = client_as(finance_user)
    url = reverse("training:order_detail", args=[winter_order.pk])
    page = client.get(url).content.decode()
    assert "odottaa vuoden määrärahaa" in page
    assert "15 000,00 €" in page
    book = reverse("training:order_year_part_book", args=[winter_order.pk, 2027])
    early = client.post(book, follow=True).content.decode()
    assert "aikaisintaan 1.1.2027" in early
    assert CommitmentYearPart.objects.get().booked is None

    set_today(date(2027, 1, 4))
    client.post(book)
    assert CommitmentYearPart.objects.get().booked is not None
    assert Appropriation.objects.get(pk=appropriations[2027].pk).committed == Decimal("15000.00")
    assert "odottaa vuoden määrärahaa" not in client.get(url).content.decode()


def test_year_part_booking_is_404_for_a_counsellor(client_as, winter_order, set_today):
    set_today(date(2027, 1, 4))
    response = client_as(Role.COUNSELLOR).post(
        reverse("training:order_year_part_book", args=[winter_order.pk, 2027])
    )
    assert response.status_code == 404
    assert CommitmentYearPart.objects.get().booked is None


def test_api_order_shows_and_books_the_waiting_year(
    api_client_for, finance_user, winter_order, set_today
):
    client = api_client_for(finance_user)
    body = client.get(f"{BASE}/orders/{winter_order.pk}").json()
    assert body["waiting_years"] == {"2027": "15000.00"}
    assert list(body["commitments"]) == ["2026"]
    [listed] = client.get(f"{BASE}/orders").json()
    assert listed["waiting_years"] == {"2027": "15000.00"}
    early = post(client, f"{BASE}/orders/{winter_order.pk}/years/2027/book", {})
    assert early.status_code == 400
    set_today(date(2027, 1, 4))
    booked = post(client, f"{BASE}/orders/{winter_order.pk}/years/2027/book", {})
    assert booked.status_code == 200, booked.content
    assert booked.json()["waiting_years"] == {}
    assert sorted(booked.json()["commitments"]) == ["2026", "2027"]
    again = post(client, f"{BASE}/orders/{winter_order.pk}/years/2027/book", {})
    assert again.status_code == 409


def test_january_invoice_for_last_years_training_needs_a_carry_over_reason(
    client_as, finance_user, coordinator, agreement, appropriations, make_programme, set_today
):
    order = services.order_create(
        actor=coordinator,
        agreement=agreement,
        programme=make_programme(starts_on=date(2026, 10, 1), ends_on=date(2026, 12, 18)),
        ordered_on=date(2026, 9, 1),
    )
    set_today(date(2027, 1, 10))
    client = client_as(finance_user)
    url = reverse("training:order_detail", args=[order.pk])
    values = {"number": "L-9", "amount": "30000", "invoiced_on": "2027-01-10"}
    refused = client.post(url, values)
    assert refused.status_code == 200
    assert "siirto" in refused.content.decode()
    assert not order.invoices.exists()
    paid = client.post(url, {**values, "carry_over_reason": "Joulukuun 2026 koulutuspäivät"})
    assert paid.status_code == 302
    assert Appropriation.objects.get(pk=appropriations[2026].pk).paid == Decimal("30000.00")


# --- the employer's share --------------------------------------------------------------------


def test_employer_share_is_invoiced_from_the_programme_page(
    client_as, finance_user, company, make_programme
):
    programme = make_programme(type="tasma", company=company, price="20000.00")
    client = client_as(finance_user)
    page = client.get(reverse("training:programme_detail", args=[programme.pk])).content
    assert "8 000,00 €" in page.decode()
    url = reverse("training:employer_invoice", args=[programme.pk])
    client.post(url, {"employer-reference": "YL-7", "employer-invoiced_on": "2026-03-02"})
    invoice = EmployerInvoice.objects.get()
    assert (invoice.company, invoice.amount, invoice.reference) == (
        company,
        Decimal("8000.00"),
        "YL-7",
    )
    shown = client.get(reverse("training:programme_detail", args=[programme.pk])).content
    assert "YL-7" in shown.decode()
    again = client.post(
        url, {"employer-reference": "YL-8", "employer-invoiced_on": "2026-03-02"}, follow=True
    )
    assert "jo laskutettu" in again.content.decode()
    assert EmployerInvoice.objects.count() == 1


def test_employer_invoice_is_404_for_a_counsellor(client_as, company, make_programme):
    programme = make_programme(type="tasma", company=company)
    response = client_as(Role.COUNSELLOR).post(
        reverse("training:employer_invoice", args=[programme.pk]),
        {"employer-reference": "X", "employer-invoiced_on": "2026-03-02"},
    )
    assert response.status_code == 404
    assert not EmployerInvoice.objects.exists()


def test_api_employer_invoice(api_client_for, finance_user, counsellor, company, make_programme):
    programme = make_programme(type="rekry", company=company, price="10000.00")
    url = f"{BASE}/programmes/{programme.pk}/employer-invoice"
    body = {"reference": "YL-1", "invoiced_on": "2026-03-02"}
    assert post(api_client_for(counsellor), url, body).status_code == 404
    created = post(api_client_for(finance_user), url, body)
    assert created.status_code == 201, created.content
    assert created.json()["amount"] == "3000.00"
    shown = api_client_for(finance_user).get(f"{BASE}/programmes/{programme.pk}").json()
    assert shown["employer_invoice"]["reference"] == "YL-1"
    assert post(api_client_for(finance_user), url, body).status_code == 409
    no_share = make_programme()
    refused = post(
        api_client_for(finance_user), f"{BASE}/programmes/{no_share.pk}/employer-invoice", body
    )
    assert refused.status_code == 400


# --- enrolment progress from the programme page ----------------------------------------------


def test_programme_page_records_completion_interruption_and_outcome(
    client_as, coordinator, make_programme, skills, set_today
):
    programme = make_programme()
    people = []
    for _ in range(2):
        person = JobSeekerFactory()
        ConsentFactory(
            job_seeker=person, purpose=ConsentPurpose.PROCESSING, given_on=date(2026, 1, 1)
        )
        people.append(
            services.enrolment_create(actor=coordinator, programme=programme, job_seeker=person)
        )
    client = client_as(coordinator)
    page = client.get(reverse("training:programme_detail", args=[programme.pk])).content.decode()
    assert "Läsnäolo, suoritus, keskeytys tai tilanne" in page
    done, stopped = people
    url = reverse("training:enrolment_progress", args=[done.pk])
    client.post(url, {"action": "attendance", "days": "38"})
    client.post(
        url, {"action": "complete", "on": "2026-05-29", "certificate": "Hitsaajan pätevyys"}
    )
    client.post(
        reverse("training:enrolment_progress", args=[stopped.pk]),
        {"action": "interrupt", "on": "2026-04-01", "reason": "Sai työpaikan"},
    )
    set_today(date(2026, 11, 30))
    client.post(url, {"action": "outcome", "outcome": "employed", "on": "2026-11-30"})
    done.refresh_from_db()
    stopped.refresh_from_db()
    assert (done.status, done.attended_days, done.certificate, done.outcome) == (
        Enrolment.Status.COMPLETED,
        38,
        "Hitsaajan pätevyys",
        "employed",
    )
    assert (stopped.status, stopped.interruption_reason) == ("interrupted", "Sai työpaikan")
    skill = ProfileSkill.objects.get(job_seeker=done.job_seeker, concept=skills[0])
    assert skill.source == SkillSource.TRAINING_COMPLETED
    shown = client.get(reverse("training:programme_detail", args=[programme.pk])).content.decode()
    assert "Hitsaajan pätevyys" in shown and "Työssä" in shown and "Sai työpaikan" in shown


def test_progress_form_is_not_shown_to_a_counsellor(client_as, coordinator, make_programme):
    programme = make_programme()
    person = JobSeekerFactory()
    ConsentFactory(job_seeker=person, purpose=ConsentPurpose.PROCESSING, given_on=date(2026, 1, 1))
    services.enrolment_create(actor=coordinator, programme=programme, job_seeker=person)
    page = client_as(Role.COUNSELLOR).get(reverse("training:programme_detail", args=[programme.pk]))
    text = page.content.decode()
    assert person.last_name in text
    assert "Läsnäolo, suoritus, keskeytys tai tilanne" not in text


# --- thresholds and report in the API --------------------------------------------------------


def test_api_lists_thresholds_with_validity_and_source(api_client_for, coordinator):
    rows = api_client_for(coordinator).get(f"{BASE}/thresholds").json()
    eu_2026 = next(r for r in rows if r["level"] == "eu" and r["valid_from"] == "2026-01-01")
    assert eu_2026["amount"] == "216000.00"
    assert eu_2026["valid_to"] == "2027-12-31"
    assert "2025/2152" in eu_2026["source"]
    national = next(
        r for r in rows if r["level"] == "national" and r["contract_type"] == "specific"
    )
    assert national["amount"] == "300000.00"
    assert "25 §" in national["source"]


def test_api_report_gives_rates_and_cost_per_placement(
    api_client_for, coordinator, agreement, appropriations, make_programme, counsellor
):
    programme = make_programme()
    services.order_create(
        actor=coordinator, agreement=agreement, programme=programme, ordered_on=date(2026, 2, 1)
    )
    person = JobSeekerFactory()
    ConsentFactory(job_seeker=person, purpose=ConsentPurpose.PROCESSING, given_on=date(2026, 1, 1))
    enrolment = services.enrolment_create(actor=coordinator, programme=programme, job_seeker=person)
    services.enrolment_complete(
        actor=coordinator, enrolment=enrolment, completed_on=date(2026, 5, 29)
    )
    services.enrolment_outcome_record(
        actor=coordinator, enrolment=enrolment, outcome="employed", recorded_on=date(2026, 11, 30)
    )
    body = api_client_for(coordinator).get(f"{BASE}/report").json()
    row = body["programmes"][0]
    assert (row["completion_rate"], row["placement_rate"]) == (1.0, 1.0)
    assert row["cost_per_placement"] == "30000.00"
    assert api_client_for(counsellor).get(f"{BASE}/report").status_code == 404


# --- cancelling an order ---------------------------------------------------------------------


def test_cancelling_a_confirmed_order_frees_its_money_and_the_ceiling(
    client_as, finance_user, coordinator, agreement, appropriations, make_programme
):
    order = services.order_create(
        actor=coordinator,
        agreement=agreement,
        programme=make_programme(),
        ordered_on=date(2026, 2, 1),
    )
    client = client_as(finance_user)
    client.post(reverse("training:order_cancel", args=[order.pk]))
    order.refresh_from_db()
    agreement.refresh_from_db()
    assert order.status == "cancelled"
    assert agreement.ordered == Decimal("0.00")
    assert Appropriation.objects.get(pk=appropriations[2026].pk).committed == Decimal("0.00")
    # A cancelled programme is a candidate again and can be ordered anew.
    again = client.post(reverse("training:order_cancel", args=[order.pk]), follow=True)
    assert "jo peruttu" in again.content.decode()


def test_an_invoiced_order_cannot_be_cancelled(
    api_client_for, finance_user, coordinator, agreement, appropriations, make_programme
):
    order = services.order_create(
        actor=coordinator,
        agreement=agreement,
        programme=make_programme(),
        ordered_on=date(2026, 2, 1),
    )
    services.invoice_record(
        actor=finance_user, order=order, number="A-1", amount="100", invoiced_on=date(2026, 3, 1)
    )
    response = post(api_client_for(finance_user), f"{BASE}/orders/{order.pk}/cancel", {})
    assert response.status_code == 409
    assert "laskutettu 100,00 €" in response.json()["detail"]
    order.refresh_from_db()
    assert order.status == "confirmed"


def test_a_split_order_is_cancelled_once_next_years_share_is_booked(
    api_client_for, finance_user, winter_order, appropriations, set_today
):
    client = api_client_for(finance_user)
    refused = post(client, f"{BASE}/orders/{winter_order.pk}/cancel", {})
    assert refused.status_code == 409
    assert "2027" in refused.json()["detail"]
    set_today(date(2027, 1, 4))
    post(client, f"{BASE}/orders/{winter_order.pk}/years/2027/book", {})
    done = post(client, f"{BASE}/orders/{winter_order.pk}/cancel", {})
    assert done.json()["status"] == "cancelled"
    for year in (2026, 2027):
        assert Appropriation.objects.get(pk=appropriations[year].pk).committed == Decimal("0.00")


def test_a_draft_order_from_the_plan_is_cancelled_and_a_counsellor_cannot(
    client_as, coordinator, agreement, appropriations, make_programme
):
    order = services.order_create(
        actor=coordinator, agreement=agreement, programme=make_programme(), confirm=False
    )
    assert (
        client_as(Role.COUNSELLOR)
        .post(reverse("training:order_cancel", args=[order.pk]))
        .status_code
        == 404
    )
    client_as(coordinator).post(reverse("training:order_cancel", args=[order.pk]))
    order.refresh_from_db()
    assert order.status == "cancelled"


def test_year_end_release_leaves_an_order_running_over_the_year_end_open(
    finance_user, winter_order, appropriations
):
    from kohtaanto.finance.services import appropriation_year_end_release

    released, _ = appropriation_year_end_release(
        actor=finance_user, appropriation=appropriations[2026], today=date(2026, 12, 2)
    )
    assert released == 0
    [link] = winter_order.commitments.all()
    link.commitment.refresh_from_db()
    assert link.commitment.committed == Decimal("15000.00")
