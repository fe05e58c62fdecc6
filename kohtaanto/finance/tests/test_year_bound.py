"""Money bound to its year: payment dates, future dates, commitments across the year end,
January carry-over, and what the year-end release may free (suite day: 2.12.2026)."""

from datetime import date
from decimal import Decimal

import pytest

from kohtaanto.audit.models import AuditEvent
from kohtaanto.common.errors import ConflictError, DomainError
from kohtaanto.finance import selectors, services
from kohtaanto.finance.models import (
    Commitment,
    CommitmentYearPart,
    GrantPaymentClaim,
    GrantScheme,
    LedgerEntry,
)
from kohtaanto.finance.services.grants import decision_year_parts
from kohtaanto.finance.tests.factories import make_appropriation, submit, youth_voucher


def order(actor, appropriation, amount="1000.00", **kwargs):
    return services.commitment_create(
        actor=actor, appropriation=appropriation, amount=amount, description="Tilaus", **kwargs
    )


# --- payment dates ------------------------------------------------------------------------------


def test_payment_on_31_december_is_booked_and_on_1_january_needs_a_carry_over(
    finance_user, appropriation, set_today
):
    commitment = order(finance_user, appropriation)
    set_today(date(2026, 12, 31))
    entry = services.payment_record(actor=finance_user, commitment=commitment, amount="100")
    assert (entry.booked_on, entry.reason) == (date(2026, 12, 31), "")
    set_today(date(2027, 1, 1))
    with pytest.raises(DomainError, match="kirjataan vain siirtona: kirjoita siirron peruste"):
        services.payment_record(actor=finance_user, commitment=commitment, amount="100")
    assert LedgerEntry.objects.filter(kind="payment").count() == 1
    carried = services.payment_record(
        actor=finance_user,
        commitment=commitment,
        amount="100",
        carry_over_reason="Joulukuun lasku saapui 29.12.",
    )
    assert (carried.booked_on, carried.reason) == (date(2027, 1, 1), "carry_over")
    assert "Joulukuun lasku saapui 29.12." in carried.description


def test_carry_over_ends_with_january(finance_user, appropriation, set_today):
    commitment = order(finance_user, appropriation)
    set_today(date(2027, 2, 1))
    with pytest.raises(DomainError, match=r"Maksupäivä 1\.2\.2027 ei ole määrärahan vuonna 2026"):
        services.payment_record(
            actor=finance_user, commitment=commitment, amount="100", carry_over_reason="Myöhässä"
        )
    assert not LedgerEntry.objects.filter(kind="payment").exists()


def test_payment_dated_before_the_appropriations_year_is_refused(finance_user, appropriation):
    commitment = order(finance_user, appropriation)
    with pytest.raises(DomainError, match=r"Maksupäivä 31\.12\.2025 ei ole määrärahan vuonna 2026"):
        services.payment_record(
            actor=finance_user, commitment=commitment, amount="100", booked_on=date(2025, 12, 31)
        )
    assert Commitment.objects.get(pk=commitment.pk).paid == 0


def test_future_dates_are_refused_wherever_money_is_booked(finance_user, appropriation):
    tomorrow = date(2026, 12, 3)
    with pytest.raises(DomainError, match=r"3\.12\.2026 on tulevaisuudessa"):
        order(finance_user, appropriation, booked_on=tomorrow)
    commitment = order(finance_user, appropriation, booked_on=date(2026, 12, 2))
    for call in (
        lambda: services.payment_record(
            actor=finance_user, commitment=commitment, amount="1", booked_on=tomorrow
        ),
        lambda: services.payment_recover(
            actor=finance_user, commitment=commitment, amount="1", booked_on=tomorrow
        ),
        lambda: services.commitment_release(
            actor=finance_user, commitment=commitment, reason="cancellation", booked_on=tomorrow
        ),
        lambda: services.appropriation_amend(
            actor=finance_user,
            appropriation=appropriation,
            amount="10",
            decided_by="Jaosto",
            decided_on=tomorrow,
        ),
    ):
        with pytest.raises(DomainError, match="on tulevaisuudessa"):
            call()
    assert LedgerEntry.objects.count() == 1
    assert appropriation.decisions.count() == 1


def test_commitment_after_the_appropriations_year_is_refused(finance_user, set_today):
    last_year = make_appropriation(finance_user, "500.00", year=2025)
    with pytest.raises(DomainError, match="vuoden päätyttyä sitoumukset kirjataan uuden vuoden"):
        order(finance_user, last_year, amount="100")
    assert not Commitment.objects.exists()


# --- commitments across the year end ----------------------------------------------------------


def test_split_commitment_commits_this_year_and_leaves_next_years_part_waiting(
    finance_user, appropriation, set_today
):
    commitment = services.commitment_create_split(
        actor=finance_user,
        appropriation=appropriation,
        parts=[(2026, "1400.00"), (2027, "7000,00")],
        description="Koulutus 12/2026–5/2027",
        source_type="training_order",
        source_id="TO-9",
    )
    assert commitment.committed == Decimal("1400.00")
    part = CommitmentYearPart.objects.get(commitment=commitment)
    assert (part.year, part.amount, part.booked) == (2027, Decimal("7000.00"), None)
    obligations = selectors.open_obligations(actor=finance_user, year=2026)
    assert [(o.year, o.amount, o.waiting) for o in obligations[2027]] == [
        (2027, Decimal("7000.00"), True)
    ]
    assert [(o.amount, o.waiting) for o in obligations[2026]] == [(Decimal("1400.00"), False)]
    # The year-end release never frees an order that still binds next year.
    count, total = services.appropriation_year_end_release(
        actor=finance_user, appropriation=appropriation
    )
    assert (count, total) == (0, 0)
    # The council approved next year's budget in November.
    next_year = services.appropriation_create(
        actor=finance_user,
        year=2027,
        line=appropriation.line,
        name="Palveluhankinnat 2027",
        amount="20000.00",
        decided_by="Valtuusto",
        decided_on=date(2026, 11, 30),
    )
    with pytest.raises(DomainError, match=r"aikaisintaan 1\.1\.2027"):
        services.commitment_year_part_book(actor=finance_user, part=part, appropriation=next_year)
    set_today(date(2027, 1, 15))
    with pytest.raises(DomainError, match="saman budjettirivin"):
        services.commitment_year_part_book(
            actor=finance_user,
            part=part,
            appropriation=make_appropriation(finance_user, "9000.00", year=2027, line="grants"),
        )
    booked = services.commitment_year_part_book(
        actor=finance_user, part=part, appropriation=next_year
    )
    assert (booked.committed, booked.source_id) == (Decimal("7000.00"), "TO-9")
    assert CommitmentYearPart.objects.get(pk=part.pk).booked == booked
    with pytest.raises(ConflictError, match="jo kirjattu"):
        services.commitment_year_part_book(actor=finance_user, part=part, appropriation=next_year)
    assert 2027 not in selectors.open_obligations(actor=finance_user, year=2026)


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        ([], "osuudet vuosittain"),
        ([(2027, "100")], "kuuluu määrärahan vuodelle 2026"),
        ([(2026, "100"), (2026, "100")], "kasvavassa järjestyksessä"),
        ([(2026, "100"), (2027, "-5")], "Vuoden 2027 osuus: Summa ei voi olla negatiivinen"),
    ],
)
def test_bad_year_split_is_refused_and_books_nothing(finance_user, appropriation, parts, message):
    with pytest.raises(DomainError, match=message):
        services.commitment_create_split(
            actor=finance_user, appropriation=appropriation, parts=parts, description="X"
        )
    assert not Commitment.objects.exists()
    assert not CommitmentYearPart.objects.exists()


def test_decision_amount_is_split_by_the_months_of_each_year():
    parts = decision_year_parts(
        start=date(2026, 12, 1), end=date(2027, 5, 31), amount=Decimal("8400.00"), first_year=2026
    )
    assert parts == [(2026, Decimal("1400.00")), (2027, Decimal("7000.00"))]
    # A period that ends on 31 December stays in one year; one that starts on 1 January of
    # the next year is wholly the next year's.
    assert decision_year_parts(
        start=date(2026, 7, 1), end=date(2026, 12, 31), amount=Decimal("600"), first_year=2026
    ) == [(2026, Decimal("600"))]
    odd = decision_year_parts(
        start=date(2026, 11, 15), end=date(2027, 2, 14), amount=Decimal("1000.00"), first_year=2026
    )
    assert sum(a for _y, a in odd) == Decimal("1000.00")


# --- the youth voucher across the year end (the auditor's case) ----------------------------------


@pytest.fixture
def voucher_across_year_end(finance_user, business_advisor, area, grants_appropriation):
    """8 400 € for 12/2026–5/2027 decided on 2.12.2026 on the 2026 appropriation."""
    application = submit(
        business_advisor,
        youth_voucher(area),
        start_date=date(2026, 12, 1),
        end_date=date(2027, 5, 31),
        monthly_pay_costs=Decimal("2800.00"),
    )
    return services.grant_application_approve(
        actor=finance_user,
        application=application,
        appropriation=grants_appropriation,
        reasons="Ehdot täyttyvät.",
    )


def test_voucher_across_the_year_end_commits_2026_and_waits_for_2027(
    finance_user, voucher_across_year_end, grants_appropriation, area
):
    decision = voucher_across_year_end
    assert decision.amount == Decimal("8400.00")
    assert decision.commitment.committed == Decimal("1400.00")
    assert decision.snapshot["year_parts"] == [[2026, "1400.00"], [2027, "7000.00"]]
    # The envelope keeps the waiting share: the scheme has 8 400 € in use.
    scheme = GrantScheme.objects.get(pk=youth_voucher(area).pk)
    assert scheme.committed + selectors.scheme_waiting_parts(scheme) == Decimal("8400.00")
    services.appropriation_year_end_release(actor=finance_user, appropriation=grants_appropriation)
    assert Commitment.objects.get(pk=decision.commitment_id).unpaid == Decimal("1400.00")
    obligations = selectors.open_obligations(actor=finance_user, year=2026)
    assert [o.amount for o in obligations[2026]] == [Decimal("1400.00")]
    assert [o.amount for o in obligations[2027]] == [Decimal("7000.00")]


def test_voucher_claims_are_paid_from_their_years_share_with_a_january_carry_over(
    finance_user, approver, business_advisor, voucher_across_year_end, set_today
):
    decision = voucher_across_year_end
    set_today(date(2027, 1, 10))
    december = services.grant_claim_submit(
        actor=business_advisor,
        decision=decision,
        period_start=date(2026, 12, 1),
        period_end=date(2026, 12, 31),
        pay_costs="2800.00",
        claimed_amount="1400.00",
        channel="advisor",
    )
    entry = services.grant_claim_pay(actor=approver, claim=december)
    assert (entry.reason, entry.commitment_id) == ("carry_over", decision.commitment_id)
    assert "vuoden 2026 palkat" in entry.description
    set_today(date(2027, 3, 5))
    february = services.grant_claim_submit(
        actor=business_advisor,
        decision=decision,
        period_start=date(2027, 2, 1),
        period_end=date(2027, 2, 28),
        pay_costs="2800.00",
        claimed_amount="1400.00",
        channel="advisor",
    )
    with pytest.raises(ConflictError, match="osuudesta, jota ei ole vielä kirjattu"):
        services.grant_claim_pay(actor=approver, claim=february)
    assert GrantPaymentClaim.objects.get(pk=february.pk).status == "received"
    grants_2027 = make_appropriation(finance_user, "300000.00", year=2027, line="grants")
    part = CommitmentYearPart.objects.get(commitment=decision.commitment)
    booked = services.commitment_year_part_book(
        actor=finance_user, part=part, appropriation=grants_2027
    )
    paid = services.grant_claim_pay(actor=approver, claim=february)
    assert (paid.commitment_id, paid.amount, paid.reason) == (booked.pk, Decimal("1400.00"), "")


def test_claims_for_the_future_across_the_year_end_or_beyond_the_period_are_refused(
    business_advisor, voucher_across_year_end
):
    decision = voucher_across_year_end

    def claim(start, end, amount="1400.00"):
        return services.grant_claim_submit(
            actor=business_advisor,
            decision=decision,
            period_start=start,
            period_end=end,
            pay_costs="2800.00",
            claimed_amount=amount,
            channel="advisor",
        )

    with pytest.raises(DomainError, match=r"päättyy 31\.12\.2026, mikä on tulevaisuudessa"):
        claim(date(2026, 12, 1), date(2026, 12, 31))
    with pytest.raises(DomainError, match="ylittää vuodenvaihteen"):
        claim(date(2026, 12, 1), date(2027, 1, 31))
    with pytest.raises(DomainError, match="tuetun jakson"):
        claim(date(2026, 11, 1), date(2026, 11, 30))
    assert not GrantPaymentClaim.objects.exists()


# --- four eyes -----------------------------------------------------------------------------------


@pytest.fixture
def december_claim(business_advisor, voucher_across_year_end, set_today):
    set_today(date(2027, 1, 5))
    return services.grant_claim_submit(
        actor=business_advisor,
        decision=voucher_across_year_end,
        period_start=date(2026, 12, 1),
        period_end=date(2026, 12, 31),
        pay_costs="2800.00",
        claimed_amount="1400.00",
        channel="advisor",
    )


def test_decision_maker_and_claim_enterer_cannot_approve_the_payment(
    finance_user, business_advisor, approver, december_claim
):
    with pytest.raises(ConflictError, match="avustuksesta päättänyt ei voi hyväksyä"):
        services.grant_claim_pay(actor=finance_user, claim=december_claim)
    with pytest.raises(ConflictError, match="maksatushakemuksen kirjannut ei voi hyväksyä"):
        services.grant_claim_pay(actor=business_advisor, claim=december_claim)
    assert not LedgerEntry.objects.filter(kind="payment").exists()
    services.grant_claim_pay(actor=approver, claim=december_claim)
    event = AuditEvent.objects.get(action="grant_claim.pay")
    assert event.changes["decided_by"] == [None, finance_user.pk]
    assert event.changes["entered_by"] == [None, business_advisor.pk]
    assert event.changes["approved_by"] == [None, approver.pk]


def test_four_eyes_is_configurable_per_area(finance_user, area, december_claim):
    from kohtaanto.finance.models import FinancePolicy

    FinancePolicy.objects.create(employment_area=area, four_eyes=False)
    entry = services.grant_claim_pay(actor=finance_user, claim=december_claim)
    assert entry.amount == Decimal("1400.00")


def test_year_end_report_lists_open_obligations_by_year(
    client_as, finance_user, voucher_across_year_end
):
    from django.urls import reverse

    html = client_as(finance_user).get(reverse("finance:year_end"), {"year": 2026}).content
    text = html.decode()
    assert "Avoimet velvoitteet vuosittain" in text
    assert "Vuosi 2026" in text and "Vuosi 2027" in text
    assert "Odottaa vuoden määrärahaa" in text
    assert "7 000,00 €" in text and "1 400,00 €" in text
