"""The finance pages in a real headless Chromium: they render, and axe-core finds no serious
or critical WCAG 2.1 AA violation (skipped where Chromium or Playwright is absent)."""

import random

import pytest
from django.urls import reverse

from kohtaanto.accounts.models import Role
from kohtaanto.accounts.tests.factories import UserFactory
from kohtaanto.employers.models import Company
from kohtaanto.finance import demo, services
from kohtaanto.finance.models import Appropriation, GrantApplication, GrantScheme
from tests.browser.support import axe_serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_finance_pages_are_accessible(page, live_server, area):
    finance = UserFactory(username="talous-selain", role=Role.FINANCE, employment_area=area)
    advisor = UserFactory(
        username="neuvoja-selain", role=Role.BUSINESS_ADVISOR, employment_area=area
    )
    demo.generate(
        rng=random.Random(1),
        area=area,
        users={
            Role.FINANCE: finance,
            Role.BUSINESS_ADVISOR: advisor,
            Role.COORDINATOR: UserFactory(role=Role.COORDINATOR, employment_area=area),
        },
    )
    page.goto(f"{live_server.url}/")
    page.get_by_label("Käyttäjätunnus").fill("talous-selain")
    page.get_by_label("Salasana").fill("Testi-salasana-123")
    page.get_by_role("button", name="Kirjaudu", exact=True).click()
    page.wait_for_url(f"{live_server.url}/")
    waiting = GrantApplication.objects.filter(status="received").first()
    urls = [
        reverse("finance:dashboard") + "?year=2026",
        reverse("finance:appropriation_detail", args=[Appropriation.objects.first().pk]),
        reverse("finance:application_detail", args=[waiting.pk]),
        reverse("finance:year_end") + "?year=2026",
    ]
    for url in urls:
        page.goto(f"{live_server.url}{url}")
        assert page.get_by_role("heading", level=1).is_visible()
        assert axe_serious_violations(page) == [], url
    page.goto(f"{live_server.url}{reverse('finance:dashboard')}?year=2026")
    assert page.get_by_role("img", name="Sidottu ja maksettu kertymä vuonna 2026").is_visible()

    token = services.application_link_create(
        actor=advisor,
        scheme=GrantScheme.objects.get(code="nuorten-tyollistamisseteli"),
        company=Company.objects.first(),
    )[1]
    employer = page.context.browser.new_context(locale="sv-SE")
    public = employer.new_page()
    public.goto(f"{live_server.url}{reverse('finance:public_apply', args=[token])}")
    assert public.get_by_role("button", name="Skicka ansökan").is_visible()
    assert axe_serious_violations(public) == []
    employer.close()
