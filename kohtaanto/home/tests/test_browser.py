"""Each role in headless Chromium: logs in, reads live figures on its home page, uses the
header search; the compact header on a 390 px phone. Checked with axe-core (WCAG 2.1 AA).

Screenshots go to $KOHTAANTO_SCREENSHOTS when set (else the test's temporary folder); the
README's pictures come from the demo data through docs/screenshots/capture.py.
"""

import datetime
import os
import re
from pathlib import Path

import pytest

from kohtaanto.accounts.models import PartnerOrganisation, Role
from kohtaanto.accounts.tests.factories import UserFactory
from kohtaanto.jobseekers.tests.factories import JobSeekerFactory
from kohtaanto.taxonomy.tests.factories import ConceptFactory
from tests.browser.support import axe_serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "Testi-salasana-123"
# A count or an amount, or a dash where a figure cannot be computed (the note says why).
FIGURE = re.compile(r"^(-?[\d\s\u00a0\u202f.,]+( €)?|–)$")


def _shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("KOHTAANTO_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _login(page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Käyttäjätunnus").fill(username)
    password = page.get_by_label("Salasana")
    password.fill(PASSWORD)
    password.press("Enter")  # the first submit button of the page is the language switch
    page.wait_for_url(f"{base}/")


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_role_reads_live_figures_on_home_and_searches_from_the_header(
    page, live_server, area, role, tmp_path
):
    partner = PartnerOrganisation.objects.first() if role == Role.PARTNER else None
    user = UserFactory(
        username=f"home-{role}", role=role, employment_area=area, partner_organisation=partner
    )
    client = JobSeekerFactory(first_name="Helmi", last_name="Hakuniemi")
    if role == Role.COUNSELLOR:
        client.counsellors.add(user)
    ConceptFactory(fi="hakuniemen menetelmä", en="hakuniemi method")

    _login(page, live_server.url, user.username)

    assert page.title() == "Etusivu – Kohtaanto"
    values = page.locator(".figure-value").all_inner_texts()
    assert values and all(FIGURE.match(v.strip()) for v in values), values
    if role == Role.COUNSELLOR:
        active = page.locator(".figure", has_text="Aktiiviset asiakkaasi")
        assert active.locator(".figure-value").inner_text().strip() == "1"
    assert page.locator("figure.chart").count() >= 1
    assert (
        page.locator("table.chart-table").count()
        + page.locator("figure.chart", has_text="Ei lukuja vielä.").count()
        >= page.locator("figure.chart").count()
    )
    assert axe_serious_violations(page) == []
    page.screenshot(path=_shots(tmp_path) / f"test-{role}-home.png", full_page=True)

    search = page.get_by_role(
        "searchbox", name="Hae henkilöitä, yrityksiä, työpaikkoja ja osaamisia"
    )
    search.fill("hakuniem")
    search.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=hakuniem"))
    assert page.title() == "Haku – Kohtaanto"
    concepts = page.get_by_role("region", name=re.compile("Osaamiskäsitteet"))
    assert "hakuniemen menetelmä" in concepts.inner_text()
    people = page.get_by_role("link", name="Hakuniemi, Helmi")
    if role in (Role.COUNSELLOR, Role.COORDINATOR, Role.AUDITOR):
        assert people.count() == 1
    else:
        assert people.count() == 0
    assert axe_serious_violations(page) == []


def test_phone_header_is_compact_and_the_menu_button_opens_navigation(
    browser, live_server, area, tmp_path
):
    user = UserFactory(username="puhelin", role=Role.COORDINATOR, employment_area=area)
    person = JobSeekerFactory(last_name="Puhelinen", birth_date=datetime.date(1990, 1, 1))
    context = browser.new_context(locale="fi-FI", viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        _login(page, live_server.url, user.username)
        header = page.locator(".site-header")
        assert header.bounding_box()["height"] < 80
        nav = page.get_by_role("navigation", name="Päävalikko")
        assert not nav.is_visible()
        button = page.get_by_role("button", name="Valikko")
        assert button.get_attribute("aria-expanded") == "false"
        button.click()
        assert button.get_attribute("aria-expanded") == "true"
        assert nav.is_visible()
        assert page.get_by_role("searchbox").is_visible()
        page.screenshot(path=_shots(tmp_path) / "test-phone-menu.png")
        button.click()
        assert not nav.is_visible()

        page.goto(f"{live_server.url}/jobseekers/{person.pk}/")
        tabs = page.locator(".tabs ul")
        box = tabs.bounding_box()
        first = tabs.locator("li").first.bounding_box()
        assert box["height"] < 2 * first["height"]  # one row that scrolls, not four
        assert tabs.evaluate("el => el.scrollWidth > el.clientWidth")
        assert axe_serious_violations(page) == []
    finally:
        context.close()
