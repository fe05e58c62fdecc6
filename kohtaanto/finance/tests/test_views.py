import re
from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from kohtaanto.accounts.models import PartnerOrganisation, Role
from kohtaanto.audit.models import AccessLogEntry, AuditEvent
from kohtaanto.employers.tests.factories import CompanyFactory
from kohtaanto.finance import services
from kohtaanto.finance.models import (
    Appropriation,
    BudgetLine,
    Commitment,
    GrantApplication,
    GrantDecision,
    GrantPaymentClaim,
    GrantScheme,
    LedgerEntry,
    SchemeRule,
)
from kohtaanto.finance.tests.factories import (
    give_delegation,
    make_appropriation,
    submit,
    youth_voucher,
)

ALL_ROLES = [r.value for r in Role]
READERS = {Role.COORDINATOR, Role.FINANCE, Role.AUDITOR}
WRITERS = {Role.COORDINATOR, Role.FINANCE}
GRANT_READERS = READERS | {Role.BUSINESS_ADVISOR}
ENTERERS = WRITERS | {Role.BUSINESS_ADVISOR}


@pytest.fixture
def world(finance_user, business_advisor, area):
    """One of everything: appropriations, a paid commitment, a waiting application, an
    approved decision with a claim."""
    services_appropriation = make_appropriation(finance_user, "10000.00")
    grants = make_appropriation(finance_user, "300000.00", line="grants")
    commitment = services.commitment_create(
        actor=finance_user,
        appropriation=services_appropriation,
        amount="4000.00",
        description="Hitsauskoulutus",
        source_type="training_order",
        source_id="TO-7",
        booked_on=date(2026, 3, 10),
    )
    payment = services.payment_record(
        actor=finance_user, commitment=commitment, amount="1500.00", booked_on=date(2026, 5, 5)
    )
    voucher = youth_voucher(area)
    waiting = submit(business_advisor, voucher)
    decision = services.grant_application_approve(
        actor=finance_user,
        application=submit(business_advisor, voucher),
        appropriation=grants,
        reasons="Ehdot täyttyvät.",
    )
    claim = services.grant_claim_submit(
        actor=finance_user,
        decision=decision,
        period_start=date(2026, 3, 1),
        period_end=date(2026, 3, 31),
        pay_costs="3000.00",
        claimed_amount="1500.00",
        channel="advisor",
    )
    return {
        "appropriation": services_appropriation,
        "grants": grants,
        "commitment": commitment,
        "payment": payment,
        "scheme": voucher,
        "application": waiting,
        "decision": decision,
        "claim": claim,
    }


def client_for(client_as, role):
    kwargs = {}
    if role == Role.PARTNER:
        kwargs["partner_organisation"] = PartnerOrganisation.objects.first()
    return client_as(role, **kwargs)


def pages(world):
    """(url, roles that may open it) for every GET page of the app."""
    a, c, p = world["appropriation"].pk, world["commitment"].pk, world["payment"].pk
    s, app, d, cl = (
        world["scheme"].pk,
        world["application"].pk,
        world["decision"].pk,
        world["claim"].pk,
    )
    return [
        (reverse("finance:dashboard"), READERS),
        (reverse("finance:export") + "?year=2026", READERS),
        (reverse("finance:year_end"), READERS),
        (reverse("finance:budget_lines"), READERS),
        (reverse("finance:appropriation_detail", args=[a]), READERS),
        (reverse("finance:commitment_detail", args=[c]), READERS),
        (reverse("finance:scheme_list"), READERS),
        (reverse("finance:scheme_detail", args=[s]), READERS),
        (reverse("finance:appropriation_create"), WRITERS),
        (reverse("finance:appropriation_amend", args=[a]), WRITERS),
        (reverse("finance:commitment_create", args=[a]), WRITERS),
        (reverse("finance:payment_create", args=[c]), WRITERS),
        (reverse("finance:commitment_release", args=[c]), WRITERS),
        (reverse("finance:payment_recover", args=[c]), WRITERS),
        (reverse("finance:entry_reverse", args=[p]), WRITERS),
        (reverse("finance:scheme_create"), WRITERS),
        (reverse("finance:scheme_update", args=[s]), WRITERS),
        (reverse("finance:rule_create", args=[s]), WRITERS),
        (reverse("finance:claim_create", args=[d]), WRITERS),
        (reverse("finance:claim_pay", args=[cl]), WRITERS),
        (reverse("finance:claim_reject", args=[cl]), WRITERS),
        (reverse("finance:decision_recover", args=[d]), WRITERS),
        (reverse("finance:application_list"), GRANT_READERS),
        (reverse("finance:application_detail", args=[app]), GRANT_READERS),
        (reverse("finance:decision_detail", args=[d]), GRANT_READERS),
        (
            reverse("finance:company_de_minimis", args=[world["application"].company_id]),
            GRANT_READERS,
        ),
        (reverse("finance:application_create") + f"?scheme={s}", ENTERERS),
        (reverse("finance:application_update", args=[app]), ENTERERS),
        (reverse("finance:application_link", args=[s]), ENTERERS),
        (reverse("finance:application_approve", args=[app]), WRITERS),
        (reverse("finance:application_reject", args=[app]), WRITERS),
    ]


def posts(world):
    """(url, roles) for the POST-only actions."""
    app, d = world["application"].pk, world["decision"].pk
    return [
        (reverse("finance:application_approve", args=[app]), WRITERS),
        (reverse("finance:application_reject", args=[app]), WRITERS),
        (reverse("finance:decision_close", args=[d]), WRITERS),
        (reverse("finance:claim_link", args=[d]), ENTERERS),
        (reverse("finance:year_end_release", args=[world["appropriation"].pk]), WRITERS),
    ]


@pytest.mark.parametrize("role", ALL_ROLES)
def test_every_page_is_open_to_its_roles_and_404_to_the_others(client_as, world, role):
    client = client_for(client_as, role)
    app = world["application"].pk
    deciding = {
        reverse("finance:application_approve", args=[app]),
        reverse("finance:application_reject", args=[app]),
    }
    for url, roles in pages(world):
        expected = 200 if role in roles else 404
        if expected == 200 and url in deciding:
            # The role may decide, but these users hold no delegation: back to the application
            # (test_decision_buttons_only_for_who_has_a_delegation_in_force has one who does).
            expected = 302
        assert client.get(url).status_code == expected, (role, url)


@pytest.mark.parametrize("role", ALL_ROLES)
def test_post_actions_are_404_to_roles_without_the_right(client_as, world, role):
    client = client_for(client_as, role)
    for url, roles in posts(world):
        if role not in roles:
            assert client.post(url, {}).status_code == 404, (role, url)
    assert GrantDecision.objects.count() == 1


def test_pages_redirect_anonymous_users_to_login(client, world):
    response = client.get(reverse("finance:dashboard"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_other_areas_objects_and_missing_ones_are_the_same_404(
    client_as, world, make_user, other_area
):
    other = client_as(make_user(Role.FINANCE, employment_area=other_area))
    own = client_as(Role.FINANCE)
    for url, _roles in pages(world):
        if any(ch.isdigit() for ch in url.split("?")[0]):
            assert other.get(url).status_code == 404, url
    for name in [
        "appropriation_detail",
        "commitment_detail",
        "scheme_detail",
        "application_detail",
        "decision_detail",
        "entry_reverse",
        "claim_pay",
        "company_de_minimis",
    ]:
        assert own.get(reverse(f"finance:{name}", args=[999999])).status_code == 404, name
    assert own.get(reverse("finance:application_create") + "?scheme=abc").status_code == 404


def test_navigation_shows_finance_to_readers_only(client_as, world):
    assert 'href="/finance/"' in client_as(Role.AUDITOR).get("/").content.decode()
    assert 'href="/finance/"' not in client_as(Role.COUNSELLOR).get("/").content.decode()


# --- dashboard, drill-down, export, year end ---------------------------------------------------


def test_dashboard_shows_reserved_committed_paid_and_free_with_an_accessible_chart(
    client_as, world
):
    body = client_as(Role.FINANCE).get(reverse("finance:dashboard"), {"year": 2026}).content
    html = body.decode()
    assert "310 000,00 €" in html  # reserved: 10 000 + 300 000
    assert "13 000,00 €" in html  # committed: 4 000 + 9 000
    assert "1 500,00 €" in html  # paid
    assert "297 000,00 €" in html  # free
    assert 'role="img"' in html and '<title id="burn-title">' in html
    assert '<desc id="burn-desc">' in html
    assert "3/2026" in html  # the data table behind the chart
    # SVG coordinates keep a decimal point in every language ("153,5" would be two numbers).
    svg = html.split("<svg")[1].split("</svg>")[0]
    assert re.findall(r' y1="(\d+,\d)', svg) == []
    assert re.findall(r' x="(\d+,\d)', svg) == []
    assert "<script" not in html.split("<main")[1]


def test_dashboard_of_a_year_without_appropriations_says_so(client_as, world):
    html = client_as(Role.FINANCE).get(reverse("finance:dashboard"), {"year": 2031}).content
    assert "Vuodelle 2031 ei ole kirjattu määrärahoja." in html.decode()


def test_auditor_sees_no_write_actions(client_as, world):
    html = (
        client_as(Role.AUDITOR)
        .get(reverse("finance:appropriation_detail", args=[world["appropriation"].pk]))
        .content.decode()
    )
    assert reverse("finance:commitment_create", args=[world["appropriation"].pk]) not in html
    assert "Hitsauskoulutus" in html
    assert reverse("finance:entry_reverse", args=[world["payment"].pk]) not in html


def test_drill_down_lists_every_entry_of_the_appropriation(client_as, world):
    html = (
        client_as(Role.FINANCE)
        .get(reverse("finance:appropriation_detail", args=[world["appropriation"].pk]))
        .content.decode()
    )
    assert html.count('id="entry-') == 2
    assert "Koulutustilaus TO-7" in html
    assert "§ 12/2026" in html


def test_excel_export_holds_summary_commitments_entries_and_decisions(client_as, world):
    response = client_as(Role.AUDITOR).get(reverse("finance:export"), {"year": 2026})
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert 'filename="maararahat-2026.xlsx"' in response["Content-Disposition"]
    workbook = load_workbook(BytesIO(response.content))
    assert workbook.sheetnames == [
        "Yhteenveto 2026",
        "Sitoumukset",
        "Kirjaukset",
        "Määrärahapäätökset",
    ]
    summary = list(workbook["Yhteenveto 2026"].values)
    assert summary[0] == (
        "Budjettirivi",
        "Määräraha",
        "Varattu",
        "Sidottu",
        "Maksettu",
        "Maksamatta",
        "Vapaana",
    )
    total = summary[-1]
    assert total[0] == "Yhteensä"
    assert [Decimal(str(v)) for v in total[2:]] == [
        Decimal("310000"),
        Decimal("13000"),
        Decimal("1500"),
        Decimal("11500"),
        Decimal("297000"),
    ]
    entries = list(workbook["Kirjaukset"].values)[1:]
    assert len(entries) == LedgerEntry.objects.count() == 3
    assert {row[4] for row in entries} == {"Sitoumus", "Maksu"}
    commitments = list(workbook["Sitoumukset"].values)[1:]
    assert any(row[2] == "Hitsauskoulutus" and row[4] == "TO-7" for row in commitments)
    decisions = list(workbook["Määrärahapäätökset"].values)[1:]
    assert [row[5] for row in decisions] == ["§ 12/2026", "§ 12/2026"]


def test_excel_export_writes_formula_like_text_as_text(client_as, finance_user, world):
    services.commitment_create(
        actor=finance_user,
        appropriation=world["appropriation"],
        amount="10.00",
        description='=HYPERLINK("http://example.invalid","x")',
    )
    response = client_as(Role.AUDITOR).get(reverse("finance:export"), {"year": 2026})
    commitments = list(load_workbook(BytesIO(response.content))["Sitoumukset"].values)
    assert any(row[2] == '\'=HYPERLINK("http://example.invalid","x")' for row in commitments)


def test_year_end_report_reconciles_and_releases_open_commitments(client_as, finance_user):
    appropriation = make_appropriation(finance_user, "1000.00", year=2025)
    services.commitment_create(
        actor=finance_user,
        appropriation=appropriation,
        amount="400.00",
        description="Auki",
        booked_on=date(2025, 5, 1),
    )
    client = client_as(finance_user)
    html = client.get(reverse("finance:year_end"), {"year": 2025}).content.decode()
    assert "Kirjanpito ja määrärahojen saldot täsmäävät." in html
    assert "Auki" in html
    response = client.post(reverse("finance:year_end_release", args=[appropriation.pk]))
    assert response.status_code == 302
    assert Appropriation.objects.get(pk=appropriation.pk).available == Decimal("1000.00")
    assert LedgerEntry.objects.get(kind="release").reason == "year_end"


# --- ledger forms ------------------------------------------------------------------------------


def test_appropriation_form_creates_the_appropriation_and_its_decision(client_as, finance_user):
    line = BudgetLine.objects.get(employment_area=finance_user.employment_area, code="services")
    response = client_as(finance_user).post(
        reverse("finance:appropriation_create"),
        {
            "year": 2026,
            "line": line.pk,
            "name": "Palveluhankinnat 2026",
            "amount": "450 000,00",
            "decided_by": "Työllisyysjohtaja",
            "decided_on": "2026-01-12",
            "reference": "§ 3",
        },
    )
    appropriation = Appropriation.objects.get()
    assert response.status_code == 302
    assert appropriation.amount == Decimal("450000.00")
    assert appropriation.decisions.get().reference == "§ 3"


def test_appropriation_form_refuses_bad_amount_with_a_field_error(client_as, finance_user):
    line = BudgetLine.objects.get(employment_area=finance_user.employment_area, code="services")
    response = client_as(finance_user).post(
        reverse("finance:appropriation_create"),
        {
            "year": 2026,
            "line": line.pk,
            "name": "X",
            "amount": "paljon",
            "decided_by": "X",
            "decided_on": "2026-01-01",
        },
    )
    assert response.status_code == 200
    assert "field-error" in response.content.decode()
    assert Appropriation.objects.count() == 0


def test_commitment_form_shows_the_shortfall_and_books_nothing(client_as, finance_user):
    appropriation = make_appropriation(finance_user, "200.00")
    response = client_as(finance_user).post(
        reverse("finance:commitment_create", args=[appropriation.pk]),
        {"amount": "300,00", "description": "Kurssi", "source_type": "manual"},
    )
    assert response.status_code == 200
    assert (
        "Määräraha ei riitä: käytettävissä 200,00 €, pyydetty 300,00 €, vaje 100,00 €."
        in response.content.decode()
    )
    assert Commitment.objects.count() == 0


def test_payment_release_recovery_and_reversal_forms(client_as, finance_user, world):
    client = client_as(finance_user)
    commitment = world["commitment"]
    assert (
        client.post(
            reverse("finance:payment_create", args=[commitment.pk]),
            {"amount": "500,00", "reference": "LASKU-1"},
        ).status_code
        == 302
    )
    too_much = client.post(
        reverse("finance:payment_create", args=[commitment.pk]), {"amount": "2000,01"}
    )
    assert "ylitys 0,01 €" in too_much.content.decode()
    assert (
        client.post(
            reverse("finance:payment_recover", args=[commitment.pk]),
            {"amount": "100", "description": "Hyvitys"},
        ).status_code
        == 302
    )
    assert (
        client.post(
            reverse("finance:entry_reverse", args=[world["payment"].pk]), {"description": "Väärä"}
        ).status_code
        == 302
    )
    assert (
        client.post(
            reverse("finance:commitment_release", args=[commitment.pk]), {"reason": "cancellation"}
        ).status_code
        == 302
    )
    commitment = Commitment.objects.get(pk=commitment.pk)
    assert (commitment.committed, commitment.paid) == (Decimal("400.00"), Decimal("400.00"))


def test_budget_line_form(client_as, finance_user):
    response = client_as(finance_user).post(
        reverse("finance:budget_lines"), {"code": "projects", "name": "Hankkeet"}
    )
    assert response.status_code == 302
    assert BudgetLine.objects.filter(code="projects").exists()
    auditor = client_as(Role.AUDITOR)
    assert (
        auditor.post(reverse("finance:budget_lines"), {"code": "x", "name": "X"}).status_code == 404
    )


def test_amendment_form_books_a_negative_amendment(client_as, finance_user, world):
    response = client_as(finance_user).post(
        reverse("finance:appropriation_amend", args=[world["appropriation"].pk]),
        {"amount": "-1000", "decided_by": "Jaosto", "decided_on": "2026-06-01"},
    )
    assert response.status_code == 302
    assert Appropriation.objects.get(pk=world["appropriation"].pk).amount == Decimal("9000.00")


# --- schemes -----------------------------------------------------------------------------------


def test_scheme_create_update_and_rule(client_as, finance_user, area):
    client = client_as(finance_user)
    grants = BudgetLine.objects.get(employment_area=area, code="grants")
    response = client.post(
        reverse("finance:scheme_create"),
        {
            "code": "kesatyoseteli",
            "name": "Kesätyöseteli",
            "kind": "regional",
            "line": grants.pk,
            "envelope": "50000",
            "starts_on": "2026-05-01",
            "ends_on": "2026-08-31",
            "first_come": "on",
            "legal_basis": "Työllisyysjaoston päätös 4/2026",
        },
    )
    scheme = GrantScheme.objects.get(code="kesatyoseteli")
    assert response.status_code == 302
    response = client.post(
        reverse("finance:rule_create", args=[scheme.pk]),
        {
            "category": "general",
            "label": "Kesätyö",
            "valid_from": "2026-05-01",
            "percentage": "100",
            "monthly_cap": "500",
            "total_cap": "1000",
            "max_age": "17",
            "source": "Työllisyysjaoston päätös 4/2026",
        },
    )
    assert response.status_code == 302
    assert SchemeRule.objects.get(scheme=scheme).total_cap == Decimal("1000.00")
    response = client.post(
        reverse("finance:scheme_update", args=[scheme.pk]),
        {
            "name": "Kesätyöseteli 2026",
            "envelope": "60000",
            "starts_on": "2026-05-01",
            "ends_on": "2026-08-31",
            "is_active": "on",
            "legal_basis": "Työllisyysjaoston päätös 4/2026",
        },
    )
    assert response.status_code == 302
    assert GrantScheme.objects.get(pk=scheme.pk).envelope == Decimal("60000.00")


def test_scheme_detail_lists_rules_with_their_sources(client_as, world):
    html = (
        client_as(Role.AUDITOR)
        .get(reverse("finance:scheme_detail", args=[world["scheme"].pk]))
        .content.decode()
    )
    assert "nuorten työllistämissetelistä 2026–2027" in html
    assert "1 500,00 €" in html and "9 000,00 €" in html
    for words in ("vähintään 18 vuotta", "enintään 29 vuotta", "työaika vähintään 25 h/vko"):
        assert words in html
    assert "<code>" not in html and ">general<" not in html


def test_pay_subsidy_rule_table_reads_in_words(client_as, area):
    from kohtaanto.finance.tests.factories import pay_subsidy

    html = (
        client_as(Role.AUDITOR)
        .get(reverse("finance:scheme_detail", args=[pay_subsidy(area).pk]))
        .content.decode()
    )
    for words in (
        "vähintään 55 vuotta",
        "enintään 24 kk",
        "työttömänä vähintään 24 kk viimeisten 28 kk aikana",
        "tuki kattaa enintään 65 % alan säännöllisestä työajasta",
        "enintään 5 kk",
    ):
        assert words in html, words
    assert "age-55-plus" not in html and "association-non-business" not in html


# --- applications and decisions ---------------------------------------------------------------


def application_post(company, **overrides):
    data = {
        "scheme": "",
        "company": company.pk,
        "category": "general",
        "employee_first_name": "Eero",
        "employee_last_name": "Esimerkki",
        "employee_birth_date": "2004-02-10",
        "job_title": "Asentaja",
        "start_date": "2026-04-01",
        "end_date": "2026-09-30",
        "weekly_hours": "37,5",
        "monthly_pay_costs": "2800",
        "contact_name": "Liisa Laine",
        "contact_email": "liisa@example.fi",
        "de_minimis_declared": "on",
        "unemployment-TOTAL_FORMS": "3",
        "unemployment-INITIAL_FORMS": "0",
        "deminimis-TOTAL_FORMS": "3",
        "deminimis-INITIAL_FORMS": "0",
        "unemployment-0-start_date": "2025-10-01",
        "deminimis-0-granted_on": "2025-06-01",
        "deminimis-0-amount": "12000",
        "deminimis-0-grantor": "ELY-keskus",
    }
    data.update(overrides)
    return data


def test_advisor_enters_an_application_with_periods_and_declared_aid(
    client_as, business_advisor, area
):
    scheme = youth_voucher(area)
    company = CompanyFactory()
    url = reverse("finance:application_create") + f"?scheme={scheme.pk}"
    response = client_as(business_advisor).post(url, application_post(company))
    application = GrantApplication.objects.get()
    assert response.status_code == 302
    assert application.channel == "advisor"
    assert application.entered_by == business_advisor
    assert application.unemployment_periods == [["2025-10-01", None]]
    assert application.other_de_minimis == [
        {"granted_on": "2025-06-01", "amount": "12000.00", "grantor": "ELY-keskus"}
    ]
    assert application.eligible
    assert application.maximum_amount == Decimal("8400.00")


def test_application_form_reports_bad_rows_and_saves_nothing(client_as, business_advisor, area):
    scheme = youth_voucher(area)
    url = reverse("finance:application_create") + f"?scheme={scheme.pk}"
    response = client_as(business_advisor).post(
        url,
        application_post(
            CompanyFactory(),
            end_date="2026-03-01",
            **{"deminimis-0-amount": "", "unemployment-1-end_date": "2025-01-01"},
        ),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Päättymispäivä on ennen alkamispäivää." in html
    assert "Anna tuesta sekä myöntöpäivä että summa." in html
    assert "Anna jakson alkamispäivä." in html
    assert GrantApplication.objects.count() == 0


def test_application_detail_logs_the_read_and_shows_the_check(client_as, world, business_advisor):
    application = world["application"]
    html = (
        client_as(business_advisor)
        .get(reverse("finance:application_detail", args=[application.pk]))
        .content.decode()
    )
    assert "Ehdot täyttyvät." in html
    assert "Aino Testinen" in html
    assert "<form" not in html.split("Päätös")[-1] or "application_approve" not in html
    log = AccessLogEntry.objects.get(subject_id=str(application.pk))
    assert log.what == "grant_application"
    assert log.actor_username == business_advisor.username


def test_approve_and_refuse_are_separate_pages_with_field_errors(client_as, finance_user, world):
    client = client_as(finance_user)
    application = world["application"]
    detail = client.get(reverse("finance:application_detail", args=[application.pk]))
    html = detail.content.decode()
    assert reverse("finance:application_approve", args=[application.pk]) in html
    assert reverse("finance:application_reject", args=[application.pk]) in html
    page = client.get(reverse("finance:application_approve", args=[application.pk]))
    assert "<h1>Myönnä avustus</h1>" in page.content.decode()
    refused = client.post(
        reverse("finance:application_approve", args=[application.pk]),
        {"appropriation": world["appropriation"].pk, "reasons": ""},
    )
    body = refused.content.decode()
    assert refused.status_code == 200
    assert "Valitse oikea vaihtoehto." in body and "Tämä kenttä vaaditaan." in body
    future = client.post(
        reverse("finance:application_approve", args=[application.pk]),
        {"appropriation": world["grants"].pk, "reasons": "OK", "decided_on": "3.12.2026"},
    )
    assert "Päätöspäivä 3.12.2026 on tulevaisuudessa" in future.content.decode()
    assert not GrantDecision.objects.filter(application=application).exists()
    reject_page = client.get(reverse("finance:application_reject", args=[application.pk]))
    assert "<h1>Hylkää hakemus</h1>" in reject_page.content.decode()
    response = client.post(
        reverse("finance:application_approve", args=[application.pk]),
        {"appropriation": world["grants"].pk, "amount": "5000", "reasons": "Ehdot täyttyvät."},
    )
    decision = GrantDecision.objects.get(application=application)
    assert response.status_code == 302
    assert (decision.amount, decision.number) == (Decimal("5000.00"), "2/2026")
    # A decided application has no decision pages any more.
    again = client.get(reverse("finance:application_reject", args=[application.pk]))
    assert again.status_code == 404


def test_refusal_page_records_a_refusal_decision(client_as, finance_user, world):
    client = client_as(finance_user)
    application = world["application"]
    response = client.post(
        reverse("finance:application_reject", args=[application.pk]),
        {"reasons": "Työaika jää alle 25 tunnin viikossa."},
    )
    assert response.status_code == 302
    refusal = GrantDecision.objects.get(application=application)
    assert (refusal.outcome, refusal.number) == ("rejected", "2/2026")


def test_decision_page_claims_pay_reject_recover_close(client_as, finance_user, approver, world):
    client = client_as(finance_user)
    decision, claim = world["decision"], world["claim"]
    html = client.get(reverse("finance:decision_detail", args=[decision.pk])).content.decode()
    assert "Keski-Pohjanmaan työllisyysalueen päätös" in html
    # Four eyes: the decision-maker cannot pay; another finance officer can.
    client.post(reverse("finance:claim_pay", args=[claim.pk]), {})
    assert GrantPaymentClaim.objects.get(pk=claim.pk).status == "received"
    assert (
        client_as(approver).post(reverse("finance:claim_pay", args=[claim.pk]), {}).status_code
        == 302
    )
    assert GrantPaymentClaim.objects.get(pk=claim.pk).status == "paid"
    response = client.post(
        reverse("finance:claim_create", args=[decision.pk]),
        {
            "period_start": "2026-04-01",
            "period_end": "2026-04-30",
            "pay_costs": "3000",
            "claimed_amount": "1500",
        },
    )
    assert response.status_code == 302
    second = GrantPaymentClaim.objects.exclude(pk=claim.pk).get()
    assert (
        client.post(
            reverse("finance:claim_reject", args=[second.pk]), {"reason": "Liitteet puuttuvat"}
        ).status_code
        == 302
    )
    assert (
        client.post(
            reverse("finance:decision_recover", args=[decision.pk]),
            {"amount": "200", "description": "Palkka pienempi"},
        ).status_code
        == 302
    )
    assert client.post(reverse("finance:decision_close", args=[decision.pk])).status_code == 302
    commitment = Commitment.objects.get(pk=decision.commitment_id)
    assert (commitment.committed, commitment.paid) == (Decimal("1300.00"), Decimal("1300.00"))


# --- signed links ------------------------------------------------------------------------------


def test_application_link_page_makes_a_working_link(client_as, business_advisor, world):
    company = CompanyFactory()
    response = client_as(business_advisor).post(
        reverse("finance:application_link", args=[world["scheme"].pk]), {"company": company.pk}
    )
    html = response.content.decode()
    assert "/finance/apply/" in html
    path = html.split('class="link-box"><a href="http://testserver')[1].split('"')[0]
    assert path.startswith("/finance/apply/")


def public_link(business_advisor, scheme, company):
    token = services.application_link_create(
        actor=business_advisor, scheme=scheme, company=company
    )[1]
    return reverse("finance:public_apply", args=[token])


def test_employer_applies_through_the_link_without_an_account(client, business_advisor, area):
    scheme = youth_voucher(area)
    company = CompanyFactory()
    url = public_link(business_advisor, scheme, company)
    page = client.get(url)
    assert page.status_code == 200
    assert company.name in page.content.decode()
    data = application_post(company)
    del data["company"]
    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"] == reverse("finance:public_received")
    application = GrantApplication.objects.get()
    assert (application.channel, application.company, application.entered_by) == (
        "link",
        company,
        None,
    )
    assert application.unemployment_periods == []  # the advisor completes these
    event = AuditEvent.objects.get(action="grant_application.submit")
    assert event.actor_username == ""


def test_link_form_requires_the_de_minimis_declaration(client, business_advisor, area):
    company = CompanyFactory()
    url = public_link(business_advisor, youth_voucher(area), company)
    data = application_post(company)
    del data["company"]
    del data["de_minimis_declared"]
    response = client.post(url, data)
    assert response.status_code == 200
    assert GrantApplication.objects.count() == 0


def test_link_form_is_swedish_and_english_too(client, business_advisor, area):
    url = public_link(business_advisor, youth_voucher(area), CompanyFactory())
    swedish = client.get(url, HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'lang="sv"' in swedish and "Skicka ansökan" in swedish
    assert 'lang="en"' in english and "Send the application" in english


def test_expired_and_forged_links_are_refused(client, business_advisor, area, monkeypatch):
    import time

    from django.core import signing

    url = public_link(business_advisor, youth_voucher(area), CompanyFactory())
    assert client.get(url.replace("/apply/", "/apply/x")).status_code == 404
    now = time.time()
    monkeypatch.setattr(signing.time, "time", lambda: now + 31 * 86400)
    response = client.get(url)
    assert response.status_code == 410
    assert "vanhentunut" in response.content.decode()


def test_employer_claims_payment_through_the_link(client, client_as, business_advisor, world):
    staff = client_as(business_advisor)
    decision = world["decision"]
    staff.post(reverse("finance:claim_link", args=[decision.pk]))
    html = staff.get(reverse("finance:decision_detail", args=[decision.pk])).content.decode()
    link = html.split('class="link-box"><a href="http://testserver')[1].split('"')[0]
    response = client.post(
        link,
        {
            "period_start": "2026-04-01",
            "period_end": "2026-04-30",
            "pay_costs": "3000",
            "claimed_amount": "1500",
        },
    )
    assert response.status_code == 302
    claim = GrantPaymentClaim.objects.get(channel="link")
    assert claim.eligible_amount == Decimal("1500.00")
    overlap = client.post(
        link,
        {
            "period_start": "2026-04-15",
            "period_end": "2026-05-15",
            "pay_costs": "3000",
            "claimed_amount": "1500",
        },
    )
    assert "päällekkäin" in overlap.content.decode()


def test_company_de_minimis_page_sums_own_grants_and_the_declaration(
    client_as, business_advisor, finance_user, area
):
    from datetime import timedelta

    from django.utils import timezone

    company = CompanyFactory()
    declared = [(timezone.localdate() - timedelta(days=100), Decimal("20000.00"), "ELY-keskus")]
    grants = make_appropriation(finance_user, "50000.00", line="grants")
    services.grant_application_approve(
        actor=finance_user,
        application=submit(
            business_advisor, youth_voucher(area), company=company, other_de_minimis=declared
        ),
        appropriation=grants,
        reasons="OK",
    )
    html = (
        client_as(business_advisor)
        .get(reverse("finance:company_de_minimis", args=[company.pk]))
        .content.decode()
    )
    assert "9 000,00 €" in html  # the area's own grant
    assert "20 000,00 €" in html  # declared by the company
    assert "271 000,00 €" in html  # room left under 300 000 €
    assert "ELY-keskus" in html


def test_decision_buttons_only_for_who_has_a_delegation_in_force(client_as, world, make_user):
    url = reverse("finance:application_detail", args=[world["application"].pk])
    approve = reverse("finance:application_approve", args=[world["application"].pk])
    reject = reverse("finance:application_reject", args=[world["application"].pk])

    # The finance role may decide grants, but this officer has no delegation.
    officer = client_as(make_user(Role.FINANCE))
    page = officer.get(url).content.decode()
    assert approve not in page and reject not in page
    assert "Sinulla ei ole voimassa olevaa päätösvaltaa" in page
    # Nor is the decision form shown to them at its own address: back to the application.
    for address in (approve, reject):
        response = officer.get(address)
        assert response.status_code == 302 and response["Location"] == url

    delegated = make_user(Role.COORDINATOR)
    give_delegation(delegated)
    page = client_as(delegated).get(url).content.decode()
    assert approve in page and reject in page
    assert "Sinulla ei ole voimassa olevaa päätösvaltaa" not in page

    # A business advisor enters applications but never decides: no buttons, no excuse either.
    page = client_as(Role.BUSINESS_ADVISOR).get(url).content.decode()
    assert approve not in page and "päätösvaltaa" not in page
