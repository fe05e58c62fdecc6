"""The concept search in headless Chromium: typeahead, keyboard, no JavaScript, accessibility."""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kohtaanto.accounts.models import Role
from kohtaanto.accounts.tests.factories import UserFactory
from kohtaanto.taxonomy.services import vocabulary_load
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, axe_serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """This module's own browser, closed when the module ends: two Playwright sessions may
    not run at once, and tests/browser starts its own for the whole session."""
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(f"Chromium not found at {CHROMIUM}; browser tests skipped")
    sync_api = pytest.importorskip("playwright.sync_api")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    context = chromium.new_context(locale="fi-FI", viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


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


def test_search_works_without_javascript(chromium, live_server, area, vocabulary_dir):
    vocabulary_load(actor=None, folder=vocabulary_dir)
    context = chromium.new_context(locale="fi-FI", java_script_enabled=False)
    plain = context.new_page()
    try:
        log_in(plain, live_server, area)
        plain.goto(f"{live_server.url}/taxonomy/")
        plain.get_by_label("Hae nimellä").fill("trukkikortin")
        plain.get_by_label("Tyyppi").select_option("requirement")
        plain.get_by_role("button", name="Hae", exact=True).click()
        assert plain.locator("#concept-results ol a").all_inner_texts() == ["trukkikortti"]
    finally:
        context.close()
