from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from kohtaanto.audit.models import AppendOnlyError, AuditEvent
from kohtaanto.common.errors import ConflictError, DomainError, NotFoundError
from kohtaanto.finance import selectors, services
from kohtaanto.finance.models import (
    Appropriation,
    AppropriationDecision,
    BudgetLine,
    Commitment,
    LedgerEntry,
)
from kohtaanto.finance.tests.factories import make_appropriation


def fresh(appropriation):
    return Appropriation.objects.get(pk=appropriation.pk)


def test_appropriation_is_created_with_its_decision_and_full_availability(finance_user):
    appropriation = make_appropriation(finance_user, "10000.00")
    assert (appropriation.amount, appropriation.available) == (Decimal("10000.00"),) * 2
    decision = AppropriationDecision.objects.get(appropriation=appropriation)
    assert decision.kind == "initial"
    assert decision.decided_by == "Työllisyysjohtaja"
    assert decision.reference == "§ 12/2026"
    assert decision.recorded_by == finance_user
    assert AuditEvent.objects.filter(action="appropriation.create").count() == 1


def test_amendment_is_a_new_decision_and_moves_amount_and_availability(finance_user, appropriation):
    services.appropriation_amend(
        actor=finance_user,
        appropriation=appropriation,
        amount="-2500.00",
        decided_by="Työllisyysjaosto",
        decided_on=date(2026, 6, 1),
    )
    appropriation = fresh(appropriation)
    assert appropriation.amount == Decimal("7500.00")
    assert appropriation.available == Decimal("7500.00")
    assert list(appropriation.decisions.values_list("amount", flat=True)) == [
        Decimal("10000.00"),
        Decimal("-2500.00"),
    ]


def test_amendment_cannot_cut_below_what_is_committed(finance_user, appropriation):
    services.commitment_create(
        actor=finance_user, appropriation=appropriation, amount="9000.00", description="Tilaus"
    )
    with pytest.raises(ConflictError, match="sidottu 9 000,00 €"):
        services.appropriation_amend(
            actor=finance_user,
            appropriation=appropriation,
            amount="-1500.00",
            decided_by="Jaosto",
            decided_on=date(2026, 6, 1),
        )
    assert fresh(appropriation).amount == Decimal("10000.00")
    assert appropriation.decisions.count() == 1


def test_commitment_within_available_binds_money(finance_user, appropriation):
    commitment = services.commitment_create(
        actor=finance_user,
        appropriation=appropriation,
        amount="300.00",
        description="Työnhakuvalmennus",
        source_type="service_order",
        source_id="SO-17",
    )
    appropriation = fresh(appropriation)
    assert appropriation.committed == Decimal("300.00")
    assert appropriation.available == Decimal("9700.00")
    assert commitment.committed == Decimal("300.00")
    entry = commitment.entries.get()
    assert (entry.kind, entry.amount, entry.committed_delta) == (
        "commitment",
        Decimal("300.00"),
        Decimal("300.00"),
    )
    event = AuditEvent.objects.get(action="commitment.create")
    assert event.changes["source"] == [None, "service_order:SO-17"]


def test_commitment_larger_than_available_is_refused_with_the_shortfall(finance_user):
    appropriation = make_appropriation(finance_user, "200.00")
    with pytest.raises(ConflictError) as excinfo:
        services.commitment_create(
            actor=finance_user, appropriation=appropriation, amount="300.00", description="Kurssi"
        )
    assert excinfo.value.message == (
        "Määräraha ei riitä: käytettävissä 200,00 €, pyydetty 300,00 €, vaje 100,00 €."
    )
    assert Commitment.objects.count() == 0
    assert LedgerEntry.objects.count() == 0
    assert fresh(appropriation).available == Decimal("200.00")


def test_commitment_of_exactly_the_available_amount_leaves_zero(finance_user):
    appropriation = make_appropriation(finance_user, "500.00")
    services.commitment_create(
        actor=finance_user, appropriation=appropriation, amount="500.00", description="Kaikki"
    )
    assert fresh(appropriation).available == Decimal("0.00")
    with pytest.raises(ConflictError, match="vaje 0,01 €"):
        services.commitment_create(
            actor=finance_user, appropriation=appropriation, amount="0.01", description="Sentti"
        )


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("-5", "negatiivinen"),
        ("abc", "ei ole luku"),
        ("1e9999", "ei ole luku"),
        ("NaN", "ei ole luku"),
        ("10.0015", "Enintään 2 desimaalia"),
        ("10.001", "moniselitteinen"),
        ("1000000000000", "liian suuri"),
        ("0", "suurempi kuin nolla"),
        (12.5, "tekstinä"),
    ],
)
def test_bad_amounts_are_refused_and_nothing_is_booked(
    finance_user, appropriation, amount, message
):
    with pytest.raises(DomainError, match=message):
        services.commitment_create(
            actor=finance_user, appropriation=appropriation, amount=amount, description="X"
        )
    assert LedgerEntry.objects.count() == 0


def test_unknown_source_type_and_empty_description_are_refused(finance_user, appropriation):
    with pytest.raises(DomainError, match="Tuntematon sitoumuksen lähde"):
        services.commitment_create(
            actor=finance_user,
            appropriation=appropriation,
            amount="1.00",
            description="X",
            source_type="lottery",
        )
    with pytest.raises(DomainError, match="syntyy päätöksestä"):
        services.commitment_create(
            actor=finance_user,
            appropriation=appropriation,
            amount="1.00",
            description="Ohi kehyksen",
            source_type="grant_decision",
        )
    with pytest.raises(DomainError, match="Kuvaus puuttuu"):
        services.commitment_create(
            actor=finance_user, appropriation=appropriation, amount="1.00", description="  "
        )
    assert Commitment.objects.count() == 0


def test_other_areas_appropriation_does_not_exist_for_the_actor(appropriation, other_finance_user):
    with pytest.raises(NotFoundError):
        services.commitment_create(
            actor=other_finance_user, appropriation=appropriation, amount="1.00", description="X"
        )


def test_payments_stay_within_commitment_and_recovery_within_paid(finance_user, appropriation):
    commitment = services.commitment_create(
        actor=finance_user, appropriation=appropriation, amount="1000.00", description="Kurssi"
    )
    services.payment_record(actor=finance_user, commitment=commitment, amount="600.00")
    with pytest.raises(ConflictError, match="maksamatta 400,00 €, maksu 500,00 €, ylitys 100,00 €"):
        services.payment_record(actor=finance_user, commitment=commitment, amount="500.00")
    with pytest.raises(ConflictError, match="maksettu 600,00 €"):
        services.payment_recover(actor=finance_user, commitment=commitment, amount="600.01")
    services.payment_recover(actor=finance_user, commitment=commitment, amount="100.00")
    appropriation = fresh(appropriation)
    assert (appropriation.committed, appropriation.paid) == (Decimal("1000.00"), Decimal("500.00"))
    recovery = LedgerEntry.objects.get(kind="recovery")
    assert recovery.paid_delta == Decimal("-100.00")
    assert recovery.reason == "overpayment"


def test_release_frees_the_unpaid_part_for_new_commitments(finance_user, appropriation):
    commitment = services.commitment_create(
        actor=finance_user, appropriation=appropriation, amount="10000.00", description="Kaikki"
    )
    services.payment_record(actor=finance_user, commitment=commitment, amount="7000.00")
    entry = services.commitment_release(
        actor=finance_user, commitment=commitment, reason="cancellation"
    )
    assert entry.amount == Decimal("3000.00")
    assert fresh(appropriation).available == Decimal("3000.00")
    with pytest.raises(ConflictError, match="ei ole maksamatonta osaa"):
        services.commitment_release(
            actor=finance_user, commitment=commitment, reason="cancellation"
        )
    services.commitment_create(
        actor=finance_user, appropriation=appropriation, amount="3000.00", description="Uusi"
    )


def test_partial_release_cannot_exceed_unpaid(finance_user, appropriation):
    commitment = services.commitment_create(
        actor=finance_user, appropriation=appropriation, amount="100.00", description="X"
    )
    with pytest.raises(ConflictError, match="maksamatta 100,00 €, vapautus 150,00 €"):
        services.commitment_release(
            actor=finance_user, commitment=commitment, reason="cancellation", amount="150.00"
        )
    with pytest.raises(DomainError, match="syy"):
        services.commitment_release(actor=finance_user, commitment=commitment, reason="")


def test_reversal_cancels_an_entry_and_keeps_the_original(finance_user, appropriation):
    commitment = services.commitment_create(
        actor=finance_user, appropriation=appropriation, amount="1000.00", description="X"
    )
    payment = services.payment_record(actor=finance_user, commitment=commitment, amount="250.00")
    reversal = services.ledger_entry_reverse(
        actor=finance_user, entry=payment, description="Väärä lasku"
    )
    assert reversal.reverses == payment
    assert reversal.paid_delta == Decimal("-250.00")
    assert fresh(appropriation).paid == Decimal("0.00")
    assert LedgerEntry.objects.get(pk=payment.pk).paid_delta == Decimal("250.00")
    with pytest.raises(ConflictError, match="jo oikaistu"):
        services.ledger_entry_reverse(actor=finance_user, entry=payment, description="Taas")
    with pytest.raises(ConflictError, match="Oikaisukirjausta ei voi oikaista"):
        services.ledger_entry_reverse(actor=finance_user, entry=reversal, description="Taas")


def test_reversing_a_commitment_with_payments_is_refused(finance_user, appropriation):
    commitment = services.commitment_create(
        actor=finance_user, appropriation=appropriation, amount="1000.00", description="X"
    )
    services.payment_record(actor=finance_user, commitment=commitment, amount="10.00")
    with pytest.raises(
        ConflictError, match="Maksut ylittäisivät sitoumuksen: sidottu 0,00 €, maksettu 10,00 €"
    ):
        services.ledger_entry_reverse(
            actor=finance_user, entry=commitment.entries.first(), description="Virhe"
        )
    assert LedgerEntry.objects.filter(kind="reversal").count() == 0


def test_reversing_a_release_needs_available_money(finance_user):
    appropriation = make_appropriation(finance_user, "1000.00")
    first = services.commitment_create(
        actor=finance_user, appropriation=appropriation, amount="1000.00", description="A"
    )
    release = services.commitment_release(
        actor=finance_user, commitment=first, reason="cancellation"
    )
    services.commitment_create(
        actor=finance_user, appropriation=appropriation, amount="600.00", description="B"
    )
    with pytest.raises(ConflictError, match="käytettävissä 400,00 €, pyydetty 1 000,00 €"):
        services.ledger_entry_reverse(actor=finance_user, entry=release, description="Virhe")


def test_year_end_release_only_from_december_and_releases_every_unpaid_part(finance_user):
    appropriation = make_appropriation(finance_user, "5000.00", year=2025)
    spring = date(2025, 4, 1)
    a = services.commitment_create(
        actor=finance_user,
        appropriation=appropriation,
        amount="2000.00",
        description="A",
        booked_on=spring,
    )
    services.commitment_create(
        actor=finance_user,
        appropriation=appropriation,
        amount="1000.00",
        description="B",
        booked_on=spring,
    )
    services.payment_record(actor=finance_user, commitment=a, amount="2000.00", booked_on=spring)
    with pytest.raises(ConflictError, match=r"aikaisintaan 1\.12\.2025"):
        services.appropriation_year_end_release(
            actor=finance_user, appropriation=appropriation, today=date(2025, 11, 30)
        )
    count, total = services.appropriation_year_end_release(
        actor=finance_user, appropriation=appropriation, today=date(2026, 1, 10)
    )
    assert (count, total) == (1, Decimal("1000.00"))
    release = LedgerEntry.objects.get(kind="release")
    assert release.reason == "year_end"
    assert release.booked_on == date(2025, 12, 31)
    assert fresh(appropriation).available == Decimal("3000.00")


def test_ledger_derived_balances_match_the_cached_ones(finance_user, appropriation):
    a = services.commitment_create(
        actor=finance_user, appropriation=appropriation, amount="4000.00", description="A"
    )
    services.payment_record(actor=finance_user, commitment=a, amount="1500.00")
    services.payment_recover(actor=finance_user, commitment=a, amount="200.00")
    services.commitment_release(actor=finance_user, commitment=a, reason="completed", amount="300")
    services.appropriation_amend(
        actor=finance_user,
        appropriation=appropriation,
        amount="1000",
        decided_by="Jaosto",
        decided_on=date(2026, 5, 5),
    )
    derived = selectors.balances(
        selectors.appropriation_get_for_actor(actor=finance_user, id=appropriation.pk)
    )
    assert (derived.amount, derived.committed, derived.paid, derived.available) == (
        Decimal("11000.00"),
        Decimal("3700.00"),
        Decimal("1300.00"),
        Decimal("7300.00"),
    )
    assert selectors.reconciliation_differences(actor=finance_user, year=2026) == []


def test_ledger_entries_and_decisions_are_append_only(finance_user, appropriation):
    commitment = services.commitment_create(
        actor=finance_user, appropriation=appropriation, amount="10.00", description="X"
    )
    entry = commitment.entries.get()
    entry.amount = Decimal("1.00")
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        LedgerEntry.objects.filter(pk=entry.pk).update(amount=Decimal("1.00"))
    with pytest.raises(AppendOnlyError):
        appropriation.decisions.all().delete()


def test_database_refuses_a_negative_available_balance_written_past_the_services(appropriation):
    with pytest.raises(IntegrityError), transaction.atomic():
        Appropriation.objects.filter(pk=appropriation.pk).update(
            committed=Decimal("10000.01"), available=Decimal("-0.01")
        )


def test_database_refuses_a_cached_balance_that_does_not_add_up(appropriation):
    with pytest.raises(IntegrityError), transaction.atomic():
        Appropriation.objects.filter(pk=appropriation.pk).update(available=Decimal("9000.00"))


@pytest.mark.django_db(transaction=True)
def test_postgresql_trigger_refuses_raw_update_of_ledger_rows(finance_user):
    from django.db import DatabaseError, connection

    if connection.vendor != "postgresql":
        pytest.skip("the append-only trigger exists on PostgreSQL only")
    appropriation = make_appropriation(finance_user, "100.00")
    commitment = services.commitment_create(
        actor=finance_user, appropriation=appropriation, amount="10.00", description="X"
    )
    with pytest.raises(DatabaseError), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE finance_ledgerentry SET amount = 1 WHERE commitment_id = %s", [commitment.pk]
        )


def test_budget_lines_exist_for_every_area_and_new_lines_are_unique(finance_user):
    codes = set(
        BudgetLine.objects.filter(employment_area=finance_user.employment_area).values_list(
            "code", flat=True
        )
    )
    assert {"services", "grants"} <= codes
    services.budget_line_create(actor=finance_user, code="projects", name="Hankkeet")
    with pytest.raises(ConflictError, match="on jo olemassa"):
        services.budget_line_create(actor=finance_user, code="projects", name="Toinen")


def test_balance_write_from_a_stale_read_changes_nothing(appropriation):
    from kohtaanto.finance.services.ledger.booking import _save_balances

    first = Appropriation.objects.get(pk=appropriation.pk)
    stale = Appropriation.objects.get(pk=appropriation.pk)
    first.committed, first.available = Decimal("100.00"), Decimal("9900.00")
    _save_balances(first, ["committed", "available"])
    stale.committed, stale.available = Decimal("50.00"), Decimal("9950.00")
    with pytest.raises(ConflictError, match="Saldo muuttui samaan aikaan"):
        _save_balances(stale, ["committed", "available"])
    assert fresh(appropriation).committed == Decimal("100.00")
