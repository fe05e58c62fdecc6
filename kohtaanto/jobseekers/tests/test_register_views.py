import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kohtaanto.accounts.models import Role
from kohtaanto.audit.models import AccessLogEntry, AuditEvent
from kohtaanto.jobseekers.identity import identity_code_decrypt
from kohtaanto.jobseekers.models import JobSeeker
from kohtaanto.jobseekers.services.register import job_seeker_update
from kohtaanto.jobseekers.tests.factories import (
    JobSeekerFactory,
    ParticipationFactory,
    identity_code_for,
)

BORN = datetime.date(1988, 2, 29)
FIXTURE_BORN = datetime.date(1990, 5, 17)  # JobSeekerFactory's birth date


def test_list_runs_a_constant_number_of_queries(client_as, counsellor, kokkola):
    client = client_as(counsellor)

    def make(n):
        for _ in range(n):
            person = JobSeekerFactory(municipality=kokkola)
            person.counsellors.add(counsellor)
            ParticipationFactory(job_seeker=person)

    make(2)
    client.get("/jobseekers/")  # the first request of a session warms caches
    with CaptureQueriesContext(connection) as few:
        assert client.get("/jobseekers/").status_code == 200
    make(10)
    with CaptureQueriesContext(connection) as many:
        assert client.get("/jobseekers/").status_code == 200
    assert len(many) == len(few)


def test_list_logs_who_saw_which_people(client_as, job_seeker, counsellor):
    client_as(counsellor).get("/jobseekers/", {"q": "Aino"})
    entry = AccessLogEntry.objects.get(what="job_seeker_list")
    assert entry.actor == counsellor
    assert str(job_seeker.pk) in entry.reason
    assert "q=Aino" in entry.path


def test_list_search_by_name_and_by_identity_code(client_as, job_seeker, counsellor):
    code = identity_code_for(FIXTURE_BORN, 944)
    job_seeker_update(actor=counsellor, job_seeker=job_seeker, identity_code=code)
    other = JobSeekerFactory(first_name="Eero", last_name="Muu")
    other.counsellors.add(counsellor)
    client = client_as(counsellor)
    body = client.get("/jobseekers/", {"q": "esimerk"}).content.decode()
    assert "Aino Esimerkki" in body and "Eero Muu" not in body
    body = client.get("/jobseekers/", {"q": code}).content.decode()
    assert "Aino Esimerkki" in body and "Eero Muu" not in body
    # The same digits with another century sign are another person.
    other_sign = code[:6] + "Y" + code[7:]
    assert "Aino Esimerkki" not in client.get("/jobseekers/", {"q": other_sign}).content.decode()


def test_list_filters_by_participation(client_as, job_seeker, counsellor):
    ParticipationFactory(job_seeker=job_seeker)
    body = client_as(counsellor).get("/jobseekers/", {"participation": "none"}).content.decode()
    assert "Aino Esimerkki" not in body
    body = client_as(counsellor).get("/jobseekers/", {"participation": "active"}).content.decode()
    assert "Aino Esimerkki" in body


def test_counsellor_registers_client_and_becomes_their_counsellor(client_as, counsellor, kokkola):
    response = client_as(counsellor).post(
        "/jobseekers/new/",
        {
            "first_name": "Ville",
            "last_name": "Hitsari",
            "municipality": kokkola.pk,
            "preferred_language": "fi",
            "gender": "man",
            "birth_date": "1985-06-01",
        },
    )
    person = JobSeeker.objects.get(last_name="Hitsari")
    assert response.status_code == 302
    assert response["Location"] == f"/jobseekers/{person.pk}/"
    assert list(person.counsellors.all()) == [counsellor]
    assert AuditEvent.objects.filter(action="job_seeker.create", actor=counsellor).exists()


def test_create_suggests_birth_date_from_code_and_saves_only_after_confirmation(
    client_as, counsellor
):
    code = identity_code_for(BORN, 944, sign="X")
    data = {
        "first_name": "Ville",
        "last_name": "Hitsari",
        "preferred_language": "fi",
        "identity_code": code,
    }
    client = client_as(counsellor)
    first = client.post("/jobseekers/new/", data)
    assert first.status_code == 200
    assert not JobSeeker.objects.exists()
    body = first.content.decode()
    assert 'value="1988-02-29"' in body
    assert "ehdotettu henkilötunnuksen perusteella" in body
    second = client.post("/jobseekers/new/", {**data, "birth_date": "1988-02-29", "checked": "1"})
    assert second.status_code == 302
    person = JobSeeker.objects.get()
    assert person.birth_date == BORN
    assert identity_code_decrypt(person.identity_code_encrypted) == code
    assert person.gender == ""


def test_create_shows_invalid_code_and_duplicate_as_field_errors(client_as, counsellor, job_seeker):
    client = client_as(counsellor)
    data = {"first_name": "V", "last_name": "H", "preferred_language": "fi"}
    bad = client.post("/jobseekers/new/", {**data, "identity_code": "170590-944X"})
    assert bad.status_code == 400
    assert "Henkilötunnus ei ole kelvollinen" in bad.content.decode()
    code = identity_code_for(FIXTURE_BORN, 944)
    job_seeker_update(actor=counsellor, job_seeker=job_seeker, identity_code=code)
    dup = client.post(
        "/jobseekers/new/", {**data, "identity_code": code, "birth_date": "1990-05-17"}
    )
    assert dup.status_code == 400
    assert "Samalla henkilötunnuksella on jo rekisteröity asiakas" in dup.content.decode()
    assert JobSeeker.objects.count() == 1


@pytest.mark.parametrize("role", [Role.AUDITOR, Role.BUSINESS_ADVISOR, Role.FINANCE])
def test_create_refused_for_other_roles(client_as, role):
    client = client_as(role)
    assert client.get("/jobseekers/new/").status_code == 404
    assert client.post("/jobseekers/new/", {"first_name": "A", "last_name": "B"}).status_code == 404
    assert not JobSeeker.objects.exists()


def test_partner_cannot_create(client_as, partner_user):
    assert client_as(partner_user).post("/jobseekers/new/", {"first_name": "A"}).status_code == 404


def test_edit_rectifies_with_old_and_new_in_audit(client_as, counsellor, job_seeker, kokkola):
    response = client_as(counsellor).post(
        f"/jobseekers/{job_seeker.pk}/edit/",
        {
            "first_name": "Aino",
            "last_name": "Korjattu",
            "municipality": kokkola.pk,
            "preferred_language": "sv",
            "status": "active",
            "birth_date": "1990-05-17",
            "gender": "woman",
        },
    )
    assert response.status_code == 302
    job_seeker.refresh_from_db()
    assert job_seeker.last_name == "Korjattu"
    event = AuditEvent.objects.get(action="job_seeker.update")
    assert event.changes["last_name"] == ["Esimerkki", "Korjattu"]
    assert event.changes["preferred_language"] == ["fi", "sv"]


def test_edit_refused_for_auditor_and_other_counsellor(client_as, job_seeker, other_counsellor):
    for client in (client_as(Role.AUDITOR), client_as(other_counsellor)):
        assert (
            client.post(f"/jobseekers/{job_seeker.pk}/edit/", {"last_name": "X"}).status_code == 404
        )
    job_seeker.refresh_from_db()
    assert job_seeker.last_name == "Esimerkki"


def test_identity_code_shown_only_by_explicit_post_and_logged(client_as, counsellor, job_seeker):
    code = identity_code_for(FIXTURE_BORN, 944)
    job_seeker_update(actor=counsellor, job_seeker=job_seeker, identity_code=code)
    client = client_as(counsellor)
    detail = client.get(f"/jobseekers/{job_seeker.pk}/").content.decode()
    assert code not in detail
    assert "Näytä henkilötunnus" in detail
    url = f"/jobseekers/{job_seeker.pk}/identity-code/"
    assert client.get(url).status_code == 405
    page = client.post(url)
    assert code in page.content.decode()
    partial = client.post(url, headers={"HX-Request": "true"})
    assert code in partial.content.decode()
    assert "<html" not in partial.content.decode()
    assert AccessLogEntry.objects.filter(what="identity_code", actor=counsellor).count() == 2


@pytest.mark.parametrize(
    "who", ["auditor", "partner_with_consent", "business_advisor", "other_counsellor", "finance"]
)
def test_identity_code_never_shown_to_others(world, who):
    from django.test import Client

    person = world["person"]
    job_seeker_update(
        actor=None, job_seeker=person, identity_code=identity_code_for(FIXTURE_BORN, 944)
    )
    client = Client()
    client.force_login(world["users"][who])
    assert client.post(f"/jobseekers/{person.pk}/identity-code/").status_code == 404
    assert not AccessLogEntry.objects.filter(what="identity_code").exists()


def test_counsellor_shares_client_with_another_counsellor(
    client_as, counsellor, job_seeker, other_counsellor
):
    response = client_as(counsellor).post(
        f"/jobseekers/{job_seeker.pk}/counsellors/",
        {"counsellors": [counsellor.pk, other_counsellor.pk]},
    )
    assert response.status_code == 302
    assert set(job_seeker.counsellors.all()) == {counsellor, other_counsellor}
    assert AuditEvent.objects.filter(action="job_seeker.set_counsellors").exists()
    assert client_as(other_counsellor).get(f"/jobseekers/{job_seeker.pk}/").status_code == 200


def test_export_downloads_all_data_and_is_logged(client_as, counsellor, job_seeker):
    job_seeker_update(
        actor=counsellor,
        job_seeker=job_seeker,
        identity_code=identity_code_for(datetime.date(1990, 5, 17), 944),
    )
    ParticipationFactory(job_seeker=job_seeker)
    response = client_as(counsellor).get(f"/jobseekers/{job_seeker.pk}/export/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["person"]["last_name"] == "Esimerkki"
    assert data["person"]["identity_code"].startswith("170590")
    assert len(data["participations"]) == 1
    assert AccessLogEntry.objects.filter(what="data_export", actor=counsellor).exists()


def test_pseudonymise_now_by_coordinator(client_as, coordinator, job_seeker):
    ParticipationFactory(job_seeker=job_seeker)
    client = client_as(coordinator)
    refused = client.post(f"/jobseekers/{job_seeker.pk}/pseudonymise/", {"reason": "pyyntö"})
    assert refused.status_code == 400
    response = client.post(
        f"/jobseekers/{job_seeker.pk}/pseudonymise/", {"reason": "pyyntö", "confirm": "on"}
    )
    assert response.status_code == 302
    job_seeker.refresh_from_db()
    assert job_seeker.pseudonymised_at is not None
    assert job_seeker.first_name == ""
    assert "Pseudonymisoitu henkilö" in client.get(f"/jobseekers/{job_seeker.pk}/").content.decode()


def test_pseudonymise_refused_for_counsellor(client_as, counsellor, job_seeker):
    response = client_as(counsellor).post(
        f"/jobseekers/{job_seeker.pk}/pseudonymise/", {"reason": "x", "confirm": "on"}
    )
    assert response.status_code == 404
    job_seeker.refresh_from_db()
    assert job_seeker.pseudonymised_at is None


def test_pages_in_swedish_and_english(client_as, counsellor, job_seeker):
    client = client_as(counsellor)
    client.cookies["django_language"] = "sv"
    assert "Kompetensprofil" in client.get(f"/jobseekers/{job_seeker.pk}/profile/").content.decode()
    client.cookies["django_language"] = "en"
    assert "Skills profile" in client.get(f"/jobseekers/{job_seeker.pk}/profile/").content.decode()
