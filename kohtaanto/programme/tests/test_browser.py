"""The coordinator's programme pages with demo data, in headless Chromium: each opens and has
no serious or critical accessibility violation (axe-core, WCAG 2.1 AA)."""

import random
from datetime import date

import pytest
from django.conf import settings as django_settings
from django.test import Client

from kohtaanto.accounts.models import Role
from kohtaanto.employers.tests.factories import CompanyFactory
from kohtaanto.jobseekers.tests.factories import ParticipationFactory
from kohtaanto.programme import demo
from kohtaanto.programme.models import ActivityEntry, CostReport, Operation, StaffPosition
from tests.browser.support import axe_serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_programme_pages_are_accessible(page, live_server, area, make_user):
    users = {r: make_user(r) for r in (Role.COORDINATOR, Role.BUSINESS_ADVISOR)}
    for _ in range(3):
        CompanyFactory()
    for i in range(3):
        ParticipationFactory(entry_date=date(2026, 2, 2 + i), isced_level=None if i == 0 else 3)
    demo.generate(rng=random.Random(1), area=area, users=users)
    operation = Operation.objects.get(is_default=True)
    report = CostReport.objects.get()
    position = StaffPosition.objects.get()
    entry = ActivityEntry.objects.first()
    client = Client()
    client.force_login(users[Role.COORDINATOR])
    page.context.add_cookies(
        [
            {
                "name": django_settings.SESSION_COOKIE_NAME,
                "value": client.cookies[django_settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    period = f"operation={operation.pk}&start=2026-01-01&end=2026-12-31"
    urls = [
        "/programme/",
        f"/programme/operations/{operation.pk}/budget/",
        f"/programme/operations/{operation.pk}/positions/{position.pk}/",
        "/programme/time/?year=2026",
        "/programme/cost-reports/",
        f"/programme/cost-reports/{report.pk}/",
        "/programme/indicators/",
        f"/programme/indicators/EECO01/participants/?{period}",
        "/programme/data-quality/",
        "/programme/activity/",
        "/programme/activity/new/",
        f"/programme/activity/{entry.pk}/",
        "/programme/activity/partner-report/",
        "/programme/steering-report/",
    ]
    problems = {}
    for url in urls:
        response = page.goto(f"{live_server.url}{url}")
        assert response.status == 200, url
        assert page.get_by_role("heading", level=1).count() == 1, url
        violations = axe_serious_violations(page)
        if violations:
            problems[url] = [(v["id"], v["help"]) for v in violations]
    assert problems == {}
