"""The employers API: same permissions as the pages, clear 400/404/409 answers, audit."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from kohtaanto.accounts.models import Role
from kohtaanto.audit.models import AccessLogEntry, AuditEvent
from kohtaanto.employers.models import Company, CompanyContact, Vacancy
from kohtaanto.employers.services.vacancies import VacancyData, vacancy_create


def _json(client, method, path, body=None):
    response = getattr(client, method)(
        f"/api/v1{path}",
        data=json.dumps(body) if body is not None else None,
        content_type="application/json",
    )
    return response, (response.json() if response.content else None)


@pytest.fixture
def api_as(make_user, api_client_for):
    def make(role, **kwargs):
        if role == Role.PARTNER:
            from kohtaanto.accounts.models import PartnerOrganisation

            kwargs.setdefault("partner_organisation", PartnerOrganisation.objects.first())
        user = make_user(role, **kwargs)
        client = api_client_for(user)
        client.user = user
        return client

    return make


def test_company_list_is_scoped_and_paginated(api_as, company, foreign_company, pilot_company):
    response, body = _json(api_as(Role.COUNSELLOR), "get", "/companies?limit=1")
    assert response.status_code == 200
    assert body["count"] == 2 and len(body["items"]) == 1
    _r, partner = _json(api_as(Role.PARTNER), "get", "/companies")
    assert [c["name"] for c in partner["items"]] == ["Pilotti Oy"]
    assert partner["items"][0]["programme_roles"] == ["pilot_company"]


def test_create_company_normalises_business_id_and_audits(api_as, area):
    client = api_as(Role.BUSINESS_ADVISOR)
    response, body = _json(
        client,
        "post",
        "/companies",
        {
            "business_id": "737546-2",
            "name": "API Oy",
            "municipality": "272",
            "employees": 300,
            "turnover_eur": "60000000.00",
            "programme_roles": ["development_partner"],
        },
    )
    assert response.status_code == 201, body
    assert body["business_id"] == "0737546-2"
    assert body["size_class"] == "large"
    assert body["municipality"] == "272"
    assert body["turnover_eur"] == "60000000.00"
    assert AuditEvent.objects.filter(
        action="company.create", actor_username=client.user.username
    ).exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"business_id": "0737546-3", "name": "X"}, "business_id"),
        (
            {"business_id": "0737546-2", "name": "X", "size_class": "micro", "employees": 60},
            "size_class",
        ),
        ({"business_id": "0737546-2", "name": "X", "municipality": "000"}, "municipality"),
        ({"business_id": "0737546-2", "name": "X", "employees": -1}, "employees"),
        ({"business_id": "0737546-2"}, "name"),
        (
            {"business_id": "0737546-2", "name": "X", "programme_roles": ["sponsor"]},
            "programme_roles",
        ),
    ],
)
def test_bad_company_input_names_the_field(api_as, area, body, field):
    response, answer = _json(api_as(Role.BUSINESS_ADVISOR), "post", "/companies", body)
    assert response.status_code == 400
    assert answer["error"] == "invalid"
    assert field in [e["field"] for e in answer["errors"]]
    assert not Company.objects.exists()


def test_duplicate_company_is_a_conflict(api_as, company):
    response, body = _json(
        api_as(Role.BUSINESS_ADVISOR),
        "post",
        "/companies",
        {"business_id": company.business_id, "name": "X"},
    )
    assert response.status_code == 409 and body["error"] == "conflict"


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.FINANCE, Role.AUDITOR, Role.PARTNER])
def test_readers_cannot_write_through_the_api(api_as, role, company):
    client = api_as(role)
    assert (
        _json(client, "post", "/companies", {"business_id": "0737546-2", "name": "X"})[
            0
        ].status_code
        == 404
    )
    assert _json(client, "patch", f"/companies/{company.pk}", {"name": "X"})[0].status_code == 404
    assert _json(client, "post", f"/companies/{company.pk}/surveys", {})[0].status_code == 404
    company.refresh_from_db()
    assert company.name == "Testikonepaja Oy"


def test_patch_changes_only_given_fields(api_as, company):
    company.programme_roles.create(role="pilot_company")
    response, body = _json(
        api_as(Role.COORDINATOR), "patch", f"/companies/{company.pk}", {"name": "Uusi nimi Oy"}
    )
    assert response.status_code == 200
    assert body["name"] == "Uusi nimi Oy" and body["programme_roles"] == ["pilot_company"]
    assert AuditEvent.objects.get(action="company.update").changes == {
        "name": ["Testikonepaja Oy", "Uusi nimi Oy"]
    }


def test_missing_and_foreign_objects_are_the_same_404(api_as, foreign_company):
    client = api_as(Role.COORDINATOR)
    for path in (
        f"/companies/{foreign_company.pk}",
        "/companies/999999",
        "/vacancies/999999",
        "/surveys/999999",
    ):
        response, body = _json(client, "get", path)
        assert response.status_code == 404 and body["error"] == "not_found"


def test_contacts_by_role_and_logged(api_as, company):
    CompanyContact.objects.create(
        company=company, first_name="A", last_name="Lupa", consent_to_contact=True
    )
    CompanyContact.objects.create(company=company, first_name="B", last_name="Eilupaa")
    _r, advisor = _json(api_as(Role.BUSINESS_ADVISOR), "get", f"/companies/{company.pk}/contacts")
    _r, counsellor = _json(api_as(Role.COUNSELLOR), "get", f"/companies/{company.pk}/contacts")
    _r, finance = _json(api_as(Role.FINANCE), "get", f"/companies/{company.pk}/contacts")
    assert len(advisor) == 2 and [c["last_name"] for c in counsellor] == ["Lupa"] and finance == []
    assert AccessLogEntry.objects.filter(what="company_contact", reason="api").count() == 3


def test_contact_create_and_patch(api_as, company):
    client = api_as(Role.BUSINESS_ADVISOR)
    response, body = _json(
        client,
        "post",
        f"/companies/{company.pk}/contacts",
        {"first_name": "A", "last_name": "B", "email": "bad"},
    )
    assert response.status_code == 400 and body["errors"][0]["field"] == "email"
    response, body = _json(
        client,
        "post",
        f"/companies/{company.pk}/contacts",
        {"first_name": "A", "last_name": "B", "consent_to_contact": True},
    )
    assert response.status_code == 201 and body["consent_to_contact_at"]
    response, body = _json(
        client, "patch", f"/company-contacts/{body['id']}", {"consent_to_contact": False}
    )
    assert response.status_code == 200 and body["consent_to_contact_at"] is None


def test_activity_with_follow_up_and_worklist(api_as, company):
    client = api_as(Role.BUSINESS_ADVISOR)
    response, body = _json(
        client,
        "post",
        f"/companies/{company.pk}/activities",
        {
            "kind": "call",
            "occurred_at": timezone.now().isoformat(),
            "subject": "Puhelu",
            "agreed": "Käynti ensi viikolla",
            "follow_up": {
                "title": "Käynti",
                "due_date": str(timezone.localdate() - timedelta(days=1)),
            },
        },
    )
    assert response.status_code == 201, body
    assert body["participant_ids"] == [client.user.pk]
    _r, worklist = _json(client, "get", "/company-worklist")
    assert [t["title"] for t in worklist["overdue_tasks"]] == ["Käynti"]
    task_id = worklist["overdue_tasks"][0]["id"]
    assert _json(client, "post", f"/company-tasks/{task_id}/complete")[0].status_code == 200
    response, body = _json(client, "post", f"/company-tasks/{task_id}/complete")
    assert response.status_code == 409
    _r, timeline = _json(client, "get", f"/companies/{company.pk}/timeline")
    assert {e["title"] for e in timeline} >= {"Puhelu", "Käynti"}
    assert (
        _json(api_as(Role.COUNSELLOR), "get", f"/companies/{company.pk}/activities")[0].status_code
        == 404
    )


def test_bad_activity_kind_is_refused(api_as, company):
    response, body = _json(
        api_as(Role.BUSINESS_ADVISOR),
        "post",
        f"/companies/{company.pk}/activities",
        {"kind": "party", "occurred_at": timezone.now().isoformat(), "subject": "x"},
    )
    assert response.status_code == 400 and body["errors"][0]["field"] == "kind"


def test_survey_answers_link_and_completion(api_as, company, vocab):
    client = api_as(Role.BUSINESS_ADVISOR)
    response, survey = _json(client, "post", f"/companies/{company.pk}/surveys", {"language": "en"})
    assert response.status_code == 201 and survey["status"] == "draft"
    response, body = _json(
        client,
        "put",
        f"/surveys/{survey['id']}/answers",
        {
            "skill_needs": [{"uri": vocab.welding.uri, "headcount": 3, "horizon": "6-12"}],
            "recruitment_needs": [{"uri": vocab.welder.uri, "count": 2, "horizon": "0-6"}],
            "interest_rekrykoulutus": True,
        },
    )
    assert response.status_code == 200, body
    assert body["skill_needs"] == [
        {
            "uri": vocab.welding.uri,
            "headcount": 3,
            "horizon": "6-12",
            "priority": 2,
            "source": "manual",
        }
    ]
    response, body = _json(
        client,
        "put",
        f"/surveys/{survey['id']}/answers",
        {"skill_needs": [{"uri": vocab.welder.uri, "horizon": "0-6"}]},
    )
    assert response.status_code == 400 and body["errors"][0]["field"] == "skill_needs.0.uri"
    response, body = _json(
        client,
        "put",
        f"/surveys/{survey['id']}/answers",
        {"skill_needs": [{"uri": vocab.welding.uri, "horizon": "1-2"}]},
    )
    assert response.status_code == 400
    response, link = _json(client, "post", f"/surveys/{survey['id']}/link", {"language": "sv"})
    assert (
        response.status_code == 201 and "/companies/survey/" in link["url"] and link["expires_at"]
    )
    assert _json(client, "post", f"/surveys/{survey['id']}/complete")[1]["status"] == "completed"
    assert _json(client, "post", f"/surveys/{survey['id']}/complete")[0].status_code == 409
    assert _json(api_as(Role.AUDITOR), "get", f"/surveys/{survey['id']}")[0].status_code == 200
    assert _json(api_as(Role.COUNSELLOR), "get", f"/surveys/{survey['id']}")[0].status_code == 404


def test_assessments_with_implied_skills(api_as, company, vocab):
    client = api_as(Role.BUSINESS_ADVISOR)
    scores = {
        "strategy": 4,
        "smart_factory": 1,
        "smart_operations": 3,
        "smart_products": 3,
        "data_driven_services": 3,
        "employees": 3,
    }
    response, body = _json(
        client,
        "post",
        f"/companies/{company.pk}/assessments",
        {"assessed_on": str(timezone.localdate()), **scores},
    )
    assert response.status_code == 201, body
    assert body["implied_skills"][0]["dimension"] == "smart_factory"
    assert vocab.plc.uri in body["implied_skills"][0]["skills"]
    response, body = _json(
        client,
        "post",
        f"/companies/{company.pk}/assessments",
        {"assessed_on": str(timezone.localdate()), **scores, "employees": 9},
    )
    assert response.status_code == 400 and body["errors"][0]["field"] == "employees"
    assert len(_json(api_as(Role.AUDITOR), "get", f"/companies/{company.pk}/assessments")[1]) == 1
    assert (
        _json(api_as(Role.FINANCE), "get", f"/companies/{company.pk}/assessments")[0].status_code
        == 404
    )


def test_vacancy_create_transition_and_filters(api_as, company, vocab):
    client = api_as(Role.BUSINESS_ADVISOR)
    payload = {
        "company_id": company.pk,
        "title": "Hitsaaja",
        "occupation": vocab.welder.uri,
        "municipality": "272",
        "positions": 2,
        "wage_min": "2800.00",
        "wage_max": "3200.50",
        "skills": [{"uri": vocab.welding.uri, "essential": True, "level": 2}],
        "requirements": [vocab.hot_work.uri, vocab.clearance.uri],
    }
    response, body = _json(client, "post", "/vacancies", payload)
    assert response.status_code == 201, body
    assert body["state"] == "draft" and body["wage_max"] == "3200.50"
    assert body["requirements"] == [vocab.hot_work.uri, vocab.clearance.uri]
    vacancy_id = body["id"]
    assert (
        _json(client, "post", f"/vacancies/{vacancy_id}/transition", {"state": "filled"})[
            0
        ].status_code
        == 409
    )
    assert (
        _json(client, "post", f"/vacancies/{vacancy_id}/transition", {"state": "open"})[1]["state"]
        == "open"
    )
    _r, listing = _json(api_as(Role.COUNSELLOR), "get", "/vacancies?state=open")
    assert [v["id"] for v in listing["items"]] == [vacancy_id]
    assert _json(api_as(Role.FINANCE), "get", "/vacancies")[0].status_code == 404
    bad = payload | {"wage_min": "4000", "wage_max": "3000"}
    response, body = _json(client, "post", "/vacancies", bad)
    assert response.status_code == 400 and body["errors"][0]["field"] == "wage_max"
    bad = payload | {"requirements": [vocab.welding.uri]}
    assert _json(client, "post", "/vacancies", bad)[1]["errors"][0]["field"] == "requirements.0"
    bad = payload | {"skills": [{"uri": vocab.welding.uri, "level": 5}]}
    assert _json(client, "post", "/vacancies", bad)[0].status_code == 400
    assert Vacancy.objects.count() == 1


def test_vacancy_update_and_readers_cannot(api_as, company, vocab, business_advisor):
    vacancy = vacancy_create(
        actor=business_advisor, company=company, data=VacancyData(title="Vanha")
    )
    client = api_as(Role.BUSINESS_ADVISOR)
    response, body = _json(
        client, "put", f"/vacancies/{vacancy.pk}", {"title": "Uusi", "positions": 3}
    )
    assert response.status_code == 200 and body["title"] == "Uusi" and body["positions"] == 3
    assert (
        _json(api_as(Role.COUNSELLOR), "put", f"/vacancies/{vacancy.pk}", {"title": "X"})[
            0
        ].status_code
        == 404
    )


def test_ad_suggestions_save_nothing(api_as, vocab):
    client = api_as(Role.BUSINESS_ADVISOR)
    response, body = _json(
        client,
        "post",
        "/vacancies/from-ad",
        {"text": "Hitsaaja\nVaatimuksena tulityökortti. Kokemus hitsauksesta."},
    )
    assert response.status_code == 200
    assert body["title"] == "Hitsaaja"
    assert [s["uri"] for s in body["requirements"]] == [vocab.hot_work.uri]
    assert body["requirements"][0]["required"] is True
    assert not Vacancy.objects.exists()
    assert (
        _json(api_as(Role.COUNSELLOR), "post", "/vacancies/from-ad", {"text": "x"})[0].status_code
        == 404
    )


def test_session_authenticated_api_keeps_csrf(client_as, company):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(client_as(Role.BUSINESS_ADVISOR).user)
    response = client.post(
        f"/api/v1/companies/{company.pk}/surveys", data="{}", content_type="application/json"
    )
    assert response.status_code in (401, 403)


def test_staff_list_tasks_and_link_revoke_follow_the_same_rules(api_as, company):
    advisor = api_as(Role.BUSINESS_ADVISOR)
    counsellor = api_as(Role.COUNSELLOR)
    _r, staff = _json(advisor, "get", "/company-staff")
    assert advisor.user.pk in [s["id"] for s in staff]
    assert _json(counsellor, "get", "/company-staff")[0].status_code == 404
    due = str(timezone.localdate())
    response, task = _json(
        advisor, "post", f"/companies/{company.pk}/tasks", {"title": "Soita", "due_date": due}
    )
    assert response.status_code == 201 and task["assignee_id"] == advisor.user.pk
    assert (
        _json(
            counsellor, "post", f"/companies/{company.pk}/tasks", {"title": "x", "due_date": due}
        )[0].status_code
        == 404
    )
    assert _json(counsellor, "post", f"/company-tasks/{task['id']}/complete")[0].status_code == 404
    assert _json(counsellor, "get", f"/companies/{company.pk}/tasks")[0].status_code == 404
    _r, survey = _json(advisor, "post", f"/companies/{company.pk}/surveys", {})
    _json(advisor, "post", f"/surveys/{survey['id']}/link", {"language": "fi"})
    assert (
        _json(api_as(Role.AUDITOR), "post", f"/surveys/{survey['id']}/link/revoke")[0].status_code
        == 404
    )
    assert (
        _json(advisor, "post", f"/surveys/{survey['id']}/link/revoke")[1]["link_expires_at"] is None
    )
    assert len(_json(api_as(Role.AUDITOR), "get", f"/companies/{company.pk}/surveys")[1]) == 1
    assert _json(counsellor, "get", f"/companies/{company.pk}/surveys")[0].status_code == 404
