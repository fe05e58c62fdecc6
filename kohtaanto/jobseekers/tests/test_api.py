import datetime

import pytest

from kohtaanto.audit.models import AccessLogEntry, AuditEvent
from kohtaanto.jobseekers.models import (
    Consent,
    JobSeeker,
    LanguageSkill,
    Participation,
    ProfileSkill,
    RequirementCard,
    ServiceEvent,
)
from kohtaanto.jobseekers.services.register import job_seeker_update
from kohtaanto.jobseekers.tests.factories import identity_code_for
from kohtaanto.taxonomy.tests.factories import ConceptFactory, RequirementFactory

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

READS = {
    "": SHARED,
    "/profile": SHARED,
    "/consents": RECORD,
    "/participation": RECORD,
    "/plan": RECORD,
    "/events": RECORD,
    "/timeline": RECORD,
    "/export": CARERS,
}


class _Clients(dict):
    """API clients by role, made when first used (each needs a token)."""

    def __init__(self, users, make):
        super().__init__()
        self.users, self.make = users, make

    def __missing__(self, who):
        self[who] = self.make(self.users[who])
        return self[who]


@pytest.fixture
def api(world, api_client_for):
    return _Clients(world["users"], api_client_for)


@pytest.mark.parametrize("path", sorted(READS))
@pytest.mark.parametrize("who", ROLES)
def test_reads_by_role_and_same_404(world, api, who, path):
    person = world["person"]
    response = api[who].get(f"/api/v1/job-seekers/{person.pk}{path}")
    if who in READS[path]:
        assert response.status_code == 200
        assert AccessLogEntry.objects.filter(actor=world["users"][who]).exists()
    else:
        assert response.status_code == 404
        assert response.json() == {"error": "not_found", "detail": "not found"}
    missing = api[who].get(f"/api/v1/job-seekers/999999{path}")
    assert missing.status_code == 404


@pytest.mark.parametrize("who", ROLES)
def test_list_by_role(world, api, who):
    response = api[who].get("/api/v1/job-seekers")
    if who == "finance":
        assert response.status_code == 404
        return
    ids = [item["id"] for item in response.json()["items"]]
    assert (world["person"].pk in ids) is (who in SHARED)


def test_detail_fields_follow_the_role(world, api):
    person = world["person"]
    full = api["own_counsellor"].get(f"/api/v1/job-seekers/{person.pk}").json()
    partner = api["partner_with_consent"].get(f"/api/v1/job-seekers/{person.pk}").json()
    advisor = api["business_advisor"].get(f"/api/v1/job-seekers/{person.pk}").json()
    assert {"birth_date", "counsellors", "has_identity_code", "email"} <= set(full)
    assert "email" in partner and "birth_date" not in partner and "has_identity_code" not in partner
    assert "email" not in advisor and "birth_date" not in advisor


def test_create_update_and_identity_code_through_api(api_client_for, counsellor, kokkola):
    client = api_client_for(counsellor)
    code = identity_code_for(datetime.date(1979, 12, 24), 912, sign="-")
    response = client.post(
        "/api/v1/job-seekers",
        {
            "first_name": "Pekka",
            "last_name": "Koneistaja",
            "municipality": "272",
            "identity_code": code,
            "birth_date": "1979-12-24",
            "gender": "man",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["counsellors"] == [counsellor.username]
    assert code not in response.content.decode()
    pk = body["id"]
    patched = client.patch(
        f"/api/v1/job-seekers/{pk}", {"phone": "040 555"}, content_type="application/json"
    )
    assert patched.json()["phone"] == "040 555"
    shown = client.post(f"/api/v1/job-seekers/{pk}/identity-code")
    assert shown.json() == {"identity_code": code}
    assert AccessLogEntry.objects.filter(what="identity_code", actor=counsellor).count() == 1
    duplicate = client.post(
        "/api/v1/job-seekers",
        {"first_name": "X", "last_name": "Y", "identity_code": code},
        content_type="application/json",
    )
    assert duplicate.status_code == 409
    assert duplicate.json()["error"] == "duplicate_identity_code"


def test_invalid_create_lists_fields(api_client_for, counsellor):
    response = api_client_for(counsellor).post(
        "/api/v1/job-seekers",
        {"first_name": "", "last_name": "Y", "identity_code": "123", "preferred_language": "de"},
        content_type="application/json",
    )
    assert response.status_code == 400
    fields = {e["field"] for e in response.json()["errors"]}
    assert {"first_name", "identity_code", "preferred_language"} <= fields
    assert not JobSeeker.objects.exists()


@pytest.mark.parametrize(
    "who", ["auditor", "partner_with_consent", "business_advisor", "other_counsellor"]
)
def test_identity_code_and_writes_refused_with_404(world, api, who):
    person = world["person"]
    job_seeker_update(
        actor=None,
        job_seeker=person,
        identity_code=identity_code_for(datetime.date(1990, 5, 17), 913),
    )
    client = api[who]
    assert client.post(f"/api/v1/job-seekers/{person.pk}/identity-code").status_code == 404
    assert (
        client.patch(
            f"/api/v1/job-seekers/{person.pk}", {"last_name": "X"}, content_type="application/json"
        ).status_code
        == 404
    )
    assert (
        client.post(
            f"/api/v1/job-seekers/{person.pk}/consents",
            {"purpose": "processing", "given_on": "2026-03-01"},
            content_type="application/json",
        ).status_code
        == 404
    )
    assert (
        client.post(
            f"/api/v1/job-seekers/{person.pk}/events",
            {"kind": "meeting", "occurred_on": "2026-03-01"},
            content_type="application/json",
        ).status_code
        == 404
    )
    assert not AccessLogEntry.objects.filter(what="identity_code").exists()


def test_auditor_participation_has_no_art9_fields(world, api):
    person = world["person"]
    auditor = api["auditor"].get(f"/api/v1/job-seekers/{person.pk}/participation").json()
    carer = api["own_counsellor"].get(f"/api/v1/job-seekers/{person.pk}/participation").json()
    assert "disability" not in auditor[0]
    assert carer[0]["disability"] == "yes"


def test_participation_lifecycle_through_api(api_client_for, counsellor, job_seeker):
    client = api_client_for(counsellor)
    base = f"/api/v1/job-seekers/{job_seeker.pk}/participation"
    bad = client.post(
        base,
        {
            "entry_date": "2026-03-02",
            "gender": "woman",
            "birth_date": "1990-05-17",
            "labour_market_status": "unemployed",
        },
        content_type="application/json",
    )
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["field"] == "unemployed_since"
    entered = client.post(
        base,
        {
            "entry_date": "2026-03-02",
            "gender": "woman",
            "birth_date": "1990-05-17",
            "labour_market_status": "unemployed",
            "unemployed_since": "2025-06-01",
            "disability": "refused",
        },
        content_type="application/json",
    )
    assert entered.status_code == 201
    pid = entered.json()["id"]
    assert entered.json()["disability"] == "refused"
    exited = client.post(
        f"{base}/{pid}/exit",
        {"exit_date": "2026-04-01", "exit_employed": True},
        content_type="application/json",
    )
    assert exited.json()["follow_up_due_on"] == "2026-10-01"
    again = client.post(
        f"{base}/{pid}/re-entry", {"re_entry_date": "2026-05-01"}, content_type="application/json"
    )
    assert again.json()["exit_date"] is None and again.json()["re_entries"] == ["2026-05-01"]
    assert again.json()["entry_date"] == "2026-03-02"
    assert Participation.objects.count() == 1


def test_referral_needs_consent_through_api(world, api, kpedu, centria):
    person = world["person"]
    client = api["own_counsellor"]
    refused = client.post(
        f"/api/v1/job-seekers/{person.pk}/events",
        {
            "kind": "referral_partner",
            "occurred_on": "2026-03-01",
            "partner_organisation": centria.pk,
        },
        content_type="application/json",
    )
    assert refused.status_code == 409
    assert refused.json()["error"] == "consent_missing"
    ok = client.post(
        f"/api/v1/job-seekers/{person.pk}/events",
        {"kind": "referral_partner", "occurred_on": "2026-03-01", "partner_organisation": kpedu.pk},
        content_type="application/json",
    )
    assert ok.status_code == 201
    assert ServiceEvent.objects.count() == 1


def test_consent_give_and_withdraw_through_api(api_client_for, counsellor, job_seeker, kpedu):
    client = api_client_for(counsellor)
    given = client.post(
        f"/api/v1/job-seekers/{job_seeker.pk}/consents",
        {"purpose": "share_partner", "partner_organisation": kpedu.pk, "given_on": "2026-03-01"},
        content_type="application/json",
    )
    assert given.status_code == 201 and given.json()["valid_today"] is True
    withdrawn = client.post(
        f"/api/v1/job-seekers/{job_seeker.pk}/consents/{given.json()['id']}/withdraw"
    )
    assert withdrawn.json()["valid_today"] is False
    assert Consent.objects.get().withdrawn_on is not None


def test_profile_through_api(api_client_for, counsellor, job_seeker, monkeypatch):
    from kohtaanto.jobseekers.services import cv
    from kohtaanto.jobseekers.tests.test_profile import Extraction, mention

    welding = ConceptFactory(fi="hitsaus", en="welding")
    # The extraction engine itself is exercised in test_profile; here only the API around it.
    monkeypatch.setattr(cv, "_extract", lambda text: Extraction("fi", [mention(welding)]))
    client = api_client_for(counsellor)
    base = f"/api/v1/job-seekers/{job_seeker.pk}/profile"
    added = client.post(
        f"{base}/skills", {"uri": welding.uri, "level": 3}, content_type="application/json"
    )
    assert added.status_code == 201
    assert added.json()["skills"][0]["uri"] == welding.uri
    assert (
        client.post(
            f"{base}/skills", {"uri": welding.uri, "level": 9}, content_type="application/json"
        ).status_code
        == 400
    )
    assert (
        client.post(
            f"{base}/skills", {"uri": "urn:none", "level": 2}, content_type="application/json"
        ).status_code
        == 400
    )
    cv = client.post(
        f"{base}/cv", {"text": "Teen hitsausta työkseni."}, content_type="application/json"
    )
    assert cv.status_code == 201
    doc = cv.json()
    assert [s["uri"] for s in doc["suggestions"]] == [welding.uri]
    skill_id = ProfileSkill.objects.get().pk
    assert client.delete(f"{base}/skills/{skill_id}").status_code == 204
    confirmed = client.post(
        f"{base}/cv/{doc['id']}/confirm",
        {"accepted": [{"concept_id": welding.pk, "level": 2}]},
        content_type="application/json",
    )
    assert confirmed.json()["skills"][0]["source"] == "cv_extracted"
    assert AuditEvent.objects.filter(action="cv.confirm").exists()


def test_cv_confirm_through_api_stores_languages_and_card_dates(
    api_client_for, counsellor, job_seeker, monkeypatch
):
    from kohtaanto.jobseekers.services import cv
    from kohtaanto.jobseekers.tests.test_profile import Extraction, mention

    card = RequirementFactory(fi="trukkikortti", en="forklift licence")
    monkeypatch.setattr(cv, "_extract", lambda text: Extraction("fi", [mention(card)]))
    client = api_client_for(counsellor)
    base = f"/api/v1/job-seekers/{job_seeker.pk}/profile/cv"
    doc = client.post(base, {"text": "Trukkikortti."}, content_type="application/json").json()
    payload = {
        "accepted": [{"concept_id": card.pk, "expires_on": "2027-12-31"}],
        "languages": [{"language": "SV", "level": "native"}, {"language": "en", "level": "D1"}],
    }
    refused = client.post(f"{base}/{doc['id']}/confirm", payload, content_type="application/json")
    assert refused.status_code == 400
    assert "level_en" in refused.content.decode()
    assert not RequirementCard.objects.exists() and not LanguageSkill.objects.exists()
    payload["languages"][1]["level"] = "B2"
    confirmed = client.post(f"{base}/{doc['id']}/confirm", payload, content_type="application/json")
    assert confirmed.status_code == 200
    assert RequirementCard.objects.get().expires_on == datetime.date(2027, 12, 31)
    assert set(LanguageSkill.objects.values_list("language", "level", "is_native")) == {
        ("sv", "C2", True),
        ("en", "B2", False),
    }


def test_worklist_and_pseudonymise_through_api(world, api):
    assert api["own_counsellor"].get("/api/v1/worklist").status_code == 200
    assert api["auditor"].get("/api/v1/worklist").status_code == 404
    person = world["person"]
    assert (
        api["own_counsellor"]
        .post(
            f"/api/v1/job-seekers/{person.pk}/pseudonymise",
            {"reason": "x"},
            content_type="application/json",
        )
        .status_code
        == 404
    )
    done = api["coordinator"].post(
        f"/api/v1/job-seekers/{person.pk}/pseudonymise",
        {"reason": "pyyntö"},
        content_type="application/json",
    )
    assert done.status_code == 200 and done.json()["pseudonymised"] is True


def test_participation_api_declares_the_annex_i_items_once_as_the_rules_do():
    """The API's entry, exit and follow-up schemas are the rules' own items, nothing more or
    less: the answer carries every item of the record, entry and rectification the entry's."""
    import dataclasses

    from kohtaanto.jobseekers.api import participation as api
    from kohtaanto.jobseekers.validation import PARTICIPATION_RECORD_FIELDS, EntryData, ExitData

    entry = {f.name for f in dataclasses.fields(EntryData)}
    assert set(api.EntryIn.model_fields) == entry | {"operation"}
    assert set(api.EntryPatch.model_fields) == entry
    assert set(api.ExitIn.model_fields) == {f.name for f in dataclasses.fields(ExitData)}
    out = set(api.ParticipationOut.model_fields)
    assert set(PARTICIPATION_RECORD_FIELDS) | set(EntryData.SPECIAL_FIELDS) <= out
    assert out - set(PARTICIPATION_RECORD_FIELDS) - set(EntryData.SPECIAL_FIELDS) == {
        "id",
        "operation",
        "follow_up_due_on",
        "re_entries",
    }
