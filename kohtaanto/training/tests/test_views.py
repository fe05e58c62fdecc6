from datetime import date

import pytest
from django.urls import reverse

from kohtaanto.accounts.models import Role
from kohtaanto.training.models import Order

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_home_opens_for_every_staff_role(client_as, role, agreement):
    kwargs = {}
    if role == Role.PARTNER:
        from kohtaanto.accounts.models import PartnerOrganisation

        kwargs["partner_organisation"] = PartnerOrganisation.objects.first()
    response = client_as(role, **kwargs).get(reverse("training:home"))
    assert response.status_code == 200
    shown = agreement.title in response.content.decode()
    assert shown == (role != Role.PARTNER)


def test_home_needs_login(client):
    response = client.get(reverse("training:home"))
    assert response.status_code == 302


def test_user_without_role_gets_404(client_as):
    assert client_as("").get(reverse("training:home")).status_code == 404


def test_programme_page_shows_share_and_is_404_for_non_member_partner(
    client_as, partner_user, make_programme, company
):
    programme = make_programme(type="tasma", company=company)
    page = client_as(Role.COORDINATOR).get(
        reverse("training:programme_detail", args=[programme.pk])
    )
    assert page.status_code == 200
    assert "40,00 %" in page.content.decode() or "40.00 %" in page.content.decode()
    outsider = client_as(partner_user).get(
        reverse("training:programme_detail", args=[programme.pk])
    )
    assert outsider.status_code == 404


def test_order_from_the_programme_page_commits_and_redirects(
    client_as, agreement, appropriations, make_programme
):
    programme = make_programme()
    client = client_as(Role.FINANCE)
    response = client.post(
        reverse("training:programme_detail", args=[programme.pk]),
        {"order-agreement": agreement.pk, "order-seats": 10, "order-ordered_on": "2026-02-01"},
    )
    order = Order.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("training:order_detail", args=[order.pk])
    detail = client.get(response["Location"]).content.decode()
    assert "Palveluhankinnat" in detail or "services" in detail


def test_order_past_the_ceiling_shows_the_refusal_on_the_form(
    client_as, agreement, appropriations, make_programme
):
    programme = make_programme(price="120000.00")
    response = client_as(Role.COORDINATOR).post(
        reverse("training:programme_detail", args=[programme.pk]),
        {"order-agreement": agreement.pk, "order-seats": 10, "order-ordered_on": "2026-02-01"},
    )
    assert response.status_code == 200
    assert "ylitys 20 000,00 €" in response.content.decode()
    assert not Order.objects.exists()


def test_counsellor_cannot_post_an_order(client_as, agreement, appropriations, make_programme):
    programme = make_programme()
    response = client_as(Role.COUNSELLOR).post(
        reverse("training:programme_detail", args=[programme.pk]),
        {"order-agreement": agreement.pk, "order-seats": 10, "order-ordered_on": "2026-02-01"},
    )
    assert response.status_code == 404
    assert not Order.objects.exists()


def test_agreement_form_refuses_a_direct_award_without_ground(client_as, provider):
    response = client_as(Role.COORDINATOR).post(
        reverse("training:agreement_create", args=[provider.pk]),
        {
            "title": "Suora",
            "legal_basis": "direct",
            "starts_on": "2026-01-01",
            "ends_on": "2026-12-31",
            "ceiling": "1000",
        },
    )
    assert response.status_code == 200
    assert "40–41" in response.content.decode()


def test_agreement_form_is_404_for_finance(client_as, provider):
    url = reverse("training:agreement_create", args=[provider.pk])
    assert client_as(Role.FINANCE).get(url).status_code == 404


def test_plan_page_without_gap_data_says_so(client_as, no_gap_source):
    response = client_as(Role.COORDINATOR).get(reverse("training:plan"), {"budget": "10000"})
    assert "osaamisvajeista ei ole tietoa" in response.content.decode()


def test_plan_page_drafts_orders_in_one_click(
    client_as, agreement, make_programme, skills, gap_source
):
    programme = make_programme(starts_on=date(2027, 3, 1), ends_on=date(2027, 5, 28))
    gap_source([(skills[0].pk, 20, 0)])
    client = client_as(Role.COORDINATOR)
    shown = client.get(reverse("training:plan"), {"budget": "50000"}).content.decode()
    assert programme.name_fi in shown and "hitsaus" in shown
    response = client.post(reverse("training:plan"), {"budget": "50000"})
    assert response.status_code == 302
    assert Order.objects.get().status == Order.Status.DRAFT


def test_plan_page_is_404_for_a_counsellor(client_as):
    assert client_as(Role.COUNSELLOR).get(reverse("training:plan")).status_code == 404


def test_report_and_excel_export(client_as, agreement, appropriations, make_programme, coordinator):
    from kohtaanto.training import services

    services.order_create(
        actor=coordinator,
        agreement=agreement,
        programme=make_programme(),
        ordered_on=date(2026, 2, 1),
    )
    client = client_as(Role.AUDITOR)
    page = client.get(reverse("training:report"))
    assert page.status_code == 200 and "Hitsauksen täsmäkoulutus" in page.content.decode()
    export = client.get(reverse("training:report_xlsx"))
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    from io import BytesIO

    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(export.content)).active
    assert sheet.cell(row=2, column=1).value == "Hitsauksen täsmäkoulutus"
    assert float(sheet.cell(row=2, column=10).value) == 30000.0


def test_report_is_404_for_a_counsellor(client_as):
    assert client_as(Role.COUNSELLOR).get(reverse("training:report")).status_code == 404


def test_pasted_description_prefills_the_programme_form_and_saves_nothing(client_as, provider):
    from kohtaanto.training.models import Programme

    text = (
        "Hitsauksen täsmäkoulutus 12.1.2027–26.3.2027. Kesto 40 koulutuspäivää, "
        "12 opiskelijaa. Paikka: Kokkola. Monimuoto-opetus. Hinta 45 600 € (alv 0 %)."
    )
    response = client_as(Role.COORDINATOR).post(
        reverse("training:programme_create", args=[provider.pk]), {"parse": "1", "text": text}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert 'value="40"' in body and 'value="12"' in body and 'value="Kokkola"' in body
    assert 'value="2027-01-12"' in body and 'value="2027-03-26"' in body
    assert "45 600,00" in body
    assert not Programme.objects.exists()


def test_programme_form_saves_with_the_employer_share(client_as, provider, company, skills):
    from kohtaanto.training.models import Programme

    response = client_as(Role.COORDINATOR).post(
        reverse("training:programme_create", args=[provider.pk]),
        {
            "name_fi": "TäsmäKoulutus CNC",
            "type": "tasma",
            "days": "20",
            "seats": "8",
            "min_group": "4",
            "mode": "contact",
            "starts_on": "2027-01-11",
            "ends_on": "2027-02-19",
            "price": "20 000,00",
            "company": str(company.pk),
            "skill_ids": f"{skills[1].pk}",
            "extra_skill": str(skills[2].pk),
            "skill_level": "3",
        },
    )
    programme = Programme.objects.get()
    assert response.status_code == 302
    assert programme.employer_share == 8000
    assert {s.concept_id for s in programme.skills.all()} == {skills[1].pk, skills[2].pk}


def test_programme_form_refusal_is_shown_and_saves_nothing(client_as, provider, skills):
    from kohtaanto.training.models import Programme

    response = client_as(Role.COORDINATOR).post(
        reverse("training:programme_create", args=[provider.pk]),
        {
            "name_fi": "RekryKoulutus ilman yritystä",
            "type": "rekry",
            "days": "20",
            "seats": "8",
            "min_group": "4",
            "mode": "contact",
            "starts_on": "2027-01-11",
            "ends_on": "2027-02-19",
            "price": "20000",
            "skill_level": "2",
        },
    )
    assert response.status_code == 200
    assert "valitse yritys" in response.content.decode()
    assert not Programme.objects.exists()


def test_excel_export_writes_a_formula_like_name_as_text(client_as, make_programme):
    from io import BytesIO

    from openpyxl import load_workbook

    make_programme(name_fi='=HYPERLINK("http://x")')
    export = client_as(Role.COORDINATOR).get(reverse("training:report_xlsx"))
    sheet = load_workbook(BytesIO(export.content)).active
    assert sheet.cell(row=2, column=1).value == '\'=HYPERLINK("http://x")'
