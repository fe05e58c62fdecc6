"""Decisions as documents: number, date, delegation, letter by e-mail; de minimis per single
undertaking; the append-only guard on SQLite as on PostgreSQL."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import DatabaseError, connection, transaction
from pypdf import PdfReader

from kohtaanto.common.errors import ConflictError, DomainError
from kohtaanto.employers.tests.factories import CompanyFactory
from kohtaanto.finance import services
from kohtaanto.finance.letters import decision_letter_pdf
from kohtaanto.finance.models import Commitment, GrantDecision, LedgerEntry
from kohtaanto.finance.tests.factories import give_delegation, submit, youth_voucher


@pytest.fixture
def voucher(area):
    return youth_voucher(area)


def approve(actor, application, appropriation, **kwargs):
    return services.grant_application_approve(
        actor=actor,
        application=application,
        appropriation=appropriation,
        reasons="Ehdot täyttyvät.",
        **kwargs,
    )


def pdf_text(data: bytes) -> str:
    import io

    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_decisions_are_numbered_per_year_and_a_refusal_is_a_decision_too(
    finance_user, business_advisor, voucher, grants_appropriation
):
    first = approve(
        finance_user,
        submit(business_advisor, voucher),
        grants_appropriation,
        decided_on=date(2026, 2, 20),
    )
    refusal = services.grant_application_reject(
        actor=finance_user,
        application=submit(business_advisor, voucher, employee_birth_date=date(1990, 1, 1)),
        reasons="Ikäraja ylittyy.",
    )
    assert (first.number, first.granted_on) == ("1/2026", date(2026, 2, 20))
    assert (refusal.number, refusal.outcome, refusal.granted_on) == (
        "2/2026",
        "rejected",
        date(2026, 12, 2),
    )
    assert refusal.delegation.startswith("Työllisyysjaoston päätös")
    assert first.official_title == "Työllisyyspalvelupäällikkö"
    assert first.commitment.entries.get().booked_on == date(2026, 2, 20)


def test_decision_date_in_the_future_or_without_delegation_is_refused(
    finance_user, business_advisor, make_user, voucher, grants_appropriation
):
    application = submit(business_advisor, voucher)
    with pytest.raises(DomainError, match=r"Päätöspäivä 3\.12\.2026 on tulevaisuudessa"):
        approve(finance_user, application, grants_appropriation, decided_on=date(2026, 12, 3))
    without = make_user("finance")
    with pytest.raises(ConflictError, match=r"päätösvallan siirto .* puuttuu"):
        approve(without, application, grants_appropriation)
    expired = make_user("finance")
    give_delegation(expired, valid_from=date(2026, 12, 3))
    with pytest.raises(ConflictError, match="päätösvallan siirto"):
        services.grant_application_reject(actor=expired, application=application, reasons="Ei.")
    assert not GrantDecision.objects.exists()
    assert not Commitment.objects.exists()


def test_letter_is_mailed_after_the_commit_in_the_applicants_language(
    finance_user,
    business_advisor,
    voucher,
    grants_appropriation,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        decision = approve(
            finance_user, submit(business_advisor, voucher, language="sv"), grants_appropriation
        )
    assert decision.language == "sv"
    (mail,) = mailoutbox
    assert mail.to == ["pekka@example.fi"]
    assert mail.subject.startswith("Beslut 1/2026")
    name, content, mimetype = mail.attachments[0]
    assert (name, mimetype) == ("paatos-1-2026.pdf", "application/pdf")
    text = pdf_text(content)
    assert "Begäran om omprövning" in text or "omprövning" in text
    assert "410/2015" in text


def test_letter_states_amount_reasons_rule_delegation_appeal_and_de_minimis(
    finance_user, business_advisor, voucher, grants_appropriation
):
    decision = approve(finance_user, submit(business_advisor, voucher), grants_appropriation)
    text = pdf_text(decision_letter_pdf(decision))
    for expected in (
        "Päätös 1/2026",
        "avustus myönnetään",
        "9 000,00 €",
        "Ehdot täyttyvät.",
        "nuorten työllistämissetelistä 2026–2027",
        "Työllisyysjaoston päätös 14.1.2025 § 3",
        "oikaisuvaatimuksen",
        "Kuntalaki (410/2015) 134 §",
        "14 päivän",
        "2023/2831",
        "300 000,00 €",
    ):
        assert expected in " ".join(text.split()), expected


def test_refusal_letter_has_the_appeal_instructions_and_no_amount(
    finance_user, business_advisor, voucher
):
    refusal = services.grant_application_reject(
        actor=finance_user,
        application=submit(business_advisor, voucher, weekly_hours=Decimal("10")),
        reasons="Työaika 10 tuntia viikossa on alle vähimmäistyöajan 25 tuntia.",
    )
    text = " ".join(pdf_text(decision_letter_pdf(refusal)).split())
    assert "avustusta ei myönnetä" in text
    assert "oikaisuvaatimuksen" in text
    assert "De minimis -tuki" not in text


# --- de minimis per single undertaking --------------------------------------------------------


def test_de_minimis_counts_aid_to_linked_enterprises(
    finance_user, business_advisor, voucher, grants_appropriation
):
    sister = CompanyFactory(employment_area=voucher.employment_area)
    granted = approve(
        finance_user, submit(business_advisor, voucher, company=sister), grants_appropriation
    )
    declared = [(date(2026, 1, 10), Decimal("291000.00") - granted.amount + Decimal("0.01"), "X")]
    linked = submit(
        business_advisor,
        voucher,
        other_de_minimis=declared,
        linked_business_ids=[sister.business_id],
    )
    assert not linked.eligible
    assert [r["code"] for r in linked.evaluation["reasons"]] == ["de_minimis_ceiling_exceeded"]
    alone = submit(business_advisor, voucher, other_de_minimis=declared)
    assert alone.eligible


# --- append-only on every database --------------------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE finance_ledgerentry SET amount = 1",
        "DELETE FROM finance_ledgerentry",
        "UPDATE finance_grantdecision SET reasons = 'muutettu'",
        "DELETE FROM finance_appropriationdecision",
        "UPDATE audit_auditevent SET action = 'forged'",
        "DELETE FROM audit_auditevent",
    ],
)
def test_database_refuses_update_and_delete_of_ledger_decision_and_audit_rows(
    finance_user, business_advisor, voucher, grants_appropriation, statement
):
    approve(finance_user, submit(business_advisor, voucher), grants_appropriation)
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement)
    assert LedgerEntry.objects.count() == 1
    assert GrantDecision.objects.get().reasons == "Ehdot täyttyvät."


@pytest.mark.django_db(transaction=True)
def test_flush_still_empties_the_guarded_tables(finance_user, business_advisor, area):
    """The test runner's flush (SQLite: row deletes) passes the guard; nothing else does."""
    from django.core.management import call_command

    from kohtaanto.finance.tests.factories import make_appropriation

    appropriation = make_appropriation(finance_user, "100.00")
    services.commitment_create(
        actor=finance_user,
        appropriation=appropriation,
        amount="10.00",
        description="X",
        booked_on=date(2026, 12, 2) - timedelta(days=1),
    )
    with pytest.raises(DatabaseError), connection.cursor() as cursor:
        cursor.execute("DELETE FROM finance_ledgerentry")
    call_command("flush", interactive=False, verbosity=0)
    assert not LedgerEntry.objects.exists()
