"""List pages run a constant number of queries, however many rows they show."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kohtaanto.finance import services
from kohtaanto.finance.tests.factories import make_appropriation, submit, youth_voucher


def add_rows(finance_user, approver, business_advisor, area, appropriation, grants):
    commitment = services.commitment_create(
        actor=finance_user,
        appropriation=appropriation,
        amount="10.00",
        description="Tilaus",
        booked_on=date(2026, 4, 1),
    )
    payment = services.payment_record(actor=finance_user, commitment=commitment, amount="5.00")
    services.ledger_entry_reverse(actor=finance_user, entry=payment, description="Korjaus")
    decision = services.grant_application_approve(
        actor=finance_user,
        application=submit(business_advisor, youth_voucher(area)),
        appropriation=grants,
        reasons="OK",
    )
    claim = services.grant_claim_submit(
        actor=finance_user,
        decision=decision,
        period_start=date(2026, 3, 1),
        period_end=date(2026, 3, 31),
        pay_costs="3000",
        claimed_amount="1500",
        channel="advisor",
    )
    services.grant_claim_pay(actor=approver, claim=claim)
    make_appropriation(finance_user, "100.00", name=f"Lisä {commitment.pk}")
    return decision


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "page",
    [
        "dashboard",
        "year_end",
        "appropriation_detail",
        "application_list",
        "scheme_detail",
        "decision_detail",
        "export",
    ],
)
def test_page_queries_do_not_grow_with_rows(
    client_as, finance_user, approver, business_advisor, area, page
):
    appropriation = make_appropriation(finance_user, "100000.00")
    grants = make_appropriation(finance_user, "300000.00", line="grants")
    decision = add_rows(finance_user, approver, business_advisor, area, appropriation, grants)
    urls = {
        "dashboard": reverse("finance:dashboard"),
        "year_end": reverse("finance:year_end"),
        "appropriation_detail": reverse("finance:appropriation_detail", args=[appropriation.pk]),
        "application_list": reverse("finance:application_list"),
        "scheme_detail": reverse("finance:scheme_detail", args=[youth_voucher(area).pk]),
        "decision_detail": reverse("finance:decision_detail", args=[decision.pk]),
        "export": reverse("finance:export") + "?year=2026",
    }
    client = client_as(finance_user)
    url = urls[page]
    if page == "decision_detail":
        url = reverse("finance:decision_detail", args=[decision.pk])
    queries(client, url)  # the first request of a session loads and saves the session
    few = queries(client, url)
    for _ in range(3):
        add_rows(finance_user, approver, business_advisor, area, appropriation, grants)
    if page == "decision_detail":
        services.grant_claim_submit(
            actor=finance_user,
            decision=decision,
            period_start=date(2026, 4, 1),
            period_end=date(2026, 4, 30),
            pay_costs="3000",
            claimed_amount="1500",
            channel="advisor",
        )
    assert queries(client, url) == few
