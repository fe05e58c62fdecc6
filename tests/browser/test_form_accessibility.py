"""Forms for screen-reader and keyboard users, in headless Chromium: help texts are tied to
their inputs, a refused submit takes focus to the error summary, the scrollable audit table is
reachable by keyboard, and the accessibility statement is linked from every page. axe-core
(WCAG 2.1 AA) finds nothing serious or critical on any of them."""

import pytest

from kohtaanto.accounts.models import Role
from kohtaanto.accounts.tests.factories import UserFactory
from tests.browser.support import axe_serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Every aria-describedby id that points nowhere, and every help text no input points to.
BROKEN_REFERENCES = """() => {
  const dangling = [];
  document.querySelectorAll("[aria-describedby]").forEach((el) => {
    el.getAttribute("aria-describedby").split(/\\s+/).filter(Boolean).forEach((id) => {
      if (!document.getElementById(id)) { dangling.push(el.id + " -> " + id); }
    });
  });
  const unread = [];
  document.querySelectorAll(".field .help[id]").forEach((help) => {
    const reader = document.querySelector('[aria-describedby~="' + help.id + '"]');
    if (!reader) { unread.push(help.id); }
  });
  return {dangling, unread};
}"""


def _login(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Käyttäjätunnus").fill(username)
    page.get_by_label("Salasana").fill("Testi-salasana-123")
    page.get_by_label("Salasana").press("Enter")
    page.wait_for_url(f"{live_server.url}/")


def test_help_texts_are_read_with_their_inputs(page, live_server, area):
    UserFactory(username="apu", role=Role.COUNSELLOR, employment_area=area)
    _login(page, live_server, "apu")
    page.goto(f"{live_server.url}/jobseekers/new/")
    assert page.locator(".field .help[id]").count() >= 2
    assert page.evaluate(BROKEN_REFERENCES) == {"dangling": [], "unread": []}
    described = page.get_by_label("Henkilötunnus").get_attribute("aria-describedby")
    help_text = page.locator(f"#{described}").inner_text()
    assert "Tallennetaan salattuna" in help_text


def test_refused_submit_moves_focus_to_the_error_summary(page, live_server, area):
    UserFactory(username="virhe", role=Role.COUNSELLOR, employment_area=area)
    _login(page, live_server, "virhe")
    page.goto(f"{live_server.url}/jobseekers/new/")
    page.get_by_label("Sukunimi").fill("Virheellinen")
    page.get_by_label("Syntymäaika").fill("2099-01-01")
    page.get_by_role("button", name="Tallenna").click()
    page.wait_for_load_state()
    summary = page.locator("[data-error-summary]")
    assert summary.get_attribute("role") == "alert"
    assert summary.get_attribute("tabindex") == "-1"
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    text = summary.inner_text()
    assert "Etunimi" in text and "Syntymäaika" in text
    assert "1.1.2099 on tulevaisuudessa" in text
    # The field keeps both its help text (if any) and its error in what is read out.
    birth = page.get_by_label("Syntymäaika")
    assert birth.get_attribute("aria-invalid") == "true"
    assert "id_birth_date_error" in birth.get_attribute("aria-describedby").split()
    assert page.evaluate(BROKEN_REFERENCES) == {"dangling": [], "unread": []}
    # Each line of the summary takes the reader to its field.
    summary.get_by_role("link", name="Syntymäaika").click()
    assert page.evaluate("document.activeElement.id") == "id_birth_date"
    assert axe_serious_violations(page) == []


def test_audit_table_is_reachable_by_keyboard(page, live_server, area):
    UserFactory(username="tarkastaja", role=Role.AUDITOR, employment_area=area)
    _login(page, live_server, "tarkastaja")
    page.goto(f"{live_server.url}/audit/")
    region = page.get_by_role("region", name="Tapahtumat")
    assert region.get_attribute("tabindex") == "0"
    region.focus()
    assert page.evaluate("document.activeElement.classList.contains('table-wrap')")
    assert axe_serious_violations(page) == []


def test_accessibility_statement_is_linked_from_the_footer(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_role("contentinfo").get_by_role("link", name="Saavutettavuusseloste").click()
    page.wait_for_url(f"{live_server.url}/saavutettavuus/")
    assert page.get_by_role("heading", level=1).inner_text() == "Saavutettavuusseloste"
    assert page.get_by_role("heading", name="Valvontaviranomainen").is_visible()
    assert axe_serious_violations(page) == []
