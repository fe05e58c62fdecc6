"""Every page in the main navigation opens for each role that sees it, in Finnish, with no
serious or critical accessibility violation (axe-core, WCAG 2.1 AA)."""

import pytest
from django.test import RequestFactory

from kohtaanto.accounts.models import PartnerOrganisation, Role
from kohtaanto.accounts.tests.factories import UserFactory
from kohtaanto.common.context_processors import navigation
from tests.browser.support import axe_serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _nav_urls(user) -> list[str]:
    request = RequestFactory().get("/")
    request.user = user
    return [item["url"] for item in navigation(request)["nav_items"]]


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_navigation_pages_open_and_are_accessible(page, live_server, area, role):
    partner = PartnerOrganisation.objects.first() if role == Role.PARTNER else None
    user = UserFactory(
        username=f"nav-{role}", role=role, employment_area=area, partner_organisation=partner
    )
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Käyttäjätunnus").fill(user.username)
    page.get_by_label("Salasana").fill("Testi-salasana-123")
    page.get_by_role("button", name="Kirjaudu", exact=True).click()
    page.wait_for_url(f"{live_server.url}/")
    problems = {}
    for url in _nav_urls(user):
        response = page.goto(f"{live_server.url}{url}")
        assert response.status == 200, url
        assert page.locator("html").get_attribute("lang") == "fi"
        assert page.get_by_role("heading", level=1).count() >= 1, url
        violations = axe_serious_violations(page)
        if violations:
            problems[url] = [(v["id"], v["help"]) for v in violations]
    assert problems == {}
