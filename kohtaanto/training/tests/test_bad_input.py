"""The issue's bad input, in the pages and in the API: overlapping agreements, orders past the
ceiling or outside the period, enrolments past the seats, a company without a size class, a
type without a share rule. Each gives a clear message, saves nothing and is never a 500."""

import json
from datetime import date

import pytest
from django.urls import reverse

from kohtaanto.accounts.models import Role
from kohtaanto.employers.tests.factories import CompanyFactory
from kohtaanto.finance.models import Commitment
from kohtaanto.training import services
from kohtaanto.training.models import Agreement, Enrolment, Order, Programme, ShareRule

pytestmark = pytest.mark.django_db

BASE = "/api/v1/training"


def post(client, url, body):
    return client.post(url, data=json.dumps(body), content_type="application/json")


def _programme_form(**overrides):
    values = {
        "name_fi": "TäsmäKoulutus CNC",
        "type": "tasma",
        "days": "20",
        "seats": "8",
        "min_group": "1",
        "mode": "contact",
        "starts_on": "2026-09-01",
        "ends_on": "2026-10-30",
        "price": "24000",
        "skill_level": "2",
    }
    values.update(overrides)
    return values


def _programme_json(**overrides):
    values = {
        "name_fi": "TäsmäKoulutus CNC",
        "type": "tasma",
        "days": 20,
        "seats": 8,
        "starts_on": "2026-09-01",
        "ends_on": "2026-10-30",
        "price": "24000.00",
    }
    values.update(overrides)
    return values


# --- overlapping agreements ------------------------------------------------------------------


def test_page_refuses_an_overlapping_agreement_naming_the_other(client_as, agreement):
    response = client_as(Role.COORDINATOR).post(
        reverse("training:agreement_create", args=[agreement.provider_id]),
        {
            "title": "Toinen sopimus",
            "legal_basis": "in_house",
            "contract_type": "specific",
            "starts_on": "2026-06-01",
            "ends_on": "2026-12-31",
            "ceiling": "1000",
        },
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "päällekkäin" in text and agreement.title in text
    assert Agreement.objects.count() == 1


def test_reopening_an_ended_agreement_that_would_overlap_is_refused(
    client_as, coordinator, agreement
):
    services.agreement_status_set(actor=coordinator, agreement=agreement, status="ended")
    services.agreement_create(
        actor=coordinator,
        provider=agreement.provider,
        title="Uusi sopimus",
        legal_basis="in_house",
        starts_on=date(2026, 6, 1),
        ends_on=date(2026, 12, 31),
        ceiling="1000",
    )
    client = client_as(coordinator)
    response = client.post(
        reverse("training:agreement_status", args=[agreement.pk]), {"status": "active"}, follow=True
    )
    assert "päällekkäin" in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.status == "ended"


def test_api_agreement_status_refuses_an_unknown_status(api_client_for, coordinator, agreement):
    response = post(
        api_client_for(coordinator), f"{BASE}/agreements/{agreement.pk}/status", {"status": "x"}
    )
    assert response.status_code == 400
    agreement.refresh_from_db()
    assert agreement.status == "active"


# --- orders past the ceiling or the period ---------------------------------------------------


def test_page_refuses_an_order_outside_the_period_with_the_dates(
    client_as, agreement, appropriations, make_programme
):
    programme = make_programme()
    response = client_as(Role.FINANCE).post(
        reverse("training:programme_detail", args=[programme.pk]),
        {"order-agreement": agreement.pk, "order-seats": 10, "order-ordered_on": "2025-12-15"},
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "sopimuskauden ulkopuolella" in text and "15.12.2025" in text
    assert not Order.objects.exists()
    assert not Commitment.objects.exists()


def test_api_refuses_an_order_outside_the_period_with_409(
    api_client_for, finance_user, agreement, appropriations, make_programme
):
    programme = make_programme(starts_on=date(2027, 11, 1), ends_on=date(2028, 1, 31))
    response = post(
        api_client_for(finance_user),
        f"{BASE}/programmes/{programme.pk}/orders",
        {"agreement": agreement.pk, "ordered_on": "2026-06-01"},
    )
    assert response.status_code == 409
    assert "31.01.2028" in response.json()["detail"]
    assert not Order.objects.exists()


# --- enrolments past the seats ---------------------------------------------------------------


def _fill(coordinator, programme):
    for n in range(programme.seats):
        services.enrolment_create(actor=coordinator, programme=programme, employee_name=f"T{n}")


def test_page_refuses_an_enrolment_past_the_seats(client_as, coordinator, company, make_programme):
    programme = make_programme(type="tasma", company=company, seats=2, min_group=1)
    _fill(coordinator, programme)
    response = client_as(coordinator).post(
        reverse("training:programme_detail", args=[programme.pk]),
        {"employee_name": "Kolmas Työntekijä"},
    )
    assert response.status_code == 200
    assert "paikkoja 2, ilmoittautuneita 2" in response.content.decode()
    assert Enrolment.objects.count() == 2


def test_api_refuses_an_enrolment_past_the_seats_with_409(
    api_client_for, coordinator, company, make_programme
):
    programme = make_programme(type="tasma", company=company, seats=2, min_group=1)
    _fill(coordinator, programme)
    response = post(
        api_client_for(coordinator),
        f"{BASE}/programmes/{programme.pk}/enrolments",
        {"employee_name": "Kolmas"},
    )
    assert response.status_code == 409
    assert "täynnä" in response.json()["detail"]
    assert Enrolment.objects.count() == 2


# --- a company without a size class ----------------------------------------------------------


def test_page_refuses_a_joint_purchase_for_a_company_without_size_class(client_as, provider):
    company = CompanyFactory(name="Koko Puuttuu Oy", size_class="", employees=None)
    response = client_as(Role.COORDINATOR).post(
        reverse("training:programme_create", args=[provider.pk]),
        _programme_form(company=company.pk),
    )
    assert response.status_code == 200
    assert "Koko Puuttuu Oy" in response.content.decode()
    assert "kokoluokka" in response.content.decode()
    assert not Programme.objects.exists()


def test_api_refuses_a_joint_purchase_for_a_company_without_size_class(
    api_client_for, coordinator, provider
):
    company = CompanyFactory(size_class="", employees=None)
    response = post(
        api_client_for(coordinator),
        f"{BASE}/providers/{provider.pk}/programmes",
        _programme_json(company=company.pk),
    )
    assert response.status_code == 400
    assert "kokoluokka" in response.json()["detail"]
    assert not Programme.objects.exists()


# --- a type without a share rule -------------------------------------------------------------


def test_page_refuses_a_type_without_a_share_rule(client_as, provider, company):
    ShareRule.objects.filter(programme_type="muutos").delete()
    response = client_as(Role.COORDINATOR).post(
        reverse("training:programme_create", args=[provider.pk]),
        _programme_form(type="muutos", company=company.pk),
    )
    assert response.status_code == 200
    assert "MuutosKoulutus" in response.content.decode()
    assert "sääntöä ei ole" in response.content.decode()
    assert not Programme.objects.exists()


def test_api_refuses_a_type_without_a_share_rule(api_client_for, coordinator, provider, company):
    ShareRule.objects.filter(programme_type="rekry").delete()
    response = post(
        api_client_for(coordinator),
        f"{BASE}/providers/{provider.pk}/programmes",
        _programme_json(type="rekry", company=company.pk),
    )
    assert response.status_code == 400
    assert "RekryKoulutus" in response.json()["detail"]
    assert not Programme.objects.exists()


def test_page_refuses_a_joint_purchase_leading_to_a_degree(client_as, provider, company):
    response = client_as(Role.COORDINATOR).post(
        reverse("training:programme_create", args=[provider.pk]),
        _programme_form(company=company.pk, leads_to_degree="on"),
    )
    assert response.status_code == 200
    assert "ei voi johtaa tutkintoon (TäsmäKoulutus)" in response.content.decode()
    assert not Programme.objects.exists()
