from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import signing
from django.utils import timezone

from kohtaanto.audit.models import AuditEvent
from kohtaanto.common.errors import ConflictError, DomainError, NotFoundError
from kohtaanto.employers.tests.factories import CompanyFactory
from kohtaanto.finance import links, services
from kohtaanto.finance.models import (
    Appropriation,
    Commitment,
    GrantApplication,
    GrantDecision,
    GrantPaymentClaim,
    GrantScheme,
    SchemeRule,
)
from kohtaanto.finance.tests.factories import (
    make_appropriation,
    make_scheme,
    submit,
    youth_voucher,
)


@pytest.fixture
def voucher(area):
    return youth_voucher(area)


def approve(actor, application, appropriation, **kwargs):
    return services.grant_application_approve(
        actor=actor,
        application=application,
        appropriation=appropriation,
        reasons=kwargs.pop("reasons", "Ehdot täyttyvät."),
        **kwargs,
    )


def test_advisor_application_is_checked_and_its_maximum_stored(business_advisor, voucher):
    application = submit(business_advisor, voucher)
    assert application.status == "received"
    assert application.eligible
    assert application.maximum_amount == Decimal("9000.00")
    assert application.evaluation["rule"]["source"].startswith("Keski-Pohjanmaan")
    assert application.evaluation["de_minimis"]["ceiling"] == "300000.00"
    event = AuditEvent.objects.get(action="grant_application.submit")
    assert event.actor_username == business_advisor.username
    assert event.changes["eligible"] == [None, True]


def test_ineligible_application_is_received_but_cannot_be_approved(
    business_advisor, finance_user, voucher, grants_appropriation
):
    application = submit(business_advisor, voucher, employee_birth_date=date(1990, 1, 1))
    assert not application.eligible
    assert [r["code"] for r in application.evaluation["reasons"]] == ["age_above_maximum"]
    with pytest.raises(ConflictError, match="yläikäraja on 29 vuotta"):
        approve(finance_user, application, grants_appropriation)
    assert Commitment.objects.count() == 0


def test_approval_freezes_inputs_and_commits_money_atomically(
    business_advisor, finance_user, voucher, grants_appropriation
):
    application = submit(business_advisor, voucher)
    decision = approve(finance_user, application, grants_appropriation)
    assert decision.amount == Decimal("9000.00")
    assert decision.snapshot["application"]["monthly_pay_costs"] == "3000.00"
    assert decision.snapshot["rule"]["monthly_cap"] == "1500.00"
    assert decision.snapshot["evaluation"]["maximum"] == "9000.00"
    assert decision.snapshot["de_minimis"]["total"] == "9000.00"
    assert decision.commitment.committed == Decimal("9000.00")
    assert decision.commitment.source_type == "grant_decision"
    assert Appropriation.objects.get(pk=grants_appropriation.pk).available == Decimal("291000.00")
    assert GrantScheme.objects.get(pk=voucher.pk).committed == Decimal("9000.00")
    assert GrantApplication.objects.get(pk=application.pk).status == "approved"
    assert AuditEvent.objects.filter(action="grant_application.approve").count() == 1
    with pytest.raises(ConflictError, match="lukittu"):
        services.grant_application_update(
            actor=finance_user,
            application=application,
            data=services.ApplicationData(**{**_data_dict(), "monthly_pay_costs": Decimal("9999")}),
        )
    with pytest.raises(ConflictError, match="jo tehty päätös"):
        approve(finance_user, application, grants_appropriation)


def _data_dict():
    from dataclasses import asdict

    from kohtaanto.finance.tests.factories import application_data

    return asdict(application_data())


def test_rule_changes_after_approval_do_not_touch_the_decision_or_its_payments(
    business_advisor, finance_user, voucher, grants_appropriation
):
    decision = approve(finance_user, submit(business_advisor, voucher), grants_appropriation)
    SchemeRule.objects.filter(scheme=voucher).update(
        percentage=Decimal("10.00"), monthly_cap=Decimal("100.00")
    )
    claim = services.grant_claim_submit(
        actor=finance_user,
        decision=decision,
        period_start=date(2026, 3, 1),
        period_end=date(2026, 3, 31),
        pay_costs="3000.00",
        claimed_amount="1500.00",
        channel="advisor",
    )
    assert claim.eligible_amount == Decimal("1500.00")
    assert GrantDecision.objects.get(pk=decision.pk).amount == Decimal("9000.00")


def test_approval_refused_when_the_appropriation_is_exhausted(
    business_advisor, finance_user, voucher
):
    small = make_appropriation(finance_user, "5000.00", line="grants")
    application = submit(business_advisor, voucher)
    with pytest.raises(ConflictError) as excinfo:
        approve(finance_user, application, small)
    assert excinfo.value.message == (
        "Määräraha ei riitä: käytettävissä 5 000,00 €, pyydetty 9 000,00 €, vaje 4 000,00 €."
    )
    assert GrantDecision.objects.count() == 0
    assert GrantApplication.objects.get(pk=application.pk).status == "received"
    assert GrantScheme.objects.get(pk=voucher.pk).committed == 0


def test_approval_refused_when_the_envelope_is_exhausted(
    business_advisor, finance_user, area, grants_appropriation
):
    scheme = make_scheme(area, envelope="10000.00", monthly_cap=Decimal("1500.00"))
    approve(finance_user, submit(business_advisor, scheme), grants_appropriation)
    second = submit(business_advisor, scheme)
    with pytest.raises(ConflictError) as excinfo:
        approve(finance_user, second, grants_appropriation)
    assert excinfo.value.message == (
        "Avustuksen kehys ei riitä: kehystä vapaana 1 000,00 €, pyydetty 9 000,00 €, "
        "vaje 8 000,00 €."
    )
    assert Commitment.objects.count() == 1


def test_first_come_earlier_waiting_application_keeps_its_share(
    business_advisor, finance_user, area, grants_appropriation
):
    scheme = make_scheme(area, envelope="10000.00", monthly_cap=Decimal("1500.00"), first_come=True)
    first = submit(business_advisor, scheme)
    second = submit(business_advisor, scheme)
    assert first.received_at <= second.received_at
    with pytest.raises(ConflictError, match="aiemmin saapuneiden käsittelemättömien hakemusten"):
        approve(finance_user, second, grants_appropriation)
    # A smaller grant that fits beside the first one's share is fine.
    approve(finance_user, second, grants_appropriation, amount="1000.00")
    approve(finance_user, first, grants_appropriation)
    assert GrantScheme.objects.get(pk=scheme.pk).committed == Decimal("10000.00")


def test_first_come_rejected_earlier_application_frees_the_queue(
    business_advisor, finance_user, area, grants_appropriation
):
    scheme = make_scheme(area, envelope="10000.00", monthly_cap=Decimal("1500.00"), first_come=True)
    first = submit(business_advisor, scheme)
    second = submit(business_advisor, scheme)
    services.grant_application_reject(
        actor=finance_user, application=first, reasons="Työsuhde ei alkanut."
    )
    assert approve(finance_user, second, grants_appropriation).amount == Decimal("9000.00")


def test_amount_above_maximum_and_wrong_line_and_missing_reasons_are_refused(
    business_advisor, finance_user, voucher, appropriation, grants_appropriation
):
    application = submit(business_advisor, voucher)
    with pytest.raises(DomainError, match="ylittää enimmäistuen 9 000,00 €"):
        approve(finance_user, application, grants_appropriation, amount="9000.01")
    with pytest.raises(DomainError, match="budjettiriviltä Avustukset"):
        approve(finance_user, application, appropriation)
    with pytest.raises(DomainError, match="perustelut"):
        approve(finance_user, application, grants_appropriation, reasons=" ")
    assert approve(
        finance_user, application, grants_appropriation, amount="4000"
    ).amount == Decimal("4000.00")


def test_de_minimis_exactly_at_ceiling_is_granted_and_one_cent_over_is_refused(
    business_advisor, finance_user, voucher, grants_appropriation
):
    today = timezone.localdate()
    company = CompanyFactory()
    at_ceiling = [(today - timedelta(days=30), Decimal("291000.00"), "ELY-keskus")]
    fits = submit(business_advisor, voucher, company=company, other_de_minimis=at_ceiling)
    assert fits.eligible
    approve(finance_user, fits, grants_appropriation)

    other = CompanyFactory()
    over = [(today - timedelta(days=30), Decimal("291000.01"), "ELY-keskus")]
    refused = submit(business_advisor, voucher, company=other, other_de_minimis=over)
    assert [r["code"] for r in refused.evaluation["reasons"]] == ["de_minimis_ceiling_exceeded"]
    with pytest.raises(ConflictError, match="De minimis -tukien enimmäismäärä 300 000,00 €"):
        approve(finance_user, refused, grants_appropriation)


def test_de_minimis_counts_the_areas_own_earlier_grants(
    business_advisor, finance_user, voucher, grants_appropriation
):
    company = CompanyFactory()
    first = submit(business_advisor, voucher, company=company)
    approve(finance_user, first, grants_appropriation)
    declared = [
        (timezone.localdate() - timedelta(days=400), Decimal("282000.00"), "Business Finland")
    ]
    second = submit(business_advisor, voucher, company=company, other_de_minimis=declared)
    # 9 000 (own) + 282 000 (declared) + 9 000 = 300 000: exactly the ceiling.
    assert second.eligible
    third = submit(
        business_advisor,
        voucher,
        company=company,
        other_de_minimis=[(declared[0][0], Decimal("282000.01"), "Business Finland")],
    )
    assert not third.eligible


def test_de_minimis_aid_granted_exactly_three_years_ago_no_longer_counts(business_advisor, voucher):
    today = timezone.localdate()
    three_years_ago = (
        today.replace(year=today.year - 3)
        if not (today.month == 2 and today.day == 29)
        else today.replace(year=today.year - 3, day=28)
    )
    outside = submit(
        business_advisor,
        voucher,
        other_de_minimis=[(three_years_ago, Decimal("299000.00"), "ELY")],
    )
    assert outside.eligible
    inside = submit(
        business_advisor,
        voucher,
        other_de_minimis=[(three_years_ago + timedelta(days=1), Decimal("299000.00"), "ELY")],
    )
    assert not inside.eligible


def test_de_minimis_scheme_needs_the_companys_declaration(business_advisor, voucher):
    application = submit(business_advisor, voucher, de_minimis_declared=False)
    assert [r["code"] for r in application.evaluation["reasons"]] == [
        "de_minimis_declaration_missing"
    ]


def test_update_keeps_the_queue_place_and_rechecks(business_advisor, voucher):
    from dataclasses import asdict

    from kohtaanto.finance.tests.factories import application_data

    application = submit(business_advisor, voucher, employee_birth_date=date(1990, 1, 1))
    received_at = application.received_at
    data = asdict(application_data())
    updated = services.grant_application_update(
        actor=business_advisor, application=application, data=services.ApplicationData(**data)
    )
    assert updated.eligible
    assert updated.received_at == received_at
    event = AuditEvent.objects.get(action="grant_application.update")
    assert event.changes["employee_birth_date"] == ["1990-01-01", "2001-05-01"]


def test_unknown_category_and_inactive_scheme_are_refused(business_advisor, voucher):
    with pytest.raises(DomainError, match="Tukiperuste"):
        submit(business_advisor, voucher, category="lottery")
    GrantScheme.objects.filter(pk=voucher.pk).update(is_active=False)
    voucher.refresh_from_db()
    with pytest.raises(ConflictError, match="ei ota vastaan"):
        submit(business_advisor, voucher)


def test_other_areas_application_does_not_exist(business_advisor, voucher, other_finance_user):
    application = submit(business_advisor, voucher)
    with pytest.raises(NotFoundError):
        services.grant_application_reject(
            actor=other_finance_user, application=application, reasons="X"
        )


def test_rejection_records_reasons_and_commits_nothing(business_advisor, finance_user, voucher):
    application = submit(business_advisor, voucher)
    decision = services.grant_application_reject(
        actor=finance_user, application=application, reasons="Työsuhde ei ole uusi."
    )
    assert decision.outcome == "rejected"
    assert decision.commitment is None
    assert GrantApplication.objects.get(pk=application.pk).status == "rejected"
    with pytest.raises(ConflictError):
        services.grant_claim_submit(
            actor=finance_user,
            decision=decision,
            period_start=date(2026, 3, 1),
            period_end=date(2026, 3, 31),
            pay_costs="1",
            claimed_amount="1",
            channel="advisor",
        )


# --- payment claims, payments, recovery ------------------------------------------------------


@pytest.fixture
def decision(business_advisor, finance_user, voucher, grants_appropriation):
    return approve(finance_user, submit(business_advisor, voucher), grants_appropriation)


def claim(actor, decision, start, end, pay="3000.00", claimed="1500.00"):
    return services.grant_claim_submit(
        actor=actor,
        decision=decision,
        period_start=start,
        period_end=end,
        pay_costs=pay,
        claimed_amount=claimed,
        channel="advisor",
    )


def test_claim_is_paid_up_to_the_eligible_amount(finance_user, decision, approver):
    first = claim(finance_user, decision, date(2026, 3, 1), date(2026, 4, 30), "5000.00", "3000.00")
    assert first.eligible_amount == Decimal("2500.00")
    with pytest.raises(DomainError, match="ylittää hyväksyttävän määrän 2 500,00 €"):
        services.grant_claim_pay(actor=approver, claim=first, amount="2600.00")
    entry = services.grant_claim_pay(actor=approver, claim=first)
    assert entry.amount == Decimal("2500.00")
    assert GrantPaymentClaim.objects.get(pk=first.pk).status == "paid"
    with pytest.raises(ConflictError, match="jo käsitelty"):
        services.grant_claim_pay(actor=approver, claim=first)


def test_claims_outside_the_period_or_overlapping_are_refused(finance_user, decision):
    with pytest.raises(DomainError, match=r"tuetun jakson 01\.03\.2026–31\.08\.2026 sisällä"):
        claim(finance_user, decision, date(2026, 2, 1), date(2026, 3, 31))
    claim(finance_user, decision, date(2026, 3, 1), date(2026, 3, 31))
    with pytest.raises(ConflictError, match="päällekkäin"):
        claim(finance_user, decision, date(2026, 3, 31), date(2026, 4, 30))


def test_claims_and_payments_never_exceed_the_decision(finance_user, decision, approver):
    services.payment_record(actor=finance_user, commitment=decision.commitment, amount="8000.00")
    with pytest.raises(
        DomainError,
        match="ylittää päätöksen 9 000,00 €: maksettu 8 000,00 €, käsittelyssä 0,00 €, "
        "jäljellä 1 000,00 €",
    ):
        claim(finance_user, decision, date(2026, 8, 1), date(2026, 8, 31))
    assert not GrantPaymentClaim.objects.exists()
    last = claim(finance_user, decision, date(2026, 8, 1), date(2026, 8, 31), claimed="1000.00")
    services.grant_claim_pay(actor=approver, claim=last)
    assert Commitment.objects.get(pk=decision.commitment_id).paid == Decimal("9000.00")


def test_overpayment_is_recovered_with_a_negative_payment(finance_user, decision, approver):
    paid = claim(finance_user, decision, date(2026, 3, 1), date(2026, 3, 31))
    services.grant_claim_pay(actor=approver, claim=paid)
    entry = services.grant_overpayment_recover(
        actor=finance_user, decision=decision, amount="300.00", description="Palkka oli pienempi"
    )
    assert (entry.kind, entry.paid_delta) == ("recovery", Decimal("-300.00"))
    with pytest.raises(ConflictError, match="maksettu 1 200,00 €"):
        services.grant_overpayment_recover(
            actor=finance_user, decision=decision, amount="1200.01", description="X"
        )


def test_rejected_claim_stays_and_its_period_can_be_claimed_again(finance_user, decision):
    first = claim(finance_user, decision, date(2026, 3, 1), date(2026, 3, 31))
    services.grant_claim_reject(actor=finance_user, claim=first, reason="Palkkalaskelma puuttuu.")
    assert claim(finance_user, decision, date(2026, 3, 1), date(2026, 3, 31)).status == "received"


def test_closing_a_decision_releases_the_rest_into_the_envelope(
    finance_user, decision, voucher, approver
):
    paid = claim(finance_user, decision, date(2026, 3, 1), date(2026, 3, 31))
    services.grant_claim_pay(actor=approver, claim=paid)
    entry = services.grant_decision_close(actor=finance_user, decision=decision)
    assert entry.amount == Decimal("7500.00")
    assert entry.reason == "completed"
    assert GrantScheme.objects.get(pk=voucher.pk).committed == Decimal("1500.00")


def test_year_end_release_leaves_what_a_decision_still_owes(
    finance_user, decision, voucher, grants_appropriation
):
    order = services.commitment_create(
        actor=finance_user,
        appropriation=grants_appropriation,
        amount="500.00",
        description="Tilaus",
    )
    count, total = services.appropriation_year_end_release(
        actor=finance_user, appropriation=grants_appropriation
    )
    assert (count, total) == (1, Decimal("500.00"))
    assert Commitment.objects.get(pk=order.pk).unpaid == 0
    assert Commitment.objects.get(pk=decision.commitment_id).unpaid == Decimal("9000.00")
    assert GrantScheme.objects.get(pk=voucher.pk).committed == Decimal("9000.00")


# --- schemes and rules -----------------------------------------------------------------------


def test_envelope_cannot_go_below_what_is_committed(finance_user, decision, voucher):
    with pytest.raises(ConflictError, match="sidottu 9 000,00 €"):
        services.grant_scheme_update(actor=finance_user, scheme=voucher, envelope="8999.99")
    services.grant_scheme_update(actor=finance_user, scheme=voucher, envelope="9000.00")
    assert AuditEvent.objects.get(action="grant_scheme.update").changes["envelope"] == [
        "242000.00",
        "9000.00",
    ]


def test_new_rule_closes_the_open_one_and_overlaps_are_refused(finance_user, area):
    scheme = make_scheme(area)
    rule_values = {
        "category": "general",
        "label": "Korotettu",
        "percentage": Decimal("60"),
        "monthly_cap": Decimal("1200"),
        "source": "Päätös 2/2027",
    }
    services.scheme_rule_create(
        actor=finance_user, scheme=scheme, valid_from=date(2027, 1, 1), **rule_values
    )
    old = SchemeRule.objects.get(scheme=scheme, valid_from=date(2026, 1, 1))
    assert old.valid_to == date(2026, 12, 31)
    with pytest.raises(ConflictError, match="päällekkäin"):
        services.scheme_rule_create(
            actor=finance_user,
            scheme=scheme,
            valid_from=date(2026, 6, 1),
            valid_to=date(2027, 2, 1),
            **rule_values,
        )


# --- signed links ------------------------------------------------------------------------------


def test_application_link_round_trip_expiry_and_tampering(
    business_advisor, voucher, settings, monkeypatch
):
    import time

    company = CompanyFactory()
    token = services.application_link_create(
        actor=business_advisor, scheme=voucher, company=company
    )[1]
    payload = links.read_link(token, kind=links.APPLICATION)
    assert (payload["s"], payload["c"]) == (voucher.pk, company.pk)
    assert len(payload["n"]) >= 32
    assert AuditEvent.objects.filter(action="grant_application.link").count() == 1
    with pytest.raises(DomainError, match="ei kelpaa"):
        links.read_link(token + "x", kind=links.APPLICATION)
    with pytest.raises(DomainError, match="ei kelpaa"):
        links.read_link(token, kind=links.CLAIM)
    settings.SIGNED_LINK_MAX_AGE_DAYS = 30
    now = time.time()
    monkeypatch.setattr(signing.time, "time", lambda: now + 29 * 86400)
    assert links.read_link(token, kind=links.APPLICATION)["c"] == company.pk
    monkeypatch.setattr(signing.time, "time", lambda: now + 31 * 86400)
    with pytest.raises(ConflictError, match="vanhentunut"):
        links.read_link(token, kind=links.APPLICATION)
