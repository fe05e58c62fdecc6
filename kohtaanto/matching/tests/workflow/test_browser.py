"""Browser journey: counsellor → matches → shortlist → consent; advisor → link; company →
answer. Checked with axe-core (WCAG 2.1 AA: no serious or critical violation)."""

from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from kohtaanto.accounts.models import Role
from kohtaanto.accounts.tests.factories import UserFactory
from kohtaanto.jobseekers.models import ConsentPurpose
from kohtaanto.jobseekers.tests.factories import ConsentFactory, JobSeekerFactory
from kohtaanto.matching.engine import loader
from kohtaanto.matching.models import CandidateStatus, CompanyAnswer, Outcome, ShortlistCandidate
from kohtaanto.matching.tests.workflow.conftest import give_skill
from tests.browser.support import axe_serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page: Any, live_server: Any, username: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Käyttäjätunnus").fill(username)
    page.get_by_label("Salasana").fill("Testi-salasana-123")
    page.get_by_role("button", name="Kirjaudu").click()
    page.wait_for_url(f"{live_server.url}/")


def test_counsellor_to_company_answer(
    browser: Any, page: Any, live_server: Any, area: Any, vacancy: Any, contact: Any, skills: Any
) -> None:
    loader._CACHE.clear()
    counsellor = UserFactory(username="ohjaaja", role=Role.COUNSELLOR, employment_area=area)
    UserFactory(username="neuvoja", role=Role.BUSINESS_ADVISOR, employment_area=area)
    aino = JobSeekerFactory(first_name="Aino", last_name="Asiakas")
    aino.counsellors.add(counsellor)
    ConsentFactory(job_seeker=aino, purpose=ConsentPurpose.PROCESSING)
    give_skill(aino, skills.welding, level=3)
    give_skill(aino, skills.drawings)

    # The counsellor finds the vacancy among the client's matches and proposes her.
    _login(page, live_server, "ohjaaja")
    page.goto(f"{live_server.url}/matching/job-seekers/{aino.pk}/vacancies/")
    assert page.get_by_role("heading", name="Hitsaaja").first.is_visible()
    assert axe_serious_violations(page) == []
    page.get_by_role("button", name="Ehdota lyhytlistalle: Aino Asiakas, Hitsaaja").click()
    page.wait_for_url("**/matching/shortlists/*/")
    assert axe_serious_violations(page) == []

    # She asks Aino, who agrees; the counsellor records the consent.
    page.get_by_role("link", name="Kirjaa suostumus").click()
    page.get_by_label("Suostumus annettu").fill(str(timezone.localdate()))
    assert axe_serious_violations(page) == []
    page.get_by_role("button", name="Tallenna suostumus").click()
    page.wait_for_url("**/matching/shortlists/*/")
    assert page.get_by_text("Suostui profiilin lähettämiseen").is_visible()

    # The business advisor sends the shortlist to the company contact.
    advisor_context = browser.new_context(locale="fi-FI")
    advisor_page = advisor_context.new_page()
    _login(advisor_page, live_server, "neuvoja")
    candidate = ShortlistCandidate.objects.get(job_seeker=aino)
    advisor_page.goto(f"{live_server.url}/matching/shortlists/{candidate.shortlist_id}/")
    advisor_page.get_by_label("Yrityksen yhteyshenkilö").select_option(str(contact.pk))
    advisor_page.get_by_role("button", name="Luo linkki").click()
    link = advisor_page.get_by_label("Linkki", exact=True).input_value()
    assert "/matching/shortlist/" in link
    assert axe_serious_violations(advisor_page) == []
    advisor_context.close()

    # The company opens the link without an account and answers.
    company_context = browser.new_context(locale="fi-FI")
    company = company_context.new_page()
    company.goto(link)
    assert company.get_by_role("heading", name="Aino Asiakas").is_visible()
    assert axe_serious_violations(company) == []
    answer = company.get_by_role("group", name="Kiinnostaako ehdokas?")
    answer.get_by_label("Kiinnostaa", exact=True).check()
    company.get_by_label("Tulos", exact=True).select_option(Outcome.INTERVIEWED)
    company.get_by_label("Tuloksen päivä").fill(str(timezone.localdate()))
    company.get_by_role("button", name="Tallenna vastaus").click()
    expect(company.get_by_text("Vastaus tallennettiin. Kiitos!")).to_be_visible()
    company_context.close()

    candidate.refresh_from_db()
    assert candidate.status == CandidateStatus.CONSENTED
    assert (candidate.company_answer, candidate.outcome) == (
        CompanyAnswer.INTERESTED,
        Outcome.INTERVIEWED,
    )
