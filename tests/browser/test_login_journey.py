import pytest

from kohtaanto.accounts.models import Role
from kohtaanto.accounts.tests.factories import UserFactory
from tests.browser.support import axe_serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/")
    page.get_by_label("Käyttäjätunnus").fill(username)
    page.get_by_label("Salasana").fill("Testi-salasana-123")
    page.get_by_role("button", name="Kirjaudu").click()


def test_login_page_has_no_serious_accessibility_violations(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    assert page.locator("html").get_attribute("lang") == "fi"
    assert axe_serious_violations(page) == []


def test_counsellor_logs_in_and_sees_finnish_front_page(page, live_server, area):
    UserFactory(
        username="selain",
        role=Role.COUNSELLOR,
        first_name="Sanna",
        last_name="Selain",
        employment_area=area,
    )
    _login(page, live_server, "selain")
    page.wait_for_url(f"{live_server.url}/")
    assert page.get_by_role("heading", level=1).inner_text() == "Tervetuloa, Sanna Selain"
    assert page.get_by_role("link", name="Sanna Selain").is_visible()
    assert page.get_by_role("button", name="Kirjaudu ulos").is_visible()
    assert axe_serious_violations(page) == []
    # Keyboard users reach the content first.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Siirry sisältöön"


def test_front_page_fits_a_phone_screen(browser, live_server, area):
    UserFactory(username="puhelin", role=Role.COORDINATOR, employment_area=area)
    context = browser.new_context(locale="fi-FI", viewport={"width": 360, "height": 740})
    page = context.new_page()
    _login(page, live_server, "puhelin")
    page.wait_for_url(f"{live_server.url}/")
    overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    assert overflow is False
    assert axe_serious_violations(page) == []
    context.close()


def test_pages_break_no_content_security_rule_and_style_htmx_indicators(page, live_server):
    page.add_init_script(
        "window.cspViolations = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.cspViolations.push(e.violatedDirective));"
    )
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.goto(f"{live_server.url}/accounts/login/")
    page.wait_for_function("window.htmx !== undefined")
    assert page.evaluate("window.cspViolations") == []
    assert not [text for text in console if "Content Security Policy" in text]
    assert page.evaluate("htmx.config.includeIndicatorStyles") is False
    opacity = page.evaluate(
        "(() => { const el = document.createElement('span'); el.className = 'htmx-indicator';"
        " document.body.append(el); return getComputedStyle(el).opacity; })()"
    )
    assert opacity == "0"
