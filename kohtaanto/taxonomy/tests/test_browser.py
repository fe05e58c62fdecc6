"""The concept search in headless Chromium: typeahead, keyboard, no JavaScript, accessibility."""

import re

import pytest
from playwright.sync_api import expect

from kohtaanto.accounts.models import Role
from kohtaanto.accounts.tests.factories import UserFactory
from kohtaanto.taxonomy.services import vocabulary_load
from tests.browser.support import axe_serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server, area):
    user = UserFactory(username="ohjaaja", role=Role.COUNSELLOR, employment_area=area)
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Käyttäjätunnus").fill(user.username)
    page.get_by_label("Salasana").fill("Testi-salasana-123")
    page.get_by_role("button", name="Kirjaudu", exact=True).click()
    page.wait_for_url(f"{live_server.url}/")


def test_typeahead_finds_an_inflected_form_and_the_keyboard_reaches_the_concept(
    page,
    live_server,
    area,
    vocabulary_dir,
):
    vocabulary_load(actor=None, folder=vocabulary_dir)
    log_in(page, live_server, area)
    page.goto(f"{live_server.url}/taxonomy/")
    assert axe_serious_violations(page) == []

    page.get_by_label("Hae nimellä").press_sequentially("hitsaajana", delay=20)
    first = page.locator("#concept-results ol a").first
    first.wait_for()
    assert first.inner_text() == "hitsaaja"
    assert "hitsaajana" in page.url  # the address follows the search (back button, sharing)
    assert axe_serious_violations(page) == []

    page.get_by_label("Hae nimellä").press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent") == "hitsaaja"
    page.keyboard.press("Enter")
    page.get_by_role("heading", level=1, name="hitsaaja").wait_for()
    assert page.get_by_role("cell", name="svetsare").count() == 1
    assert axe_serious_violations(page) == []


def test_search_works_without_javascript(browser, live_server, area, vocabulary_dir):
    vocabulary_load(actor=None, folder=vocabulary_dir)
    context = browser.new_context(locale="fi-FI", java_script_enabled=False)
    plain = context.new_page()
    try:
        log_in(plain, live_server, area)
        plain.goto(f"{live_server.url}/taxonomy/")
        plain.get_by_label("Hae nimellä").fill("trukkikortin")
        plain.get_by_label("Tyyppi").select_option("requirement")
        plain.locator("main").get_by_role("button", name="Hae", exact=True).click()
        # The click returns once the results page starts loading: wait until it has loaded.
        plain.wait_for_url(re.compile(r"[?&]q=trukkikortin"), wait_until="load")
        expect(plain.locator("#concept-results ol a")).to_have_text(["trukkikortti"])
    finally:
        context.close()
