"""Who may open which programme page and call which endpoint: every role, allowed or denied,
and the same 404 for another area's objects as for missing ones."""

from datetime import date
from decimal import Decimal

import pytest

from kohtaanto.accounts.models import PartnerOrganisation, Role
from kohtaanto.jobseekers.tests.factories import ParticipationFactory
from kohtaanto.programme import services
from kohtaanto.programme.models import CostReport, Implementer, TimeRecord
from kohtaanto.programme.tests.factories import (
    ActivityEntryFactory,
    OperationFactory,
    StaffPositionFactory,
)

ROLES = [r.value for r in Role]
PROGRAMME = {Role.COORDINATOR, Role.FINANCE, Role.AUDITOR}
MANAGE = {Role.COORDINATOR}
RECORD = {Role.COORDINATOR, Role.FINANCE}
REPORTS = {Role.COORDINATOR, Role.FINANCE}
INDICATORS = {Role.COORDINATOR, Role.COUNSELLOR, Role.BUSINESS_ADVISOR, Role.FINANCE, Role.AUDITOR}
DRILL = {Role.COORDINATOR, Role.AUDITOR}
QUALITY = {Role.COORDINATOR, Role.FINANCE, Role.AUDITOR}
EVERYONE = set(ROLES)
ADD_ACTIVITY = {Role.COORDINATOR, Role.COUNSELLOR, Role.BUSINESS_ADVISOR, Role.PARTNER}


@pytest.fixture
def user_of(make_user):
    def make(role):
        if role == Role.PARTNER:
            return make_user(
                role, partner_organisation=PartnerOrganisation.objects.get(short_name="KPEDU")
            )
        return make_user(role)

    return make


@pytest.fixture
def world(coordinator, operation):
    position = StaffPositionFactory(operation=operation)
    record = services.time_record_create(
        actor=coordinator, position=position, span="day", day=date(2026, 3, 2), hours=Decimal("7.5")
    )
    report = services.cost_report_create(
        actor=coordinator, period=operation.payment_periods.get(number=1)
    )
    ParticipationFactory(operation=operation, entry_date=date(2026, 3, 2))
    return {"operation": operation, "position": position, "record": record, "report": report}


GET_PAGES = [
    ("/programme/", PROGRAMME),
    ("/programme/operations/{operation}/budget/", PROGRAMME),
    ("/programme/operations/{operation}/positions/new/", MANAGE),
    ("/programme/operations/{operation}/positions/{position}/", MANAGE),
    ("/programme/time/", PROGRAMME),
    ("/programme/cost-reports/", PROGRAMME),
    ("/programme/cost-reports/{report}/", PROGRAMME),
    ("/programme/cost-reports/{report}/export.pdf", PROGRAMME),
    ("/programme/cost-reports/{report}/export.xlsx", PROGRAMME),
    ("/programme/indicators/", INDICATORS),
    ("/programme/indicators/EECO01/participants/", DRILL),
    ("/programme/data-quality/", QUALITY),
    ("/programme/activity/", EVERYONE),
    ("/programme/activity/new/", ADD_ACTIVITY),
    ("/programme/activity/partner-report/", EVERYONE),
    ("/programme/steering-report/", PROGRAMME),
]


def _url(template, world):
    return template.format(
        operation=world["operation"].pk,
        position=world["position"].pk,
        report=world["report"].pk,
        record=world["record"].pk,
    )


@pytest.mark.parametrize("role", ROLES)
def test_page_permissions(client_as, user_of, world, role):
    client = client_as(user_of(role))
    wrong = []
    for template, allowed in GET_PAGES:
        expected = 200 if role in allowed else 404
        status = client.get(_url(template, world)).status_code
        if status != expected:
            wrong.append((template, status, expected))
    assert wrong == []


POSTS = [
    ("/programme/operations/{operation}/periods/new/", MANAGE, {}),
    ("/programme/operations/{operation}/staff/new/", MANAGE, {}),
    ("/programme/operations/{operation}/companies/", MANAGE, {}),
    ("/programme/time/{record}/delete/", RECORD, {}),
    ("/programme/time/salaries/", RECORD, {}),
    ("/programme/cost-reports/{report}/submit/", REPORTS, {}),
    ("/programme/cost-reports/{report}/correct/", REPORTS, {}),
]


@pytest.mark.parametrize("role", ROLES)
def test_action_permissions(client_as, user_of, world, role):
    client = client_as(user_of(role))
    wrong = []
    for template, allowed, data in POSTS:
        expected = 302 if role in allowed else 404
        status = client.post(_url(template, world), data).status_code
        if status != expected:
            wrong.append((template, status, expected))
    assert wrong == []


@pytest.mark.parametrize("role", ROLES)
def test_only_managers_change_implementer_budgets(client_as, user_of, operation, role):
    implementer = Implementer.objects.filter(operation=operation).first()
    response = client_as(user_of(role)).post(
        f"/programme/implementers/{implementer.pk}/budget/", {"budget_eur": "1000"}
    )
    implementer.refresh_from_db()
    if role in MANAGE:
        assert response.status_code == 302 and implementer.budget_eur == Decimal("1000")
    else:
        assert response.status_code == 404 and implementer.budget_eur is None


def test_time_records_and_cost_reports_are_read_only_for_the_auditor(client_as, world):
    client = client_as(Role.AUDITOR)
    assert client.post("/programme/time/", {}).status_code == 404
    assert client.post("/programme/cost-reports/", {}).status_code == 404
    assert client.post(f"/programme/cost-reports/{world['report'].pk}/", {}).status_code == 404
    assert TimeRecord.objects.count() == 1


def _main(response) -> str:
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def test_other_areas_objects_are_answered_like_missing_ones(client_as, coordinator, other_area):
    foreign_op = OperationFactory(employment_area=other_area)
    foreign_period = foreign_op.payment_periods.create(
        number=1, start_date=date(2026, 1, 1), end_date=date(2026, 6, 30)
    )
    foreign_report = CostReport.objects.create(period=foreign_period)
    foreign_entry = ActivityEntryFactory(employment_area=other_area)
    client = client_as(coordinator)
    for existing, missing in [
        (f"/programme/operations/{foreign_op.pk}/budget/", "/programme/operations/999999/budget/"),
        (f"/programme/cost-reports/{foreign_report.pk}/", "/programme/cost-reports/999999/"),
        (
            f"/programme/cost-reports/{foreign_report.pk}/export.pdf",
            "/programme/cost-reports/999999/export.pdf",
        ),
        (f"/programme/activity/{foreign_entry.pk}/", "/programme/activity/999999/"),
    ]:
        a, b = client.get(existing), client.get(missing)
        assert a.status_code == b.status_code == 404
        assert _main(a) == _main(b)
    assert client.post(f"/programme/cost-reports/{foreign_report.pk}/submit/").status_code == 404


@pytest.mark.parametrize(
    ("role", "visible", "hidden"),
    [
        (Role.COORDINATOR, ["Hanke"], ["Yhteistyöloki", "ESR+-indikaattorit"]),
        (Role.FINANCE, ["Hanke"], ["Yhteistyöloki"]),
        (Role.AUDITOR, ["Hanke"], ["Yhteistyöloki"]),
        (Role.COUNSELLOR, ["Yhteistyöloki", "ESR+-indikaattorit"], ['/programme/"', ">Hanke<"]),
        (Role.BUSINESS_ADVISOR, ["Yhteistyöloki", "ESR+-indikaattorit"], [">Hanke<"]),
        (Role.PARTNER, ["Yhteistyöloki"], [">Hanke<", "ESR+-indikaattorit"]),
    ],
)
def test_navigation_offers_each_role_its_entry(client_as, user_of, role, visible, hidden):
    html = client_as(user_of(role)).get("/").content.decode()
    nav = html[html.index('class="main-nav"') : html.index("</nav>")]
    for label in visible:
        assert label in nav
    for label in hidden:
        assert label not in nav


# --- API ----------------------------------------------------------------------------------

API_GETS = [
    ("/api/v1/programme/indicators?from=2026-01-01&to=2026-12-31", INDICATORS),
    ("/api/v1/programme/operations", PROGRAMME),
    ("/api/v1/programme/operations/{operation}/budget", PROGRAMME),
    ("/api/v1/programme/time-records?year=2026", PROGRAMME),
    ("/api/v1/programme/cost-reports", PROGRAMME),
    ("/api/v1/programme/cost-reports/{report}", PROGRAMME),
    ("/api/v1/programme/activity", EVERYONE),
]


@pytest.mark.parametrize("role", ROLES)
def test_endpoint_permissions(api_client_for, user_of, world, role):
    client = api_client_for(user_of(role))
    wrong = []
    for template, allowed in API_GETS:
        response = client.get(_url(template, world))
        expected = 200 if role in allowed else 404
        if response.status_code != expected or (expected == 404 and not response.json()["detail"]):
            wrong.append((template, response.status_code, expected))
    assert wrong == []


@pytest.mark.parametrize("role", ROLES)
def test_time_record_endpoint_permission(api_client_for, user_of, world, role):
    response = api_client_for(user_of(role)).post(
        "/api/v1/programme/time-records",
        {"position_id": world["position"].pk, "span": "day", "date": "2026-03-03", "hours": "7.5"},
        content_type="application/json",
    )
    assert response.status_code == (201 if role in RECORD else 404)


@pytest.mark.parametrize("role", ROLES)
def test_activity_endpoint_permission(api_client_for, user_of, db, role):
    kpedu = PartnerOrganisation.objects.get(short_name="KPEDU")
    response = api_client_for(user_of(role)).post(
        "/api/v1/programme/activity",
        {
            "kind": "meeting",
            "date": "2026-03-10",
            "title": "Kokous",
            "participants": [{"organisation_id": kpedu.pk, "name": "Kalle"}],
        },
        content_type="application/json",
    )
    assert response.status_code == (201 if role in ADD_ACTIVITY else 404)


def test_api_objects_of_other_areas_are_not_found(api_client_for, coordinator, other_area):
    foreign_op = OperationFactory(employment_area=other_area)
    client = api_client_for(coordinator)
    a = client.get(f"/api/v1/programme/operations/{foreign_op.pk}/budget")
    b = client.get("/api/v1/programme/operations/999999/budget")
    assert a.status_code == b.status_code == 404 and a.json() == b.json()
    assert (
        client.get(
            "/api/v1/programme/indicators?from=2026-01-01&to=2026-12-31"
            f"&operation={foreign_op.code}"
        ).status_code
        == 404
    )
