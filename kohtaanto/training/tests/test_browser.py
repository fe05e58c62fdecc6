"""The order journey in a real headless Chromium: from the overview to a programme, ordered
under the KPEDU agreement, to the order with its commitment; every page is checked with
axe-core (no serious or critical WCAG 2.1 AA violation). Skipped without Chromium."""

from datetime import date

import pytest
from django.apps import apps
from django.urls import reverse
from playwright.sync_api import expect

from kohtaanto.accounts.models import PartnerOrganisation, Role
from kohtaanto.accounts.tests.factories import UserFactory
from kohtaanto.employers.tests.factories import CompanyFactory, valid_business_id
from kohtaanto.finance.defaults import load_finance_defaults
from kohtaanto.finance.models import Commitment
from kohtaanto.finance.tests.factories import make_appropriation
from kohtaanto.taxonomy.tests.factories import ConceptFactory
from kohtaanto.training import services
from kohtaanto.training.models import LegalBasis, Order
from kohtaanto.training.rules import load_rules
from tests.browser.support import axe_serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_order_journey(page, live_server, area, no_gap_source):
    load_finance_defaults(apps)
    load_rules(apps)
    coordinator = UserFactory(
        username="koordinaattori-selain", role=Role.COORDINATOR, employment_area=area
    )
    make_appropriation(coordinator, "300000.00", year=2026)
    provider = services.provider_create(
        actor=coordinator,
        name="Keski-Pohjanmaan koulutusyhtymä",
        business_id=valid_business_id(950),
        partner_organisation=PartnerOrganisation.objects.get(short_name="KPEDU"),
        in_house=True,
    )
    agreement = services.agreement_create(
        actor=coordinator,
        provider=provider,
        title="KPEDU palveluhankintasopimus",
        legal_basis=LegalBasis.IN_HOUSE,
        starts_on=date(2026, 1, 1),
        ends_on=date(2027, 12, 31),
        ceiling="100000.00",
    )
    programme = services.programme_create(
        actor=coordinator,
        provider=provider,
        data=services.ProgrammeData(
            name_fi="Hitsaajan työvoimakoulutus",
            type="labour_market",
            days=40,
            seats=12,
            min_group=6,
            starts_on=date(2026, 3, 2),
            ends_on=date(2026, 5, 29),
            price="36000.00",
            skills=[(ConceptFactory(fi="hitsaus", en="welding"), 3)],
        ),
    )
    page.goto(f"{live_server.url}/")
    page.get_by_label("Käyttäjätunnus").fill("koordinaattori-selain")
    page.get_by_label("Salasana").fill("Testi-salasana-123")
    page.get_by_role("button", name="Kirjaudu", exact=True).click()
    page.wait_for_url(f"{live_server.url}/")

    page.goto(f"{live_server.url}{reverse('training:home')}")
    assert axe_serious_violations(page) == []
    page.get_by_role("link", name="Hitsaajan työvoimakoulutus").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hitsaajan työvoimakoulutus")
    assert axe_serious_violations(page) == []
    page.locator("#id_order-agreement").select_option(str(agreement.pk))
    page.locator("#id_order-seats").fill("12")
    page.locator("#id_order-ordered_on").fill("2026-02-02")
    page.get_by_role("button", name="Tilaa", exact=True).click()
    page.get_by_text("Tilaus vahvistettu ja sitoumus kirjattu.").wait_for()
    order = Order.objects.get(programme=programme)
    page.wait_for_url(f"{live_server.url}{reverse('training:order_detail', args=[order.pk])}")
    assert page.get_by_text("Tilaus vahvistettu ja sitoumus kirjattu.").is_visible()
    assert axe_serious_violations(page) == []
    assert Commitment.objects.get(source_id=str(order.pk)).committed == order.amount

    # The provider's page, the joint-purchase companies and one company's enterprises.
    page.goto(f"{live_server.url}{reverse('training:provider_detail', args=[provider.pk])}")
    assert page.get_by_role("heading", name="Järjestäjän käyttäjät").is_visible()
    assert axe_serious_violations(page) == []
    company = CompanyFactory(name="Kokkolan Kone Oy", size_class="", employees=40)
    page.goto(f"{live_server.url}{reverse('training:companies')}")
    page.get_by_role("link", name="Kokkolan Kone Oy").click()
    assert axe_serious_violations(page) == []
    page.get_by_label("Yrityksen nimi").fill("Emoyhtiö Oy")
    page.get_by_label("Suhde").select_option("linked")
    page.get_by_label("Omistusosuus (%)").fill("60")
    page.get_by_label("Henkilöstö (vuosityöyksiköt)").fill("30")
    page.get_by_role("button", name="Lisää", exact=True).click()
    page.wait_for_url(
        f"{live_server.url}{reverse('training:company_enterprises', args=[company.pk])}"
    )
    assert page.get_by_text("Keskisuuri yritys", exact=True).is_visible()

    page.goto(f"{live_server.url}{reverse('training:plan')}?budget=10000")
    assert page.get_by_text("osaamisvajeista ei ole tietoa", exact=False).is_visible()
    assert axe_serious_violations(page) == []
