"""Providers, partner memberships and the enterprises behind a company's size class, in the
pages and the API, with their permissions."""

import json
from decimal import Decimal

import pytest
from django.urls import reverse

from kohtaanto.accounts.models import PartnerOrganisation, Role
from kohtaanto.audit.models import AuditEvent
from kohtaanto.common.errors import DomainError
from kohtaanto.employers.tests.factories import CompanyFactory, valid_business_id
from kohtaanto.training.models import EnterpriseLink, Provider, ProviderMembership
from kohtaanto.training.services import enterprise_link_add

pytestmark = pytest.mark.django_db

BASE = "/api/v1/training"


def post(client, url, body):
    return client.post(url, data=json.dumps(body), content_type="application/json")


def test_coordinator_adds_a_provider_on_its_page(client_as):
    kpedu = PartnerOrganisation.objects.get(short_name="KPEDU")
    response = client_as(Role.COORDINATOR).post(
        reverse("training:provider_create"),
        {
            "name": "Centria-ammattikorkeakoulu",
            "business_id": valid_business_id(321),
            "partner_organisation": kpedu.pk,
            "contact_name": "Koulutuspäällikkö",
            "contact_email": "koulutus@example.fi",
        },
    )
    provider = Provider.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("training:provider_detail", args=[provider.pk])
    assert provider.partner_organisation == kpedu
    assert AuditEvent.objects.filter(action="training_provider.create").exists()


def test_provider_page_refuses_a_bad_business_id_and_saves_nothing(client_as):
    response = client_as(Role.COORDINATOR).post(
        reverse("training:provider_create"), {"name": "X Oy", "business_id": "1234567-8"}
    )
    assert response.status_code == 200
    assert "1234567-8" in response.content.decode()
    assert not Provider.objects.exists()


@pytest.mark.parametrize("role", [Role.FINANCE, Role.COUNSELLOR, Role.AUDITOR])
def test_only_the_coordinator_opens_the_provider_form(client_as, role):
    assert client_as(role).get(reverse("training:provider_create")).status_code == 404


def test_coordinator_adds_and_removes_a_partner_member(
    client_as, coordinator, provider, partner_user
):
    client = client_as(coordinator)
    url = reverse("training:provider_detail", args=[provider.pk])
    page = client.get(url).content.decode()
    assert partner_user.username in page  # offered as a candidate
    response = client.post(url, {"user": partner_user.pk})
    assert response.status_code == 302
    assert ProviderMembership.objects.filter(provider=provider, user=partner_user).exists()
    # The member now sees the provider; its page does not list the other users.
    member_page = client_as(partner_user).get(url)
    assert member_page.status_code == 200
    assert "Järjestäjän käyttäjät" not in member_page.content.decode()
    removed = client.post(
        reverse("training:provider_member_remove", args=[provider.pk, partner_user.pk])
    )
    assert removed.status_code == 302
    assert not ProviderMembership.objects.exists()
    assert client_as(partner_user).get(url).status_code == 404
    assert AuditEvent.objects.filter(action="training_provider.member_remove").exists()


def test_a_counsellor_cannot_be_made_a_provider_member(
    client_as, coordinator, provider, counsellor
):
    response = client_as(coordinator).post(
        reverse("training:provider_detail", args=[provider.pk]), {"user": counsellor.pk}
    )
    assert response.status_code == 200  # not offered: the form says the choice is invalid
    assert not ProviderMembership.objects.exists()


def test_provider_page_is_404_for_a_non_member_partner_and_membership_post_for_finance(
    client_as, provider, partner_user
):
    url = reverse("training:provider_detail", args=[provider.pk])
    assert client_as(partner_user).get(url).status_code == 404
    assert client_as(Role.FINANCE).get(url).status_code == 200
    assert client_as(Role.FINANCE).post(url, {"user": partner_user.pk}).status_code == 404
    assert not ProviderMembership.objects.exists()


def test_linked_enterprise_entered_on_the_page_changes_the_size_class(client_as, area):
    company = CompanyFactory(name="Pikku Oy", size_class="", employees=40)
    client = client_as(Role.COORDINATOR)
    url = reverse("training:company_enterprises", args=[company.pk])
    assert "Pieni yritys" in client.get(url).content.decode()
    response = client.post(
        url,
        {"name": "Emo Oy", "relation": "linked", "holding_percent": "60", "employees": "30"},
    )
    assert response.status_code == 302
    assert "Keskisuuri yritys" in client.get(url).content.decode()
    link = EnterpriseLink.objects.get()
    client.post(reverse("training:enterprise_link_remove", args=[link.pk]))
    assert not EnterpriseLink.objects.exists()


def test_enterprise_page_refuses_a_partner_holding_over_half_and_saves_nothing(client_as, area):
    company = CompanyFactory(size_class="small", employees=20)
    response = client_as(Role.COORDINATOR).post(
        reverse("training:company_enterprises", args=[company.pk]),
        {"name": "Osakas Oy", "relation": "partner", "holding_percent": "70", "employees": "5"},
    )
    assert response.status_code == 200
    assert "25–50" in response.content.decode()
    assert not EnterpriseLink.objects.exists()


def test_company_without_figures_says_why_it_has_no_size_class(client_as, area):
    company = CompanyFactory(name="Tuntematon Oy", size_class="", employees=None)
    page = client_as(Role.COORDINATOR).get(
        reverse("training:company_enterprises", args=[company.pk])
    )
    assert "puuttuu kokoluokka" in page.content.decode()


def test_enterprise_pages_are_404_for_other_roles_and_other_areas(client_as, make_user, area):
    from kohtaanto.accounts.models import EmploymentArea

    company = CompanyFactory()
    url = reverse("training:company_enterprises", args=[company.pk])
    assert client_as(Role.BUSINESS_ADVISOR).get(url).status_code == 404
    assert client_as(Role.BUSINESS_ADVISOR).get(reverse("training:companies")).status_code == 404
    other = EmploymentArea.objects.create(code="muu", name="Muu alue")
    assert client_as(Role.COORDINATOR, employment_area=other).get(url).status_code == 404


def test_companies_page_finds_a_company_by_name(client_as, area):
    CompanyFactory(name="Hakukone Oy")
    CompanyFactory(name="Toinen Ab")
    page = client_as(Role.COORDINATOR).get(reverse("training:companies"), {"q": "hakuk"})
    text = page.content.decode()
    assert "Hakukone Oy" in text and "Toinen Ab" not in text


# --- API -------------------------------------------------------------------------------------


def test_api_creates_a_provider_and_refuses_a_duplicate(api_client_for, coordinator):
    client = api_client_for(coordinator)
    body = {"name": "Centria", "business_id": valid_business_id(77), "in_house": False}
    created = post(client, f"{BASE}/providers", body)
    assert created.status_code == 201, created.content
    assert created.json()["business_id"] == valid_business_id(77)
    again = post(client, f"{BASE}/providers", body)
    assert again.status_code == 409
    assert Provider.objects.count() == 1


def test_api_provider_create_is_404_for_finance(api_client_for, finance_user):
    response = post(
        api_client_for(finance_user),
        f"{BASE}/providers",
        {"name": "X", "business_id": valid_business_id(5)},
    )
    assert response.status_code == 404
    assert not Provider.objects.exists()


def test_api_memberships(api_client_for, coordinator, provider, partner_user, counsellor):
    client = api_client_for(coordinator)
    url = f"{BASE}/providers/{provider.pk}/members"
    assert post(client, url, {"user": partner_user.pk}).status_code == 201
    assert [m["user"] for m in client.get(url).json()] == [partner_user.pk]
    refused = post(client, url, {"user": counsellor.pk})
    assert refused.status_code == 400
    assert "kumppanikäyttäjä" in refused.json()["detail"]
    # The member sees the provider; a member cannot manage memberships.
    assert api_client_for(partner_user).get(f"{BASE}/providers/{provider.pk}").status_code == 200
    assert api_client_for(partner_user).get(url).status_code == 404
    assert client.delete(f"{url}/{partner_user.pk}").status_code == 204
    assert client.delete(f"{url}/{partner_user.pk}").status_code == 404
    assert api_client_for(partner_user).get(f"{BASE}/providers/{provider.pk}").status_code == 404


def test_api_enterprise_links_and_size(api_client_for, coordinator, area):
    company = CompanyFactory(size_class="", employees=40)
    client = api_client_for(coordinator)
    assert client.get(f"{BASE}/companies/{company.pk}/size").json()["size_class"] == "small"
    created = post(
        client,
        f"{BASE}/companies/{company.pk}/enterprise-links",
        {"name": "Osakas Oy", "relation": "partner", "holding_percent": "40", "employees": 30},
    )
    assert created.status_code == 201, created.content
    # 40 + 40 % × 30 = 52 → medium.
    assert client.get(f"{BASE}/companies/{company.pk}/size").json()["size_class"] == "medium"
    bad = post(
        client,
        f"{BASE}/companies/{company.pk}/enterprise-links",
        {"name": "X", "relation": "partner", "holding_percent": "abc", "employees": 3},
    )
    assert bad.status_code == 400
    assert EnterpriseLink.objects.count() == 1
    assert client.delete(f"{BASE}/enterprise-links/{created.json()['id']}").status_code == 204


def test_api_size_reports_a_company_without_size_class(api_client_for, coordinator, area):
    company = CompanyFactory(size_class="", employees=None)
    body = api_client_for(coordinator).get(f"{BASE}/companies/{company.pk}/size").json()
    assert body["size_class"] is None
    assert "puuttuu kokoluokka" in body["message"]


def test_api_enterprise_links_are_404_for_a_counsellor(api_client_for, counsellor, area):
    company = CompanyFactory()
    client = api_client_for(counsellor)
    assert client.get(f"{BASE}/companies/{company.pk}/size").status_code == 404
    response = post(
        client,
        f"{BASE}/companies/{company.pk}/enterprise-links",
        {"name": "X", "relation": "linked", "holding_percent": "60", "employees": 3},
    )
    assert response.status_code == 404


def test_company_size_class_selector_gives_the_class_or_the_reason(coordinator, counsellor, area):
    from kohtaanto.common.errors import NotFoundError
    from kohtaanto.training.selectors import company_size_class

    counted = CompanyFactory(size_class="", employees=40)
    size = company_size_class(actor=coordinator, company=counted)
    assert (size.code, size.label, size.error) == ("small", "Pieni yritys", "")
    unknown = CompanyFactory(name="Tuntematon Oy", size_class="", employees=None)
    size = company_size_class(actor=coordinator, company=unknown)
    assert size.code == "" and size.label == "" and "puuttuu kokoluokka" in size.error
    with pytest.raises(NotFoundError):
        company_size_class(actor=counsellor, company=counted)


@pytest.mark.parametrize(
    ("typed", "saved"),
    [("66,5", "66.50"), ("60", "60.00"), ("1e2", None), ("٦٠", None), ("66,555", None)],
)
def test_holding_is_read_as_typed_and_exponents_or_other_digits_are_refused(
    coordinator, area, typed, saved
):
    company = CompanyFactory()
    arguments = {"name": "Emo Oy", "relation": "linked", "employees": 3}  # 50,01–100 %
    if saved is None:
        with pytest.raises(DomainError) as refused:
            enterprise_link_add(
                actor=coordinator, company=company, holding_percent=typed, **arguments
            )
        assert refused.value.field == "holding_percent"
        assert not EnterpriseLink.objects.exists()
    else:
        link = enterprise_link_add(
            actor=coordinator, company=company, holding_percent=typed, **arguments
        )
        assert link.holding_percent == Decimal(saved)
