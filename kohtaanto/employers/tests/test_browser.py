"""Browser journeys of the business advisor and of a company answering its survey, checked
with axe-core (WCAG 2.1 AA: no serious or critical violation)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kohtaanto.accounts.models import Role
from kohtaanto.accounts.tests.factories import UserFactory
from kohtaanto.employers.models import READINESS_DIMENSIONS, CompanyContact, Vacancy
from kohtaanto.employers.services.readiness import readiness_assessment_record
from kohtaanto.employers.services.surveys import survey_create, survey_link_issue
from tests.browser.support import axe_serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AD = (
    "Hitsaaja, Kokkola\n\nHaemme hitsaajaa konepajallemme. Edellytämme tulityökorttia ja "
    "kokemusta MIG-hitsauksesta. CNC-ohjelmointi on eduksi."
)


@pytest.fixture
def advisor(area):
    return UserFactory(
        username="neuvoja",
        role=Role.BUSINESS_ADVISOR,
        first_name="Nea",
        last_name="Neuvoja",
        employment_area=area,
    )


def _login(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Käyttäjätunnus").fill(username)
    page.get_by_label("Salasana").fill("Testi-salasana-123")
    page.get_by_role("button", name="Kirjaudu").click()
    page.wait_for_url(f"{live_server.url}/")


def test_advisor_reads_the_company_page_with_its_readiness_chart(
    page,
    live_server,
    advisor,
    company,
    vocab,
):
    CompanyContact.objects.create(
        company=company, first_name="Tuula", last_name="Tehdas", consent_to_contact=True
    )
    today = timezone.localdate()
    for days, score in ((300, 1), (10, 3)):
        readiness_assessment_record(
            actor=advisor,
            company=company,
            assessed_on=today - timedelta(days=days),
            scores={key: score for key in READINESS_DIMENSIONS},
        )
    _login(page, live_server, "neuvoja")
    page.goto(f"{live_server.url}/companies/{company.pk}/")
    assert page.get_by_role("heading", level=1).inner_text() == company.name
    assert page.get_by_role("img", name="Teollisuus 4.0 -valmius osa-alueittain").is_visible()
    assert axe_serious_violations(page) == []
    for path in (
        f"/companies/{company.pk}/readiness/new/",
        f"/companies/{company.pk}/activities/new/",
        f"/companies/{company.pk}/edit/",
        f"/companies/surveys/{survey_create(actor=advisor, company=company).pk}/",
        "/companies/?q=Testi",
    ):
        page.goto(f"{live_server.url}{path}")
        assert axe_serious_violations(page) == [], path


def test_advisor_turns_a_pasted_ad_into_a_vacancy(page, live_server, advisor, company, vocab):
    _login(page, live_server, "neuvoja")
    page.goto(f"{live_server.url}/companies/vacancies/from-ad/?company={company.pk}")
    page.get_by_label("Työpaikkailmoituksen teksti").fill(AD)
    page.get_by_role("button", name="Tunnista tiedot").click()
    page.get_by_role("button", name="Tallenna luonnokseksi").wait_for()
    assert page.locator("mark", has_text="tulityökorttia").is_visible()
    assert axe_serious_violations(page) == []
    page.get_by_role("button", name="Tallenna luonnokseksi").click()
    page.get_by_role("button", name="Julkaise").click()
    page.get_by_text("Työpaikan tila on nyt Avoinna.").wait_for()
    vacancy = Vacancy.objects.get()
    assert vacancy.state == "open"
    assert [r.concept for r in vacancy.requirements.all()] == [vocab.hot_work]


def test_company_answers_in_swedish_without_an_account(page, live_server, advisor, company, vocab):
    survey, token = survey_link_issue(
        actor=advisor, survey=survey_create(actor=advisor, company=company), language="sv"
    )
    page.goto(f"{live_server.url}/companies/survey/{token}/")
    assert page.locator("html").get_attribute("lang") == "sv"
    assert axe_serious_violations(page) == []
    page.get_by_label("Kompetens 1 (Kompetens som behövs)").fill("svetsning")
    page.get_by_role("button", name="Skicka svaren").click()
    page.get_by_role("heading", name="Tack för era svar").wait_for()
    survey.refresh_from_db()
    assert survey.status == "submitted"
    assert survey.skill_needs.get().concept == vocab.welding
