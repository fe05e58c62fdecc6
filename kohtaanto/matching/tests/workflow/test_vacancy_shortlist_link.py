"""Vacancy → candidates → shortlist: the vacancy page and its candidates page lead to the list."""

import re
from typing import Any

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from kohtaanto.accounts.models import PartnerOrganisation, Role
from kohtaanto.matching import shortlists


def test_vacancy_page_links_to_its_shortlist_once_someone_is_proposed(
    make_user: Any, people: Any, vacancy: Any, client_as: Any
) -> None:
    advisor = make_user(Role.BUSINESS_ADVISOR)
    client = client_as(advisor)
    page = reverse("employers:vacancy_detail", args=[vacancy.pk])
    assert not re.search(r"/shortlists/\d+/", client.get(page).content.decode())
    proposed = shortlists.candidate_propose(
        actor=make_user(Role.COORDINATOR), vacancy=vacancy, job_seeker=people.aino
    )
    link = reverse("matching:shortlist_detail", args=[proposed.shortlist.pk])
    assert link in client.get(page).content.decode()
    candidates = reverse("matching:vacancy-matches", args=[vacancy.pk])
    assert link in client.get(candidates).content.decode()


@pytest.mark.parametrize("role", [Role.PARTNER, Role.FINANCE])
def test_no_shortlist_link_for_who_may_not_see_shortlists(
    role: str, make_user: Any, people: Any, vacancy: Any
) -> None:
    proposed = shortlists.candidate_propose(
        actor=make_user(Role.COORDINATOR), vacancy=vacancy, job_seeker=people.aino
    )
    link = reverse("matching:shortlist_detail", args=[proposed.shortlist.pk])
    extra = {}
    if role == Role.PARTNER:
        extra["partner_organisation"] = PartnerOrganisation.objects.get(short_name="KPEDU")
    template = Template("{% load shortlist_tags %}{% vacancy_shortlist_link vacancy %}")

    def rendered(user: Any) -> str:
        request = RequestFactory().get("/")
        request.user = user
        return template.render(Context({"request": request, "vacancy": vacancy}))

    assert link in rendered(make_user(Role.BUSINESS_ADVISOR))
    assert rendered(make_user(role, **extra)).strip() == ""
