"""Company register pages: who sees and changes what, forms with bad input, audit and the
personal-data access log for contacts."""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kohtaanto.accounts.models import Role
from kohtaanto.audit.models import AccessLogEntry, AuditEvent
from kohtaanto.employers.models import Company, CompanyContact, ProgrammeRole
from kohtaanto.employers.tests.factories import CompanyFactory, valid_business_id

ROLES = [r.value for r in Role]


def _client(client_as, role):
    if role == Role.PARTNER:
        from kohtaanto.accounts.models import PartnerOrganisation

        return client_as(role, partner_organisation=PartnerOrganisation.objects.first())
    return client_as(role)


@pytest.mark.parametrize("role", ROLES)
def test_every_staff_role_reaches_the_company_list(client_as, role, company):
    response = _client(client_as, role).get("/companies/")
    assert response.status_code == 200


def test_list_shows_only_the_area_and_filters(client_as, company, foreign_company, pilot_company):
    client = client_as(Role.BUSINESS_ADVISOR)
    body = client.get("/companies/").content.decode()
    assert "Testikonepaja Oy" in body
    assert "Vieraan alueen Oy" not in body
    filtered = client.get("/companies/", {"programme_role": "pilot_company"}).content.decode()
    assert "Pilotti Oy" in filtered
    assert "Testikonepaja Oy" not in filtered
    by_id = client.get("/companies/", {"q": company.business_id}).content.decode()
    assert "Testikonepaja Oy" in by_id and "Pilotti Oy" not in by_id


def test_list_runs_a_constant_number_of_queries(client_as, area):
    client = client_as(Role.BUSINESS_ADVISOR)
    CompanyFactory.create_batch(2)
    client.get("/companies/")  # the session's first request has its own queries
    with CaptureQueriesContext(connection) as few:
        client.get("/companies/")
    for company in CompanyFactory.create_batch(8):
        company.programme_roles.create(role=ProgrammeRole.PILOT_COMPANY)
    with CaptureQueriesContext(connection) as many:
        client.get("/companies/")
    assert len(many) == len(few)


def test_partner_sees_only_programme_companies(client_as, partner_user, company, pilot_company):
    client = client_as(partner_user)
    body = client.get("/companies/").content.decode()
    assert "Pilotti Oy" in body and "Testikonepaja Oy" not in body
    assert client.get(f"/companies/{pilot_company.pk}/").status_code == 200
    assert client.get(f"/companies/{company.pk}/").status_code == 404


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (Role.COORDINATOR, 200),
        (Role.BUSINESS_ADVISOR, 200),
        (Role.COUNSELLOR, 200),
        (Role.FINANCE, 200),
        (Role.AUDITOR, 200),
    ],
)
def test_company_page_by_role(client_as, role, status, company):
    assert client_as(role).get(f"/companies/{company.pk}/").status_code == status


def test_missing_and_other_area_company_give_the_same_404(client_as, foreign_company):
    client = client_as(Role.COORDINATOR)
    missing = client.get("/companies/999999/")
    forbidden = client.get(f"/companies/{foreign_company.pk}/")
    assert missing.status_code == forbidden.status_code == 404
    assert [t.name for t in missing.templates] == [t.name for t in forbidden.templates]
    assert "Vieraan alueen Oy" not in forbidden.content.decode()


def test_contacts_by_role_and_consent_and_every_view_is_logged(client_as, company):
    consenting = CompanyContact.objects.create(
        company=company, first_name="Saara", last_name="Suostunut", consent_to_contact=True
    )
    CompanyContact.objects.create(company=company, first_name="Eero", last_name="Eikieltä")
    advisor = client_as(Role.BUSINESS_ADVISOR)
    body = advisor.get(f"/companies/{company.pk}/").content.decode()
    assert "Suostunut" in body and "Eikieltä" in body
    assert AccessLogEntry.objects.filter(what="company_contact").count() == 2
    counsellor_body = client_as(Role.COUNSELLOR).get(f"/companies/{company.pk}/").content.decode()
    assert "Suostunut" in counsellor_body and "Eikieltä" not in counsellor_body
    finance_body = client_as(Role.FINANCE).get(f"/companies/{company.pk}/").content.decode()
    assert "Suostunut" not in finance_body
    assert company.business_id in finance_body
    assert AccessLogEntry.objects.filter(subject_id=str(consenting.pk)).count() == 2


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.FINANCE, Role.AUDITOR])
def test_read_only_roles_cannot_open_forms(client_as, role, company):
    client = client_as(role)
    assert client.get("/companies/new/").status_code == 404
    assert client.get(f"/companies/{company.pk}/edit/").status_code == 404
    assert client.get(f"/companies/{company.pk}/contacts/new/").status_code == 404
    assert client.get(f"/companies/{company.pk}/activities/new/").status_code == 404
    assert client.post(f"/companies/{company.pk}/surveys/new/").status_code == 404


def test_advisor_registers_a_company_with_old_business_id_form_and_roles(client_as, area):
    client = client_as(Role.BUSINESS_ADVISOR)
    response = client.post(
        "/companies/new/",
        {
            "business_id": "737546-2",
            "name": "Uusi Konepaja Oy",
            "industry_code": "25620",
            "municipality": area.municipalities.get(code="217").pk,
            "employees": "12",
            "turnover_eur": "1500000",
            "programme_roles": ["pilot_company", "equipment_supplier"],
        },
    )
    company = Company.objects.get(name="Uusi Konepaja Oy")
    assert response.status_code == 302
    assert company.business_id == "0737546-2"
    assert company.size_class == "small"
    assert set(company.programme_roles.values_list("role", flat=True)) == {
        "pilot_company",
        "equipment_supplier",
    }
    event = AuditEvent.objects.get(action="company.create")
    assert event.actor_username == client.user.username
    assert event.changes["programme_roles"] == [None, ["equipment_supplier", "pilot_company"]]


@pytest.mark.parametrize("typed", ["1200000,50", "1 200 000,50", "1\u00a0200\u00a0000,50 €"])
def test_turnover_typed_with_a_decimal_comma_is_saved_as_typed(client_as, area, typed):
    client = client_as(Role.BUSINESS_ADVISOR)
    data = {"business_id": "0737546-2", "name": "Pilkku Oy", "employees": "12"}
    response = client.post("/companies/new/", data | {"turnover_eur": typed})
    assert response.status_code == 302
    company = Company.objects.get(name="Pilkku Oy")
    assert company.turnover_eur == Decimal("1200000.50")
    assert company.size_class == "small"  # 1,2 M€ and 12 people, not 120 M€ and "large"
    page = client.get(response["Location"]).content.decode()
    assert "1 200 000,50 €" in page  # grouped as Finnish writes it
    assert "1200000,50" not in page


def test_advisor_choice_names_people_not_usernames(client_as, area, make_user):
    make_user(Role.BUSINESS_ADVISOR, username="ylva", first_name="Ylva", last_name="Åström")
    page = client_as(Role.BUSINESS_ADVISOR).get("/companies/new/").content.decode()
    assert ">Ylva Åström</option>" in page


def test_company_form_money_is_a_text_input_and_refuses_an_ambiguous_amount(client_as, area):
    client = client_as(Role.BUSINESS_ADVISOR)
    page = client.get("/companies/new/").content.decode()
    for name in ("turnover_eur", "balance_sheet_eur"):
        tag = re.search(rf'<input [^>]*name="{name}"[^>]*>', page)
        assert tag is not None
        assert 'type="text"' in tag.group() and 'inputmode="decimal"' in tag.group()
    data = {"business_id": "0737546-2", "name": "Piste Oy", "turnover_eur": "1.200,50"}
    response = client.post("/companies/new/", data)
    assert response.status_code == 200
    assert "moniselitteinen" in " ".join(response.context["form"].errors["turnover_eur"])
    assert not Company.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"business_id": "0737546-3"}, "business_id", "tarkistusnumero"),
        ({"size_class": "micro", "employees": "300"}, "size_class", "2003/361"),
        ({"industry_code": "XYZ"}, "industry_code", "TOL 2008"),
        ({"name": ""}, "name", ""),
    ],
)
def test_company_form_shows_errors_next_to_the_field(client_as, area, changes, field, message):
    client = client_as(Role.BUSINESS_ADVISOR)
    data = {"business_id": "0737546-2", "name": "Virhe Oy"} | changes
    response = client.post("/companies/new/", data)
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert message in " ".join(response.context["form"].errors[field])
    assert not Company.objects.exists()


def test_duplicate_business_id_is_refused(client_as, company):
    client = client_as(Role.BUSINESS_ADVISOR)
    response = client.post(
        "/companies/new/", {"business_id": company.business_id, "name": "Toinen"}
    )
    assert "on jo rekisterissä" in response.content.decode()
    assert Company.objects.count() == 1


def test_edit_changes_and_audits_only_what_changed(client_as, company):
    client = client_as(Role.COORDINATOR)
    response = client.post(
        f"/companies/{company.pk}/edit/",
        {
            "business_id": company.business_id,
            "name": "Testikonepaja Ab",
            "industry_code": company.industry_code,
            "size_class": company.size_class,
            "employees": company.employees,
            "municipality": company.municipality_id,
        },
    )
    assert response.status_code == 302
    company.refresh_from_db()
    assert company.name == "Testikonepaja Ab"
    event = AuditEvent.objects.get(action="company.update")
    assert event.changes == {"name": ["Testikonepaja Oy", "Testikonepaja Ab"]}


def test_advisor_of_another_area_cannot_edit(client_as, other_area, company):
    client = client_as(Role.BUSINESS_ADVISOR, employment_area=other_area)
    assert client.get(f"/companies/{company.pk}/edit/").status_code == 404
    assert client.post(f"/companies/{company.pk}/edit/", {"name": "x"}).status_code == 404


def test_contact_consents_are_time_stamped_and_withdrawn(client_as, company):
    client = client_as(Role.BUSINESS_ADVISOR)
    data = {
        "first_name": "Maija",
        "last_name": "Mallikas",
        "email": "Maija@Example.invalid",
        "preferred_language": "sv",
        "consent_to_contact": "on",
        "is_active": "on",
    }
    assert client.post(f"/companies/{company.pk}/contacts/new/", data).status_code == 302
    contact = CompanyContact.objects.get()
    assert contact.email == "maija@example.invalid"
    assert contact.consent_to_contact_at is not None
    assert contact.share_with_partners_at is None
    data.pop("consent_to_contact")
    assert client.post(f"/companies/contacts/{contact.pk}/edit/", data).status_code == 302
    contact.refresh_from_db()
    assert contact.consent_to_contact is False and contact.consent_to_contact_at is None
    assert AuditEvent.objects.get(action="company_contact.update").changes == {
        "consent_to_contact": [True, False]
    }


def test_contact_form_refuses_bad_email(client_as, company):
    client = client_as(Role.BUSINESS_ADVISOR)
    response = client.post(
        f"/companies/{company.pk}/contacts/new/",
        {"first_name": "A", "last_name": "B", "email": "not-an-email", "preferred_language": "fi"},
    )
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert not CompanyContact.objects.exists()


def test_contact_of_another_area_is_404(client_as, foreign_company):
    contact = CompanyContact.objects.create(company=foreign_company, first_name="A", last_name="B")
    client = client_as(Role.BUSINESS_ADVISOR)
    assert client.get(f"/companies/contacts/{contact.pk}/edit/").status_code == 404


def test_business_id_helper_range_is_valid():
    assert valid_business_id(1)
