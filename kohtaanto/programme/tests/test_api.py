"""Behaviour of the programme endpoints (permissions are in test_permissions)."""

from datetime import date
from decimal import Decimal

from kohtaanto.accounts.models import Role
from kohtaanto.jobseekers.tests.factories import ParticipationFactory
from kohtaanto.programme import services
from kohtaanto.programme.models import ActivityEntry
from kohtaanto.programme.tests.factories import ActivityEntryFactory, StaffPositionFactory


def test_indicators_endpoint_returns_the_table(api_client_for, auditor, operation):
    ParticipationFactory(operation=operation, gender="man", entry_date=date(2026, 3, 2))
    body = (
        api_client_for(auditor)
        .get("/api/v1/programme/indicators?from=2026-01-01&to=2026-12-31")
        .json()
    )
    assert body["operation"] == operation.code
    assert [r["code"] for r in body["indicators"]][-1] == "EECR06"
    assert body["indicators"][0] == {
        "code": "EECO01",
        "name": "total number of participants",
        "women": 0,
        "men": "< 5",  # the auditor sees small counts suppressed (programme.disclosure)
        "non_binary": 0,
        "total": "< 5",
    }
    eeco18 = next(r for r in body["indicators"] if r["code"] == "EECO18")
    assert eeco18["women"] is None


def test_indicators_endpoint_refuses_a_bad_date(api_client_for, auditor, operation):
    response = api_client_for(auditor).get("/api/v1/programme/indicators?from=2026-02-30&to=x")
    assert response.status_code == 400 and response.json()["error"] == "invalid"


def test_budget_endpoint_has_money_as_decimal_strings(api_client_for, finance_user, operation):
    StaffPositionFactory(operation=operation)
    client = api_client_for(finance_user)
    body = client.get(f"/api/v1/programme/operations/{operation.pk}/budget").json()
    assert body["total"] == "218400.00" and body["rows"][0]["flat_rate"] == "20800.00"
    assert body["small_operation_warning"] is False
    periods = client.get(f"/api/v1/programme/operations/{operation.pk}/budget?by=period").json()
    assert len(periods["rows"]) == 6 and periods["rows"][0]["total"] == "36400.00"
    assert (
        client.get(f"/api/v1/programme/operations/{operation.pk}/budget?by=month").status_code
        == 400
    )


def test_time_record_endpoint_records_and_refuses_beyond_the_cap(
    api_client_for, finance_user, operation, monkeypatch
):
    from django.utils import timezone

    # December 2026 has ended for this test (a month not ended is refused: test_staff_costs).
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: date(2027, 1, 15))
    position = StaffPositionFactory(operation=operation)
    client = api_client_for(finance_user)
    ok = client.post(
        "/api/v1/programme/time-records",
        {"position_id": position.pk, "span": "day", "date": "2026-03-02", "hours": "1720"},
        content_type="application/json",
    )
    assert ok.status_code == 400  # a day holds at most 24 hours
    monthly = StaffPositionFactory(operation=operation, staff_member=position.staff_member)
    for month in range(1, 13):
        services.time_record_create(
            actor=finance_user,
            position=monthly,
            span="month",
            day=date(2026, month, 1),
            hours=Decimal("143"),
        )
    refused = client.post(
        "/api/v1/programme/time-records",
        {"position_id": position.pk, "span": "day", "date": "2026-12-30", "hours": "4.5"},
        content_type="application/json",
    )
    assert refused.status_code == 400
    assert refused.json()["error"] == "annual_hours_exceeded"
    accepted = client.post(
        "/api/v1/programme/time-records",
        {"position_id": position.pk, "span": "day", "date": "2026-12-30", "hours": "4"},
        content_type="application/json",
    )
    assert accepted.status_code == 201 and accepted.json()["hours"] == "4.00"
    listed = client.get("/api/v1/programme/time-records?year=2026").json()
    assert len(listed) == 13
    # A year no date can be built from is bad input, not a server error.
    for year in ("60000000", "1999", "2101"):
        assert client.get(f"/api/v1/programme/time-records?year={year}").status_code in (400, 422)


def test_cost_report_endpoint_has_the_figures(api_client_for, coordinator, auditor, operation):
    report = services.cost_report_create(
        actor=coordinator, period=operation.payment_periods.get(number=1)
    )
    client = api_client_for(auditor)
    assert client.get("/api/v1/programme/cost-reports").json()[0]["status"] == "draft"
    body = client.get(f"/api/v1/programme/cost-reports/{report.pk}").json()
    assert body["figures"]["total"] == "0.00" and body["version"] == 1
    assert client.get("/api/v1/programme/cost-reports/999999").status_code == 404


def test_activity_endpoint_creates_and_scopes_entries(
    api_client_for, make_user, partner_user, kpedu, centria
):
    ActivityEntryFactory(title="Centrian oma", organisations=[centria])
    client = api_client_for(partner_user)
    created = client.post(
        "/api/v1/programme/activity",
        {
            "kind": "referral",
            "date": "2026-03-10",
            "title": "Ohjaus",
            "participants": [{"organisation_id": kpedu.pk, "name": "Kalle"}],
            "referral_from_id": kpedu.pk,
            "referral_to_id": None,
            "referred_count": 2,
        },
        content_type="application/json",
    )
    assert created.status_code == 201
    assert created.json()["referral_from_id"] == kpedu.pk
    assert [e["title"] for e in client.get("/api/v1/programme/activity").json()] == ["Ohjaus"]
    counsellor = api_client_for(make_user(Role.COUNSELLOR))
    assert len(counsellor.get("/api/v1/programme/activity").json()) == 2
    refused = client.post(
        "/api/v1/programme/activity",
        {
            "kind": "meeting",
            "date": "2026-03-10",
            "title": "X",
            "participants": [{"organisation_id": centria.pk, "name": "Kaisa"}],
        },
        content_type="application/json",
    )
    assert refused.status_code == 400 and "Oman organisaatiosi" in refused.json()["detail"]
    unknown = client.post(
        "/api/v1/programme/activity",
        {"kind": "picnic", "date": "2026-03-10", "title": "X", "participants": []},
        content_type="application/json",
    )
    assert unknown.status_code == 400
    assert ActivityEntry.objects.count() == 2
