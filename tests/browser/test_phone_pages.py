"""The main pages fit a 390 px phone: the page itself never scrolls sideways (a wide table may
scroll inside its own .table-wrap), and the charts' text is drawn large enough to read.

One browser, one context per role, a small region made here with long Finnish names (the
kind that widen tables). Screenshots go to $KOHTAANTO_SCREENSHOTS when set.
"""

import datetime
import os
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.test import Client

from kohtaanto.accounts.models import Municipality, Role
from kohtaanto.accounts.tests.factories import UserFactory
from kohtaanto.employers.models import Vacancy, VacancySkill, VacancyState
from kohtaanto.employers.tests.factories import CompanyFactory
from kohtaanto.jobseekers.models import ProfileSkill, RequirementCard, SkillSource
from kohtaanto.jobseekers.tests.factories import (
    ConsentFactory,
    JobSeekerFactory,
    ParticipationFactory,
)
from kohtaanto.matching.engine import loader
from kohtaanto.programme.operations import load_programmes
from kohtaanto.taxonomy.models import ConceptRelation, RelationKind
from kohtaanto.taxonomy.tests.factories import (
    ConceptFactory,
    OccupationFactory,
    RequirementFactory,
)
from tests.browser.support import axe_serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}
# Rendered height of a chart's smallest text: 12 px type drawn at under 10 px is too small.
READABLE_TEXT_PX = 10
# What each page must show, so that a page fits because it is whole, not because it is empty.
SHOWN = {
    "profile/": "table select",
    "vacancies/": "td:text-is('kunnossapitopäällikkö')",  # a career move
    "job-seekers/": "main h1",
    "regional/": "svg.gap-chart rect",
    "indicators/": "#indicator-table a",
    "/finance/": ".chart svg polyline",
}

SKILLS = [
    "koneiden määräaikaistarkastukset",
    "ennakoiva kunnossapito",
    "työpiirustusten lukeminen",
    "kokoonpanopiirustusten lukeminen",
    "sähkötyöturvallisuusmääräykset",
    "hydrauliikkajärjestelmien vianetsintä",
]


def _region(area: Any) -> dict[str, Any]:
    """A counsellor's client with skills, a card and an ESF+ participation; an occupation
    whose essential skills she partly has; an open vacancy that asks for them."""
    loader._CACHE.clear()
    # The dated programme rules come from a data migration; a transactional test run before
    # this one empties the tables, so they are loaded again (idempotent).
    load_programmes(django_apps)
    kokkola = Municipality.objects.get(code="272")
    counsellor = UserFactory(role=Role.COUNSELLOR, employment_area=area)
    # factory_boy's metaclass hides the models' types from mypy
    skills: list[Any] = [ConceptFactory(fi=label) for label in SKILLS]
    occupation: Any = OccupationFactory(fi="kunnossapitopäällikkö")
    for skill in skills:
        ConceptRelation.objects.create(
            source=occupation, target=skill, kind=RelationKind.OCCUPATION_ESSENTIAL
        )
    person: Any = JobSeekerFactory(first_name="Johanna", last_name="Rahkola", municipality=kokkola)
    person.counsellors.add(counsellor)
    for skill in skills[:2]:
        ProfileSkill.objects.create(
            job_seeker=person,
            concept=skill,
            level=3,
            source=SkillSource.COUNSELLOR,
            assessed_on=datetime.date(2026, 3, 1),
        )
    card: Any = RequirementFactory(fi="Hitsaajan pätevyystodistus SFS-EN ISO 9606-1")
    RequirementCard.objects.create(
        job_seeker=person,
        concept=card,
        acquired_on=datetime.date(2024, 4, 6),
        expires_on=datetime.date(2026, 4, 6),
    )
    ConsentFactory(job_seeker=person)
    ParticipationFactory(job_seeker=person)
    company: Any = CompanyFactory(name="Kuvitelma Metallirakenne Oy", municipality=kokkola)
    vacancy = Vacancy.objects.create(
        employment_area=area,
        company=company,
        title="Kunnossapitoasentaja",
        occupation=occupation,
        state=VacancyState.OPEN,
        municipality=kokkola,
        positions=3,
    )
    for skill in skills:
        VacancySkill.objects.create(vacancy=vacancy, concept=skill, essential=True)
    return {"counsellor": counsellor, "person": person, "vacancy": vacancy}


def _phone(browser: Any, base: str, user: Any) -> Any:
    """A phone-sized page already logged in as the user (the login form has its own test)."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(locale="fi-FI", viewport=PHONE)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base}])
    return context


def _smallest_chart_text(page: Any, selector: str) -> float:
    return page.locator(f"{selector} text").evaluate_all(
        "els => Math.min(...els.map(e => e.getBoundingClientRect().height))"
    )


def test_main_pages_fit_a_phone_screen_and_charts_stay_readable(
    browser: Any, live_server: Any, area: Any, tmp_path: Path, settings: Any
) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    region = _region(area)
    person, vacancy = region["person"].pk, region["vacancy"].pk
    coordinator, finance = (
        UserFactory(role=role, employment_area=area) for role in (Role.COORDINATOR, Role.FINANCE)
    )
    pages = {
        region["counsellor"]: [
            "/",
            "/jobseekers/",
            f"/jobseekers/{person}/",
            f"/jobseekers/{person}/profile/",
            f"/matching/job-seekers/{person}/vacancies/",
            f"/matching/vacancies/{vacancy}/job-seekers/",
            f"/companies/vacancies/{vacancy}/",
            "/matching/regional/",
        ],
        coordinator: ["/", "/programme/", "/programme/indicators/", "/training/"],
        finance: ["/", "/finance/", "/finance/links/"],
    }
    shots = Path(os.environ.get("KOHTAANTO_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    too_wide, too_small, missing, violations = {}, {}, {}, {}
    for user, urls in pages.items():
        context = _phone(browser, live_server.url, user)
        try:
            page = context.new_page()
            for url in urls:
                response = page.goto(f"{live_server.url}{url}")
                assert response.status == 200, url
                for suffix, selector in SHOWN.items():
                    if url.endswith(suffix) and not page.locator(selector).count():
                        missing[url] = selector
                widths = page.evaluate(
                    "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
                )
                if widths[0] > widths[1] + 1:
                    too_wide[url] = widths
                for chart in ("svg.gap-chart", ".chart svg"):
                    if page.locator(f"{chart} text").count():
                        smallest = _smallest_chart_text(page, chart)
                        if smallest < READABLE_TEXT_PX:
                            too_small[url] = round(smallest, 1)
                violations[url] = axe_serious_violations(page)
                name = url.strip("/").replace("/", "-") or "home"
                page.screenshot(path=shots / f"phone-{user.role}-{name}.png", full_page=True)
        finally:
            context.close()
    assert missing == {}, "pages without what they should show"
    assert too_wide == {}, "pages wider than the screen: [scrollWidth, clientWidth]"
    assert too_small == {}, "chart text drawn smaller than 10 px"
    serious = {url: [(v["id"], v["help"]) for v in found] for url, found in violations.items()}
    assert {url: found for url, found in serious.items() if found} == {}, "axe-core, WCAG 2.1 AA"
