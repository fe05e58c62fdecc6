"""Public application links: limited uses, revocation, rate limits, and the first-come rule
that an application from a link claims nothing of the envelope until staff have checked it."""

from decimal import Decimal

import pytest
from django.urls import reverse

from kohtaanto.accounts.models import PartnerOrganisation, Role
from kohtaanto.audit.models import AuditEvent
from kohtaanto.common.errors import ConflictError, DomainError, NotFoundError
from kohtaanto.employers.tests.factories import CompanyFactory
from kohtaanto.finance import services
from kohtaanto.finance.models import ApplicationLink, GrantApplication, GrantDecision
from kohtaanto.finance.tests.factories import make_scheme, submit


def link_post(**overrides):
    data = {
        "category": "general",
        "employee_first_name": "Eero",
        "employee_last_name": "Esimerkki",
        "employee_birth_date": "2001-05-01",
        "job_title": "Asentaja",
        "start_date": "2026-03-01",
        "end_date": "2026-08-31",
        "weekly_hours": "37,5",
        "monthly_pay_costs": "3000",
        "contact_name": "Liisa Laine",
        "contact_email": "liisa@example.fi",
        "de_minimis_declared": "on",
        "deminimis-TOTAL_FORMS": "0",
        "deminimis-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def make_link(actor, scheme, company=None, max_uses=1):
    company = company or CompanyFactory(employment_area=scheme.employment_area)
    link, token = services.application_link_create(
        actor=actor, scheme=scheme, company=company, max_uses=max_uses
    )
    return link, reverse("finance:public_apply", args=[token])


@pytest.fixture
def first_come(area):
    """A first-come scheme whose envelope holds one 9 000 € grant and a little more."""
    return make_scheme(area, envelope="10000.00", monthly_cap=Decimal("1500.00"), first_come=True)


def test_a_link_accepts_one_application_by_default(client, business_advisor, first_come):
    link, url = make_link(business_advisor, first_come)
    assert client.post(url, link_post()).status_code == 302
    second = client.post(url, link_post(employee_first_name="Toinen"))
    assert second.status_code == 410
    assert "on jo lähetetty hakemus" in second.content.decode()
    assert client.get(url).status_code == 410
    assert GrantApplication.objects.count() == 1
    link.refresh_from_db()
    assert link.uses == 1
    assert GrantApplication.objects.get().application_link == link


def test_link_with_more_uses_accepts_that_many_and_no_more(client, business_advisor, first_come):
    link, url = make_link(business_advisor, first_come, max_uses=3)
    codes = [client.post(url, link_post()).status_code for _ in range(4)]
    assert codes == [302, 302, 302, 410]
    assert GrantApplication.objects.filter(application_link=link).count() == 3


def test_max_uses_is_bounded(business_advisor, first_come):
    company = CompanyFactory()
    for refused in (0, 21):
        with pytest.raises(DomainError, match="1–20"):
            services.application_link_create(
                actor=business_advisor, scheme=first_come, company=company, max_uses=refused
            )
    assert ApplicationLink.objects.count() == 0


def test_burst_of_26_through_one_link_is_refused_beyond_the_limit_and_blocks_nobody(
    client, business_advisor, finance_user, first_come, grants_appropriation, settings
):
    settings.PUBLIC_LINK_ATTEMPTS_PER_LINK = 10
    settings.PUBLIC_LINK_ATTEMPTS_PER_ADDRESS = 20
    link, url = make_link(business_advisor, first_come, max_uses=20)
    codes = [
        client.post(url, link_post(employee_first_name=f"Nimi{i}")).status_code for i in range(26)
    ]
    assert codes == [302] * 10 + [429] * 16
    spam = GrantApplication.objects.filter(application_link=link)
    assert spam.count() == 10
    # They would each claim 9 000 € of the 10 000 € envelope if a link gave priority ...
    assert all(a.eligible and a.maximum_amount == Decimal("9000.00") for a in spam)
    assert all(a.checked_at is None for a in spam)
    # ... but a genuine application from another company, entered later, is decided.
    genuine = submit(business_advisor, first_come)
    decision = services.grant_application_approve(
        actor=finance_user,
        application=genuine,
        appropriation=grants_appropriation,
        reasons="Ehdot täyttyvät.",
    )
    assert decision.amount == Decimal("9000.00")
    assert GrantDecision.objects.count() == 1


def test_rate_limit_per_client_address_spans_links(client, business_advisor, first_come, settings):
    settings.PUBLIC_LINK_ATTEMPTS_PER_ADDRESS = 3
    urls = [make_link(business_advisor, first_come)[1] for _ in range(5)]
    codes = [client.post(u, link_post(), REMOTE_ADDR="203.0.113.9").status_code for u in urls]
    assert codes == [302, 302, 302, 429, 429]
    # Another address is not held back by the first one's attempts.
    other = make_link(business_advisor, first_come)[1]
    assert client.post(other, link_post(), REMOTE_ADDR="198.51.100.4").status_code == 302


def test_rate_limit_reads_the_client_address_behind_the_trusted_proxy(
    client, business_advisor, first_come, settings
):
    settings.PUBLIC_LINK_ATTEMPTS_PER_ADDRESS = 1
    settings.TRUSTED_PROXIES = 1
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    first, second, third = (make_link(business_advisor, first_come)[1] for _ in range(3))
    assert (
        client.post(first, link_post(), HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy).status_code
        == 302
    )
    assert (
        client.post(second, link_post(), HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy).status_code
        == 429
    )
    # The proxy's own address is shared by everyone: it is not what is counted.
    assert (
        client.post(third, link_post(), HTTP_X_FORWARDED_FOR="198.51.100.4", **proxy).status_code
        == 302
    )


def test_a_refused_or_invalid_post_counts_too(client, business_advisor, first_come, settings):
    settings.PUBLIC_LINK_ATTEMPTS_PER_LINK = 2
    _link, url = make_link(business_advisor, first_come)
    assert client.post(url, link_post(job_title="")).status_code == 200
    assert client.post(url, link_post(job_title="")).status_code == 200
    assert client.post(url, link_post()).status_code == 429
    assert GrantApplication.objects.count() == 0


def test_staff_revoke_a_link_and_it_accepts_nothing_more(
    client, client_as, business_advisor, first_come
):
    link, url = make_link(business_advisor, first_come, max_uses=5)
    staff = client_as(business_advisor)
    listing = staff.get(reverse("finance:link_list"))
    assert listing.status_code == 200
    assert link.company.name in listing.content.decode()
    response = staff.post(reverse("finance:link_revoke", args=[link.pk]))
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.revoked_at is not None and link.revoked_by == business_advisor
    refused = client.post(url, link_post())
    assert refused.status_code == 410
    assert "peruttu" in refused.content.decode()
    assert GrantApplication.objects.count() == 0
    assert AuditEvent.objects.filter(action="grant_application.link_revoke").count() == 1
    with pytest.raises(ConflictError, match="jo peruttu"):
        services.application_link_revoke(actor=business_advisor, link=link)


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_link_pages_only_for_those_who_enter_applications(
    client_as, business_advisor, first_come, role
):
    link, _url = make_link(business_advisor, first_come)
    allowed = role in {Role.COORDINATOR, Role.FINANCE, Role.BUSINESS_ADVISOR}
    extra = (
        {"partner_organisation": PartnerOrganisation.objects.first()} if role == "partner" else {}
    )
    client = client_as(role, **extra)
    assert client.get(reverse("finance:link_list")).status_code == (200 if allowed else 404)
    revoke = client.post(reverse("finance:link_revoke", args=[link.pk]))
    assert revoke.status_code == (302 if allowed else 404)
    link.refresh_from_db()
    assert (link.revoked_at is not None) == allowed


def test_another_areas_link_is_not_found(make_user, business_advisor, first_come, other_area):
    from kohtaanto.finance import selectors

    link, _url = make_link(business_advisor, first_come)
    stranger = make_user(Role.BUSINESS_ADVISOR, employment_area=other_area)
    with pytest.raises(NotFoundError):
        selectors.application_link_get_for_actor(actor=stranger, id=link.pk)
    with pytest.raises(NotFoundError):
        services.application_link_revoke(actor=stranger, link=link)


def test_checked_link_application_claims_its_place_in_the_queue(
    client, client_as, business_advisor, finance_user, first_come, grants_appropriation
):
    _link, url = make_link(business_advisor, first_come)
    client.post(url, link_post())
    early = GrantApplication.objects.get()
    later = submit(business_advisor, first_come)
    assert later.checked_at is not None  # staff entries are checked when entered
    staff = client_as(business_advisor)
    page = staff.get(reverse("finance:application_detail", args=[early.pk])).content.decode()
    assert "Merkitse tarkastetuksi" in page
    assert staff.post(reverse("finance:application_check", args=[early.pk])).status_code == 302
    early.refresh_from_db()
    assert early.checked_by == business_advisor
    with pytest.raises(ConflictError, match="aiemmin saapuneiden"):
        services.grant_application_approve(
            actor=finance_user,
            application=later,
            appropriation=grants_appropriation,
            reasons="OK",
        )
    assert AuditEvent.objects.filter(action="grant_application.check").count() == 1


def test_a_forged_token_or_unknown_nonce_is_not_found(client, business_advisor, first_come):
    link, url = make_link(business_advisor, first_come)
    assert client.get(url.replace("/apply/", "/apply/x")).status_code == 404
    ApplicationLink.objects.filter(pk=link.pk).update(nonce="other")
    assert client.get(url).status_code == 404
    assert client.get("/finance/apply/" + "a" * 500 + "/").status_code == 404
