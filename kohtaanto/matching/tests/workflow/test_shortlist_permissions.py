"""Who sees and changes shortlists, in pages and the API: missing and forbidden answer alike."""

from types import SimpleNamespace
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from kohtaanto.accounts.models import Role
from kohtaanto.matching import shortlists
from kohtaanto.matching.models import CandidateStatus, ShortlistCandidate

NO_SHORTLISTS = [Role.PARTNER, Role.FINANCE]


@pytest.fixture
def listed(make_user: Any, people: SimpleNamespace, vacancy: Any, contact: Any) -> Any:
    coordinator = make_user(Role.COORDINATOR)
    aino = shortlists.candidate_propose(actor=coordinator, vacancy=vacancy, job_seeker=people.aino)
    bertil = shortlists.candidate_propose(
        actor=coordinator, vacancy=vacancy, job_seeker=people.bertil
    )
    return SimpleNamespace(
        coordinator=coordinator,
        shortlist=aino.shortlist,
        aino=aino,
        bertil=bertil,
        vacancy=vacancy,
        contact=contact,
        counsellor=people.counsellor,
    )


def _partner(make_user: Any) -> Any:
    from kohtaanto.accounts.models import PartnerOrganisation

    return make_user(
        Role.PARTNER, partner_organisation=PartnerOrganisation.objects.get(short_name="KPEDU")
    )


def _user(role: str, make_user: Any) -> Any:
    return _partner(make_user) if role == Role.PARTNER else make_user(role)


@pytest.mark.parametrize("role", NO_SHORTLISTS)
def test_partner_and_finance_never_see_shortlists(
    role: str, listed: Any, make_user: Any, client_as: Any, api_client_for: Any
) -> None:
    user = _user(role, make_user)
    client = client_as(user)
    detail = reverse("matching:shortlist_detail", args=[listed.shortlist.pk])
    missing = reverse("matching:shortlist_detail", args=[listed.shortlist.pk + 999])
    assert client.get(detail).status_code == 404
    assert client.get(missing).status_code == 404
    assert client.get(reverse("matching:shortlist_list")).status_code == 404
    assert client.get(reverse("matching:shortlist_statistics")).status_code == 404
    api = api_client_for(user)
    forbidden = api.get(f"/api/v1/matching/shortlists/{listed.shortlist.pk}")
    absent = api.get(f"/api/v1/matching/shortlists/{listed.shortlist.pk + 999}")
    assert forbidden.status_code == absent.status_code == 404
    assert forbidden.json() == absent.json()
    assert api.get("/api/v1/matching/shortlists").status_code == 404


def test_counsellor_sees_only_own_clients_rows(listed: Any, client_as: Any) -> None:
    page = client_as(listed.counsellor).get(
        reverse("matching:shortlist_detail", args=[listed.shortlist.pk])
    )
    text = page.content.decode()
    assert "Aino Asiakas" in text and "Bertil" not in text


def test_counsellor_cannot_decide_for_another_counsellors_client(
    listed: Any, client_as: Any
) -> None:
    client = client_as(listed.counsellor)
    url = reverse("matching:candidate_consent", args=[listed.bertil.pk])
    missing = reverse("matching:candidate_consent", args=[listed.bertil.pk + 999])
    assert client.get(url).status_code == 404
    assert client.get(missing).status_code == 404
    assert client.post(url, {"given_on": str(timezone.localdate())}).status_code == 404
    listed.bertil.refresh_from_db()
    assert listed.bertil.status == CandidateStatus.PROPOSED


def test_advisor_sees_unconsented_people_without_name(
    listed: Any, make_user: Any, client_as: Any
) -> None:
    advisor = make_user(Role.BUSINESS_ADVISOR)
    shortlists.candidate_consent_record(
        actor=listed.counsellor, candidate=listed.aino, given_on=timezone.localdate()
    )
    text = (
        client_as(advisor)
        .get(reverse("matching:shortlist_detail", args=[listed.shortlist.pk]))
        .content.decode()
    )
    assert "Aino Asiakas" in text
    assert "Bertil" not in text
    assert f"Ehdokas {listed.bertil.pk}" in text


def test_advisor_cannot_record_consent(listed: Any, make_user: Any, client_as: Any) -> None:
    client = client_as(make_user(Role.BUSINESS_ADVISOR))
    url = reverse("matching:candidate_consent", args=[listed.aino.pk])
    assert client.post(url, {"given_on": str(timezone.localdate())}).status_code == 404


def test_counsellor_cannot_issue_links(listed: Any, client_as: Any) -> None:
    response = client_as(listed.counsellor).post(
        reverse("matching:shortlist_link", args=[listed.shortlist.pk]),
        {"contact": listed.contact.pk, "language": "fi"},
    )
    assert response.status_code == 404
    listed.shortlist.refresh_from_db()
    assert listed.shortlist.link_nonce == ""


def test_advisor_may_propose_only_people_they_see(
    listed: Any, make_user: Any, client_as: Any
) -> None:
    from kohtaanto.jobseekers.tests.factories import JobSeekerFactory

    stranger = JobSeekerFactory(first_name="Ville")
    client = client_as(make_user(Role.BUSINESS_ADVISOR))
    response = client.post(
        reverse("matching:shortlist_propose", args=[listed.vacancy.pk]),
        {"job_seeker": stranger.pk},
    )
    assert response.status_code == 404
    assert not ShortlistCandidate.objects.filter(job_seeker=stranger).exists()


def test_counsellor_proposes_own_client_from_the_page(
    listed: Any, client_as: Any, company: Any
) -> None:
    from kohtaanto.matching.tests.workflow.conftest import make_vacancy

    other = make_vacancy(company, title="Koneistaja")
    client = client_as(listed.counsellor)
    response = client.post(
        reverse("matching:shortlist_propose", args=[other.pk]),
        {"job_seeker": listed.aino.job_seeker_id},
    )
    assert response.status_code == 302
    assert ShortlistCandidate.objects.filter(
        shortlist__vacancy=other, job_seeker_id=listed.aino.job_seeker_id
    ).exists()
    refused = client.post(
        reverse("matching:shortlist_propose", args=[other.pk]),
        {"job_seeker": listed.bertil.job_seeker_id},
    )
    assert refused.status_code == 404


def test_api_walks_the_workflow_with_page_permissions(
    listed: Any, make_user: Any, api_client_for: Any
) -> None:
    counsellor = api_client_for(listed.counsellor)
    consented = counsellor.post(
        f"/api/v1/matching/candidates/{listed.aino.pk}/consent",
        {"given_on": str(timezone.localdate()), "share_contact": True},
        content_type="application/json",
    )
    assert consented.status_code == 200, consented.content
    assert consented.json()["status"] == CandidateStatus.CONSENTED
    again = counsellor.post(
        f"/api/v1/matching/candidates/{listed.aino.pk}/consent",
        {"given_on": str(timezone.localdate())},
        content_type="application/json",
    )
    assert again.status_code == 409
    foreign = counsellor.post(
        f"/api/v1/matching/candidates/{listed.bertil.pk}/decline",
        content_type="application/json",
    )
    assert foreign.status_code == 404

    advisor = api_client_for(make_user(Role.BUSINESS_ADVISOR))
    link = advisor.post(
        f"/api/v1/matching/shortlists/{listed.shortlist.pk}/link",
        {"contact_id": listed.contact.pk, "language": "en"},
        content_type="application/json",
    )
    assert link.status_code == 200, link.content
    assert "/matching/shortlist/" in link.json()["url"]
    detail = advisor.get(f"/api/v1/matching/shortlists/{listed.shortlist.pk}").json()
    names = {c["name"] for c in detail["candidates"]}
    assert names == {"Aino Asiakas", None}
    assert advisor.get("/api/v1/matching/shortlists/statistics").json()["consented"] == 1
    revoked = advisor.delete(f"/api/v1/matching/shortlists/{listed.shortlist.pk}/link")
    assert revoked.status_code == 204


def test_api_propose_refuses_closed_vacancy_and_unknown_person(
    listed: Any, api_client_for: Any, company: Any
) -> None:
    from kohtaanto.matching.tests.workflow.conftest import make_vacancy

    api = api_client_for(listed.coordinator)
    closed = make_vacancy(company, state="closed", title="Suljettu")
    refused = api.post(
        f"/api/v1/matching/vacancies/{closed.pk}/shortlist/candidates",
        {"job_seeker_id": listed.aino.job_seeker_id},
        content_type="application/json",
    )
    assert refused.status_code == 409
    assert "ei ole avoinna" in refused.json()["detail"]
    unknown = api.post(
        f"/api/v1/matching/vacancies/{listed.vacancy.pk}/shortlist/candidates",
        {"job_seeker_id": 987654},
        content_type="application/json",
    )
    assert unknown.status_code == 404


def test_propose_button_shows_for_who_may_propose(
    people: Any, vacancy: Any, make_user: Any, rf: Any
) -> None:
    from django.template import Context, Template

    template = Template("{% load shortlist_tags %}{% shortlist_propose_button vacancy person %}")

    def render(user: Any) -> str:
        request = rf.get("/")
        request.user = user
        return template.render(
            Context({"request": request, "vacancy": vacancy, "person": people.aino})
        )

    assert "Ehdota lyhytlistalle" in render(people.counsellor)
    assert "Ehdota lyhytlistalle" not in render(people.other_counsellor)
    shortlists.candidate_propose(actor=people.counsellor, vacancy=vacancy, job_seeker=people.aino)
    assert "Lyhytlistalla" in render(people.other_counsellor)
