import json
from decimal import Decimal

import pytest
from django.test import Client

from kohtaanto.accounts.models import PartnerOrganisation, Role
from kohtaanto.finance import services
from kohtaanto.finance.models import Appropriation, LedgerEntry
from kohtaanto.finance.tests.factories import make_appropriation

WRITERS = {Role.COORDINATOR, Role.FINANCE}
READERS = WRITERS | {Role.AUDITOR}


def post(client, url, body):
    return client.post(url, data=json.dumps(body), content_type="application/json")


def api_user(make_user, role):
    kwargs = {}
    if role == Role.PARTNER:
        kwargs["partner_organisation"] = PartnerOrganisation.objects.first()
    return make_user(role, **kwargs)


@pytest.fixture
def api(api_client_for, finance_user):
    return api_client_for(finance_user)


def test_create_appropriation_returns_201_with_id_and_balances(api):
    response = post(
        api,
        "/api/v1/appropriations",
        {"year": 2026, "line": "services", "name": "Palveluhankinnat 2026", "amount": "10000.00"},
    )
    assert response.status_code == 201
    body = response.json()
    assert isinstance(body["id"], int)
    assert body == {
        "id": body["id"],
        "year": 2026,
        "line": "services",
        "line_name": "Palveluhankinnat",
        "name": "Palveluhankinnat 2026",
        "amount": "10000.00",
        "committed": "0.00",
        "paid": "0.00",
        "unpaid": "0.00",
        "available": "10000.00",
    }
    decision = Appropriation.objects.get(pk=body["id"]).decisions.get()
    assert decision.decided_by  # the user's name when none is given


def test_create_appropriation_with_unknown_line_is_refused_naming_the_known_ones(api):
    response = post(
        api, "/api/v1/appropriations", {"year": 2026, "line": "lottery", "name": "X", "amount": "1"}
    )
    assert response.status_code == 400
    assert response.json() == {
        "error": "invalid",
        "detail": 'Tuntematon budjettirivi "lottery". Käytettävissä: grants, services.',
    }
    assert Appropriation.objects.count() == 0


@pytest.mark.parametrize(
    "body",
    [
        {"year": 2026, "line": "services", "name": "X", "amount": "-5"},
        {"year": 2026, "line": "services", "name": "X", "amount": "abc"},
        {"year": 2026, "line": "services", "name": "X", "amount": "1e9999"},
        {"year": 2026, "line": "services", "name": "X", "amount": "1.001"},
        {"year": 2026, "line": "services", "name": "X", "amount": None},
        {"year": 1800, "line": "services", "name": "X", "amount": "1"},
        {"year": "twenty", "line": "services", "name": "X", "amount": "1"},
        {"year": 2026, "line": "services", "name": "", "amount": "1"},
        {"line": "services", "name": "X", "amount": "1"},
    ],
)
def test_create_appropriation_bad_input_is_400_and_creates_nothing(api, body):
    response = post(api, "/api/v1/appropriations", body)
    assert response.status_code == 400
    assert response.json()["error"] == "invalid"
    assert Appropriation.objects.count() == 0


def test_get_appropriation_shows_ledger_balances_as_decimal_strings(api, finance_user):
    appropriation = make_appropriation(finance_user, "10000.00")
    commitment = services.commitment_create(
        actor=finance_user, appropriation=appropriation, amount="300.00", description="X"
    )
    services.payment_record(actor=finance_user, commitment=commitment, amount="120.50")
    body = api.get(f"/api/v1/appropriations/{appropriation.pk}").json()
    assert {
        k: body[k] for k in ("id", "year", "line", "amount", "committed", "paid", "available")
    } == {
        "id": appropriation.pk,
        "year": 2026,
        "line": "services",
        "amount": "10000.00",
        "committed": "300.00",
        "paid": "120.50",
        "available": "9700.00",
    }


def test_missing_and_other_areas_appropriation_are_the_same_404(
    api, api_client_for, other_finance_user, finance_user
):
    appropriation = make_appropriation(finance_user)
    other = api_client_for(other_finance_user)
    for client, url in [
        (other, f"/api/v1/appropriations/{appropriation.pk}"),
        (api, "/api/v1/appropriations/999999"),
        (api, "/api/v1/appropriations/99999999999999999999999"),
        (api, "/api/v1/commitments/0"),
    ]:
        response = client.get(url)
        assert response.status_code == 404
        assert response.json()["error"] == "not_found"
    response = post(
        other,
        f"/api/v1/appropriations/{appropriation.pk}/commitments",
        {"amount": "1.00", "description": "X"},
    )
    assert response.status_code == 404


def test_commitment_201_then_409_with_the_shortfall(api, finance_user):
    appropriation = make_appropriation(finance_user, "500.00")
    url = f"/api/v1/appropriations/{appropriation.pk}/commitments"
    first = post(api, url, {"amount": "300.00", "description": "Työnhakuvalmennus"})
    assert first.status_code == 201
    assert first.json()["committed"] == "300.00"
    assert isinstance(first.json()["id"], int)
    second = post(api, url, {"amount": "300.00", "description": "Toinen"})
    assert second.status_code == 409
    assert second.json() == {
        "error": "conflict",
        "detail": "Määräraha ei riitä: käytettävissä 200,00 €, pyydetty 300,00 €, vaje 100,00 €.",
    }
    assert api.get(f"/api/v1/appropriations/{appropriation.pk}").json()["available"] == "200.00"


@pytest.mark.parametrize(
    "amount", ["-5", "abc", "1e9999", "1.001", "0", "", 1.5, None, {"x": 1}, [1], True, "Infinity"]
)
def test_commitment_bad_amount_is_400_never_500(api, finance_user, amount):
    appropriation = make_appropriation(finance_user, "500.00")
    response = post(
        api,
        f"/api/v1/appropriations/{appropriation.pk}/commitments",
        {"amount": amount, "description": "X"},
    )
    assert response.status_code == 400
    assert response.json()["detail"]
    assert LedgerEntry.objects.count() == 0


def test_commitment_accepts_whole_euros_as_a_json_integer(api, finance_user):
    appropriation = make_appropriation(finance_user, "500.00")
    response = post(
        api,
        f"/api/v1/appropriations/{appropriation.pk}/commitments",
        {"amount": 300, "description": "X", "source_type": "service_order", "source_id": "SO-1"},
    )
    assert response.status_code == 201
    assert response.json()["source_id"] == "SO-1"


def test_malformed_json_is_400(api, finance_user):
    appropriation = make_appropriation(finance_user, "500.00")
    response = api.post(
        f"/api/v1/appropriations/{appropriation.pk}/commitments",
        data="{not json",
        content_type="application/json",
    )
    assert response.status_code == 400


def test_payment_release_entries_and_amendment_endpoints(api, finance_user):
    appropriation = make_appropriation(finance_user, "1000.00")
    commitment = post(
        api,
        f"/api/v1/appropriations/{appropriation.pk}/commitments",
        {"amount": "800.00", "description": "Kurssi"},
    ).json()
    paid = post(api, f"/api/v1/commitments/{commitment['id']}/payments", {"amount": "500.00"})
    assert paid.status_code == 201
    assert paid.json()["kind"] == "payment"
    too_much = post(api, f"/api/v1/commitments/{commitment['id']}/payments", {"amount": "300.01"})
    assert too_much.status_code == 409
    released = post(
        api, f"/api/v1/commitments/{commitment['id']}/releases", {"reason": "completed"}
    )
    assert released.status_code == 201
    assert released.json()["amount"] == "300.00"
    assert api.get(f"/api/v1/commitments/{commitment['id']}").json()["unpaid"] == "0.00"
    entries = api.get(f"/api/v1/appropriations/{appropriation.pk}/entries").json()
    assert [e["kind"] for e in entries] == ["commitment", "payment", "release"]
    cut = post(api, f"/api/v1/appropriations/{appropriation.pk}/amendments", {"amount": "-600.00"})
    assert cut.status_code == 409
    raise_ = post(
        api,
        f"/api/v1/appropriations/{appropriation.pk}/amendments",
        {"amount": "250.00", "reference": "§ 40"},
    )
    assert raise_.status_code == 201
    body = api.get(f"/api/v1/appropriations/{appropriation.pk}").json()
    assert (body["amount"], body["available"]) == ("1250.00", "750.00")


def test_lists_of_lines_appropriations_and_schemes(api, finance_user):
    make_appropriation(finance_user, "10.00", year=2025)
    make_appropriation(finance_user, "20.00", year=2026)
    assert {line["code"] for line in api.get("/api/v1/budget-lines").json()} == {
        "services",
        "grants",
    }
    assert [a["amount"] for a in api.get("/api/v1/appropriations", {"year": 2026}).json()] == [
        "20.00"
    ]
    schemes = {s["code"]: s for s in api.get("/api/v1/grant-schemes").json()}
    assert schemes["nuorten-tyollistamisseteli"]["envelope"] == "242000.00"
    assert schemes["nuorten-tyollistamisseteli"]["first_come"] is True


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_api_permissions_by_role(make_user, api_client_for, finance_user, role):
    appropriation = make_appropriation(finance_user, "1000.00")
    commitment = services.commitment_create(
        actor=finance_user, appropriation=appropriation, amount="100.00", description="X"
    )
    client = api_client_for(api_user(make_user, role))
    reads = [
        "/api/v1/budget-lines",
        "/api/v1/appropriations",
        f"/api/v1/appropriations/{appropriation.pk}",
        f"/api/v1/appropriations/{appropriation.pk}/entries",
        f"/api/v1/commitments/{commitment.pk}",
        "/api/v1/grant-schemes",
    ]
    for url in reads:
        expected = 200 if role in READERS else 404
        assert client.get(url).status_code == expected, url
    writes = [
        ("/api/v1/appropriations", {"year": 2026, "line": "grants", "name": "X", "amount": "5"}),
        (f"/api/v1/appropriations/{appropriation.pk}/amendments", {"amount": "5"}),
        (
            f"/api/v1/appropriations/{appropriation.pk}/commitments",
            {"amount": "5", "description": "X"},
        ),
        (f"/api/v1/commitments/{commitment.pk}/payments", {"amount": "5"}),
        (f"/api/v1/commitments/{commitment.pk}/releases", {"amount": "5"}),
    ]
    for url, body in writes:
        response = post(client, url, body)
        expected = 201 if role in WRITERS else 404
        assert response.status_code == expected, url
        if expected == 404:
            assert response.json()["error"] == "not_found"


def test_api_without_token_is_401(finance_user):
    appropriation = make_appropriation(finance_user)
    assert Client().get(f"/api/v1/appropriations/{appropriation.pk}").status_code == 401
    assert appropriation.available == Decimal("10000.00")


def test_finance_endpoints_are_in_the_openapi_schema(api):
    paths = api.get("/api/v1/openapi.json").json()["paths"]
    assert {
        "/api/v1/appropriations",
        "/api/v1/appropriations/{id}",
        "/api/v1/appropriations/{id}/commitments",
    } <= set(paths)
