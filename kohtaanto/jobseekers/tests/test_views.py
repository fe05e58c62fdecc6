"""Every page of the app for every role: allowed pages show the data and log the read,
everything else is the same 404 as a missing person."""

import pytest
from django.test import Client

from kohtaanto.audit.models import AccessLogEntry

ROLES = [
    "coordinator",
    "own_counsellor",
    "other_counsellor",
    "auditor",
    "partner_with_consent",
    "partner_without_consent",
    "business_advisor",
    "finance",
    "other_area_coordinator",
]
CARERS = {"coordinator", "own_counsellor"}
RECORD = CARERS | {"auditor"}
SHARED = RECORD | {"partner_with_consent", "business_advisor"}

# page → (who may open it, what the access log records)
PAGES = {
    "": (SHARED, "basic_data"),
    "consents/": (RECORD, "consents"),
    "participation/": (RECORD, "participation"),
    "profile/": (SHARED, "profile"),
    "plan/": (RECORD, "plan"),
    "timeline/": (RECORD, "timeline"),
    "edit/": (CARERS, "basic_data"),
    "export/": (CARERS, "data_export"),
    "participation/enter/": (CARERS, None),
    "profile/cv/": (CARERS, None),
    "pseudonymise/": ({"coordinator"}, None),
}


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("page", sorted(PAGES))
@pytest.mark.parametrize("who", ROLES)
def test_person_pages_by_role(world, who, page):
    allowed, logged = PAGES[page]
    user = world["users"][who]
    person = world["person"]
    response = _client(user).get(f"/jobseekers/{person.pk}/{page}")
    if who in allowed:
        assert response.status_code == 200
        if logged:
            assert AccessLogEntry.objects.filter(
                actor=user, what=logged, subject_id=str(person.pk)
            ).exists()
    else:
        assert response.status_code == 404
        assert not AccessLogEntry.objects.filter(actor=user).exists()


@pytest.mark.parametrize("page", sorted(PAGES))
def test_missing_person_is_the_same_404(world, page):
    response = _client(world["users"]["coordinator"]).get(f"/jobseekers/999999/{page}")
    assert response.status_code == 404


@pytest.mark.parametrize("who", ROLES)
def test_list_and_worklist_by_role(world, who):
    user = world["users"][who]
    client = _client(user)
    lst = client.get("/jobseekers/")
    if who == "finance":
        assert lst.status_code == 404
    else:
        assert lst.status_code == 200
        shown = "Aino Esimerkki" in lst.content.decode()
        assert shown is (who in SHARED)
    work = client.get("/jobseekers/worklist/")
    assert work.status_code == (
        200
        if who in ("coordinator", "own_counsellor", "other_counsellor", "other_area_coordinator")
        else 404
    )
    summary = client.get("/jobseekers/summary/")
    assert summary.status_code == (
        200 if who in ("coordinator", "auditor", "other_area_coordinator") else 404
    )


def test_partner_sees_profile_and_contact_but_no_record(world):
    person = world["person"]
    person.email = "aino@example.fi"
    person.save(update_fields=["email"])
    body = (
        _client(world["users"]["partner_with_consent"])
        .get(f"/jobseekers/{person.pk}/")
        .content.decode()
    )
    assert "aino@example.fi" in body
    assert "Näytä henkilötunnus" not in body
    assert "/participation/" not in body
    assert "Syntymäaika" not in body


def test_business_advisor_sees_no_contact_details(world):
    person = world["person"]
    person.email = "aino@example.fi"
    person.save(update_fields=["email"])
    body = (
        _client(world["users"]["business_advisor"])
        .get(f"/jobseekers/{person.pk}/")
        .content.decode()
    )
    assert "Aino Esimerkki" in body
    assert "aino@example.fi" not in body


def test_auditor_sees_participation_but_not_art9_answers(world):
    person = world["person"]
    auditor_body = (
        _client(world["users"]["auditor"])
        .get(f"/jobseekers/{person.pk}/participation/")
        .content.decode()
    )
    counsellor_body = (
        _client(world["users"]["own_counsellor"])
        .get(f"/jobseekers/{person.pk}/participation/")
        .content.decode()
    )
    assert "Vamma tai pitkäaikaissairaus" not in auditor_body
    assert "Vamma tai pitkäaikaissairaus" in counsellor_body
    assert not AccessLogEntry.objects.filter(
        actor=world["users"]["auditor"], what="special_category"
    ).exists()
    assert AccessLogEntry.objects.filter(
        actor=world["users"]["own_counsellor"], what="special_category"
    ).exists()


def test_auditor_sees_art9_only_as_totals(world):
    body = _client(world["users"]["auditor"]).get("/jobseekers/summary/").content.decode()
    assert "Vamma tai pitkäaikaissairaus" in body
    assert '<td class="num">1</td>' in body
