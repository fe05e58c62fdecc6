import json
from datetime import date

import pytest

from kohtaanto.accounts.models import Role
from kohtaanto.training.models import Agreement, Order

pytestmark = pytest.mark.django_db

BASE = "/api/v1/training"


def post(client, url, body):
    return client.post(url, data=json.dumps(body), content_type="application/json")


def test_agreement_overlap_is_409_naming_the_other_and_saves_nothing(
    api_client_for, coordinator, agreement
):
    response = post(
        api_client_for(coordinator),
        f"{BASE}/providers/{agreement.provider_id}/agreements",
        {
            "title": "Toinen",
            "legal_basis": "in_house",
            "starts_on": "2026-06-01",
            "ends_on": "2026-12-31",
            "ceiling": "1000.00",
        },
    )
    assert response.status_code == 409
    assert "KPEDU palveluhankintasopimus" in response.json()["detail"]
    assert Agreement.objects.count() == 1


def test_programme_create_prices_the_employer_share(
    api_client_for, coordinator, provider, company, skills
):
    response = post(
        api_client_for(coordinator),
        f"{BASE}/providers/{provider.pk}/programmes",
        {
            "name_fi": "CNC-täsmäkoulutus",
            "type": "tasma",
            "days": 20,
            "seats": 8,
            "starts_on": "2026-09-01",
            "ends_on": "2026-10-30",
            "price": "24000.00",
            "company": company.pk,
            "skills": [{"concept": skills[1].pk, "level": 3}],
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["employer_share_percent"] == "40.00"
    assert body["employer_share"] == "9600.00"
    assert body["skills"] == [{"concept": skills[1].pk, "level": 3}]


def test_programme_with_float_price_is_400(api_client_for, coordinator, provider):
    response = post(
        api_client_for(coordinator),
        f"{BASE}/providers/{provider.pk}/programmes",
        {
            "name_fi": "X",
            "type": "other",
            "days": 2,
            "seats": 8,
            "starts_on": "2026-09-01",
            "ends_on": "2026-09-02",
            "price": 100.5,
        },
    )
    assert response.status_code == 400
    assert "Hinta" in response.json()["detail"]


def test_order_past_ceiling_is_409_with_figures(
    api_client_for, coordinator, agreement, appropriations, make_programme
):
    client = api_client_for(coordinator)
    big = make_programme(price="90000.00")
    ok = post(
        client,
        f"{BASE}/programmes/{big.pk}/orders",
        {"agreement": agreement.pk, "ordered_on": "2026-02-01"},
    )
    assert ok.status_code == 201
    assert ok.json()["commitments"].keys() == {"2026"}
    second = make_programme(price="20000.00")
    refused = post(
        client,
        f"{BASE}/programmes/{second.pk}/orders",
        {"agreement": agreement.pk, "ordered_on": "2026-02-01"},
    )
    assert refused.status_code == 409
    assert "ylitys 10 000,00 €" in refused.json()["detail"]
    assert Order.objects.count() == 1


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.AUDITOR, Role.BUSINESS_ADVISOR])
def test_roles_that_may_not_order_get_404(
    api_client_for, make_user, agreement, appropriations, make_programme, role
):
    programme = make_programme()
    response = post(
        api_client_for(make_user(role)),
        f"{BASE}/programmes/{programme.pk}/orders",
        {"agreement": agreement.pk, "ordered_on": "2026-02-01"},
    )
    assert response.status_code == 404
    assert not Order.objects.exists()


def test_partner_lists_only_member_providers_programmes(
    api_client_for, partner_user, member, make_programme
):
    make_programme()
    assert len(api_client_for(member).get(f"{BASE}/programmes").json()) == 1


def test_partner_not_member_sees_no_programme_and_404_on_detail(
    api_client_for, partner_user, make_programme
):
    programme = make_programme()
    client = api_client_for(partner_user)
    assert client.get(f"{BASE}/programmes").json() == []
    assert client.get(f"{BASE}/programmes/{programme.pk}").status_code == 404


def test_enrolment_and_completion_through_the_api(api_client_for, coordinator, make_programme):
    from kohtaanto.jobseekers.models import ConsentPurpose
    from kohtaanto.jobseekers.tests.factories import ConsentFactory, JobSeekerFactory

    person = JobSeekerFactory()
    person.counsellors.add(coordinator)
    ConsentFactory(job_seeker=person, purpose=ConsentPurpose.PROCESSING, given_on=date(2026, 1, 1))
    client = api_client_for(coordinator)
    programme = make_programme()
    created = post(
        client, f"{BASE}/programmes/{programme.pk}/enrolments", {"job_seeker": person.pk}
    )
    assert created.status_code == 201
    enrolment = created.json()
    assert "identity" not in json.dumps(enrolment)
    done = post(
        client,
        f"{BASE}/enrolments/{enrolment['id']}/complete",
        {"on": "2026-05-29", "certificate": "T"},
    )
    assert done.json()["status"] == "completed"
    unknown = post(client, f"{BASE}/enrolments/{enrolment['id']}/promote", {})
    assert unknown.status_code == 404


def test_plan_endpoint_without_gaps_says_so(api_client_for, coordinator, no_gap_source):
    body = api_client_for(coordinator).get(f"{BASE}/plan?budget=1000").json()
    assert body["status"] == "no_gaps"
    assert body["purchases"] == []


def test_plan_endpoint_is_404_for_a_counsellor(api_client_for, counsellor):
    assert api_client_for(counsellor).get(f"{BASE}/plan?budget=1000").status_code == 404
