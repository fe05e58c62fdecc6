from datetime import date

from django.core.management import call_command

from kohtaanto.accounts.models import EmploymentArea
from kohtaanto.audit.models import AuditEvent
from kohtaanto.employers.tests.factories import CompanyFactory
from kohtaanto.finance import services
from kohtaanto.finance.models import BudgetLine, DeMinimisCeiling, GrantScheme, SchemeRule
from kohtaanto.finance.tests.factories import make_appropriation, make_scheme, submit, youth_voucher


def test_every_service_writes_its_audit_event_with_the_actor(
    finance_user, business_advisor, area, approver
):
    appropriation = make_appropriation(finance_user, "5000.00", year=2025)
    grants = make_appropriation(finance_user, "50000.00", line="grants")
    services.appropriation_amend(
        actor=finance_user,
        appropriation=appropriation,
        amount="100",
        decided_by="Jaosto",
        decided_on=date(2025, 3, 1),
    )
    spring = date(2025, 4, 1)
    commitment = services.commitment_create(
        actor=finance_user,
        appropriation=appropriation,
        amount="1000",
        description="A",
        booked_on=spring,
    )
    services.payment_record(
        actor=finance_user, commitment=commitment, amount="500", booked_on=spring
    )
    recovery = services.payment_recover(
        actor=finance_user, commitment=commitment, amount="100", booked_on=spring
    )
    services.ledger_entry_reverse(actor=finance_user, entry=recovery, description="Virhe")
    services.commitment_release(
        actor=finance_user, commitment=commitment, reason="cancellation", amount="100"
    )
    services.appropriation_year_end_release(
        actor=finance_user, appropriation=appropriation, today=date(2026, 1, 2)
    )
    services.budget_line_create(actor=finance_user, code="projects", name="Hankkeet")
    scheme = services.grant_scheme_create(
        actor=finance_user,
        code="testi",
        name="Testi",
        kind="regional",
        line=BudgetLine.objects.get(employment_area=area, code="grants"),
        envelope="1000",
        starts_on=date(2026, 1, 1),
        ends_on=None,
        legal_basis="Päätös",
    )
    services.grant_scheme_update(actor=finance_user, scheme=scheme, envelope="2000")
    services.scheme_rule_create(
        actor=finance_user,
        scheme=make_scheme(area),
        category="general",
        label="Uusi",
        valid_from=date(2027, 1, 1),
        percentage=50,
        monthly_cap=100,
        source="Päätös",
    )
    voucher = youth_voucher(area)
    company = CompanyFactory()
    services.application_link_create(actor=business_advisor, scheme=voucher, company=company)[1]
    rejected = submit(business_advisor, voucher)
    services.grant_application_reject(actor=finance_user, application=rejected, reasons="Ei")
    decision = services.grant_application_approve(
        actor=finance_user,
        application=submit(business_advisor, voucher),
        appropriation=grants,
        reasons="OK",
    )
    services.grant_claim_link_make(actor=business_advisor, decision=decision)
    first = services.grant_claim_submit(
        actor=finance_user,
        decision=decision,
        period_start=date(2026, 3, 1),
        period_end=date(2026, 3, 31),
        pay_costs="3000",
        claimed_amount="1500",
        channel="advisor",
    )
    services.grant_claim_pay(actor=approver, claim=first)
    second = services.grant_claim_submit(
        actor=None,
        decision=decision,
        period_start=date(2026, 4, 1),
        period_end=date(2026, 4, 30),
        pay_costs="3000",
        claimed_amount="1500",
        channel="link",
    )
    services.grant_claim_reject(actor=finance_user, claim=second, reason="Liite puuttuu")
    services.grant_overpayment_recover(
        actor=finance_user, decision=decision, amount="10", description="X"
    )
    services.grant_decision_close(actor=finance_user, decision=decision)

    by_action = {e.action: e for e in AuditEvent.objects.all()}
    expected = {
        "appropriation.create",
        "appropriation.amend",
        "commitment.create",
        "payment.record",
        "payment.recover",
        "ledger_entry.reverse",
        "commitment.release",
        "appropriation.year_end_release",
        "budget_line.create",
        "grant_scheme.create",
        "grant_scheme.update",
        "scheme_rule.close",
        "scheme_rule.create",
        "grant_application.link",
        "grant_application.submit",
        "grant_application.reject",
        "grant_application.approve",
        "grant_claim.link",
        "grant_claim.submit",
        "grant_claim.pay",
        "grant_claim.reject",
    }
    assert expected <= set(by_action)
    assert by_action["grant_claim.reject"].actor_username == finance_user.username
    assert by_action["appropriation.amend"].changes["amount"] == ["5000.00", "5100.00"]
    link_claim = AuditEvent.objects.filter(action="grant_claim.submit").order_by("id").last()
    assert link_claim.actor is None


def test_defaults_command_equips_a_new_area_and_changes_nothing_existing(area, finance_user):
    GrantScheme.objects.filter(employment_area=area, code="palkkatuki").update(name="Oma nimi")
    new = EmploymentArea.objects.create(code="uusi-alue", name="Uusi työllisyysalue")
    call_command("finance_defaults", stdout=None)
    assert set(BudgetLine.objects.filter(employment_area=new).values_list("code", flat=True)) == {
        "services",
        "grants",
    }
    subsidy = GrantScheme.objects.get(employment_area=new, code="palkkatuki")
    assert SchemeRule.objects.filter(scheme=subsidy).count() == 5
    assert not GrantScheme.objects.filter(employment_area=new, code="nuorten-tyollistamisseteli")
    assert GrantScheme.objects.get(employment_area=area, code="palkkatuki").name == "Oma nimi"
    ceilings = DeMinimisCeiling.objects.order_by("valid_from")
    assert [(c.ceiling, c.source[:51]) for c in ceilings][-1] == (
        300000,
        "Komission asetus (EU) 2023/2831, 3 artiklan 2 kohta",
    )


def test_default_texts_fit_their_columns():
    """SQLite does not enforce lengths; PostgreSQL would refuse the data migration."""
    import json

    from kohtaanto.finance.defaults import DEFAULTS_FILE

    data = json.loads(DEFAULTS_FILE.read_text(encoding="utf-8"))
    schemes = data["every_area"]["schemes"] + [
        scheme for area in data["areas"].values() for scheme in area["schemes"]
    ]
    limits = {
        "legal_basis": GrantScheme._meta.get_field("legal_basis").max_length,
        "source": SchemeRule._meta.get_field("source").max_length,
        "label": SchemeRule._meta.get_field("label").max_length,
    }
    for scheme in schemes:
        assert len(scheme["legal_basis"]) <= limits["legal_basis"], scheme["code"]
        for rule in scheme["rules"]:
            assert len(rule["source"]) <= limits["source"], rule["label"]
            assert len(rule["label"]) <= limits["label"], rule["label"]
            assert rule["parameter_sources"], rule["label"]
    for ceiling in data["de_minimis_ceilings"]:
        assert len(ceiling["source"]) <= DeMinimisCeiling._meta.get_field("source").max_length
