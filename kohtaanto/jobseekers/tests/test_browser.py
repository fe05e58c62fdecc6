"""A counsellor's journey in headless Chromium, checked with axe-core (WCAG 2.1 AA)."""

import pytest
from playwright.sync_api import expect

from kohtaanto.accounts.models import Role
from kohtaanto.accounts.tests.factories import UserFactory
from kohtaanto.jobseekers.models import JobSeeker, Participation
from tests.browser.support import axe_serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_counsellor_registers_client_enters_esf_and_views_profile(page, live_server, area):
    UserFactory(username="ohjaaja", role=Role.COUNSELLOR, employment_area=area)
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Käyttäjätunnus").fill("ohjaaja")
    page.get_by_label("Salasana").fill("Testi-salasana-123")
    page.get_by_role("button", name="Kirjaudu", exact=True).click()
    page.wait_for_url(f"{live_server.url}/")

    page.goto(f"{live_server.url}/jobseekers/new/")
    assert axe_serious_violations(page) == []
    page.get_by_label("Etunimi").fill("Ville")
    page.get_by_label("Sukunimi").fill("Hitsari")
    page.get_by_label("Kotikunta").select_option(label="Kokkola")
    page.get_by_label("Henkilötunnus").fill("170590Y9318")
    page.get_by_role("button", name="Tallenna").click()
    # The birth date is only suggested from the code; the counsellor confirms it.
    expect(page.get_by_label("Syntymäaika")).to_have_value("1990-05-17")
    page.get_by_label("Sukupuoli").select_option("man")
    page.get_by_role("button", name="Tallenna").click()
    person = JobSeeker.objects.get(last_name="Hitsari")
    page.wait_for_url(f"{live_server.url}/jobseekers/{person.pk}/")
    assert page.get_by_role("heading", level=1).inner_text() == "Ville Hitsari"
    assert axe_serious_violations(page) == []

    page.get_by_role("button", name="Näytä henkilötunnus").click()
    shown = page.locator("#identity-code")
    shown.wait_for()
    assert "170590Y9318" in shown.inner_text()

    page.get_by_role("link", name="ESR+-osallistuminen").click()
    page.get_by_role("link", name="Kirjaa ESR+-aloitus").click()
    page.get_by_label("Aloituspäivä").fill("2026-03-02")
    page.get_by_label("Työmarkkina-asema aloitettaessa").select_option("unemployed")
    page.get_by_role("button", name="Kirjaa aloitus").click()
    error_input = page.get_by_label("Työtön alkaen")
    assert error_input.get_attribute("aria-invalid") == "true"
    assert axe_serious_violations(page) == []
    error_input.fill("2025-09-01")
    page.get_by_role("button", name="Kirjaa aloitus").click()
    page.wait_for_url(f"{live_server.url}/jobseekers/{person.pk}/participation/")
    assert Participation.objects.get().unemployed_since.isoformat() == "2025-09-01"
    assert axe_serious_violations(page) == []

    for path in ("profile/", "plan/", "consents/", "timeline/"):
        page.goto(f"{live_server.url}/jobseekers/{person.pk}/{path}")
        assert axe_serious_violations(page) == [], path
    page.goto(f"{live_server.url}/jobseekers/")
    assert axe_serious_violations(page) == []
    page.goto(f"{live_server.url}/jobseekers/worklist/")
    assert axe_serious_violations(page) == []


def test_counsellor_confirms_languages_and_card_dates_from_a_cv(page, live_server, area):
    """The CV confirm page in a browser: a day that does not exist is refused on the card's
    row (tied to its input for screen readers), then the languages and the dates are stored."""
    from kohtaanto.jobseekers.models import LanguageSkill, RequirementCard
    from kohtaanto.jobseekers.services.cv import profile_import_from_cv
    from kohtaanto.jobseekers.tests.factories import JobSeekerFactory
    from kohtaanto.taxonomy.tests.factories import ConceptFactory, RequirementFactory

    counsellor = UserFactory(username="ohjaaja", role=Role.COUNSELLOR, employment_area=area)
    person = JobSeekerFactory(first_name="Ville", last_name="Hitsari")
    person.counsellors.add(counsellor)
    ConceptFactory(fi="hitsaus", en="welding", sv="svetsning")
    card = RequirementFactory(fi="trukkikortti", en="forklift licence", sv="truckkort")
    document = profile_import_from_cv(
        actor=counsellor,
        job_seeker=person,
        text="Olen tehnyt hitsausta 5 vuotta. Minulla on trukkikortti. Puhun sujuvaa ruotsia.",
    )
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Käyttäjätunnus").fill("ohjaaja")
    page.get_by_label("Salasana").fill("Testi-salasana-123")
    page.get_by_role("button", name="Kirjaudu", exact=True).click()
    page.wait_for_url(f"{live_server.url}/")

    page.goto(f"{live_server.url}/jobseekers/{person.pk}/profile/cv/{document.pk}/")
    assert axe_serious_violations(page) == []
    assert page.get_by_label("Taso: hitsaus").input_value() == "3"  # 5 years
    assert page.get_by_label("Taso: ruotsi").input_value() == "C1"
    expires = page.get_by_label("Voimassa asti: trukkikortti")
    # a browser without a date picker sends what was typed
    expires.evaluate("input => { input.type = 'text'; input.value = '31.2.2027'; }")
    page.get_by_role("button", name="Tallenna valitut profiiliin").click()
    expires = page.get_by_label("Voimassa asti: trukkikortti")
    assert expires.get_attribute("aria-invalid") == "true"
    assert axe_serious_violations(page) == []
    assert not RequirementCard.objects.exists()
    expires.fill("2027-12-31")
    page.get_by_role("button", name="Tallenna valitut profiiliin").click()
    page.wait_for_url(f"{live_server.url}/jobseekers/{person.pk}/profile/")
    assert RequirementCard.objects.get(concept=card).expires_on.isoformat() == "2027-12-31"
    assert list(LanguageSkill.objects.values_list("language", "level")) == [("sv", "C1")]
