"""The financing plan and the funder's payment decisions: accepted staff costs with a reason
for any deduction, the 40 % flat rate recomputed on what was accepted, the funder's share by
the support rate, money received and still owed."""

from datetime import date
from decimal import Decimal

import pytest

from kohtaanto.common.errors import ConflictError, DomainError
from kohtaanto.programme import selectors, services
from kohtaanto.programme.models import PaymentDecision, TimeRecord, TimeRecording
from kohtaanto.programme.tests.factories import StaffPositionFactory


@pytest.fixture
def submitted(coordinator, operation, monkeypatch):
    monkeypatch.setattr(
        selectors, "data_quality_report", lambda **kw: selectors.DataQualityReport()
    )
    position = StaffPositionFactory(
        operation=operation,
        annual_gross_cost=Decimal("51600"),
        time_recording=TimeRecording.FIXED_PERCENTAGE,
        fixed_percentage=Decimal("100"),
    )
    for month in range(1, 7):
        services.time_record_create(
            actor=coordinator,
            position=position,
            span=TimeRecord.Span.MONTH,
            day=date(2026, month, 1),
            percentage=Decimal("100"),
            today=date(2026, 12, 2),
        )
    report = services.cost_report_create(
        actor=coordinator, period=operation.payment_periods.get(number=1)
    )
    services.cost_report_update(actor=coordinator, report=report, narrative="Alku.")
    return services.cost_report_submit(actor=coordinator, report=report)


def test_decision_recomputes_the_flat_rate_on_accepted_staff_costs(
    coordinator, operation, submitted
):
    assert submitted.figures["staff_total"] == "25800.00"  # 6 × 51 600 / 12
    services.financing_plan_save(
        actor=coordinator,
        operation=operation,
        support_rate_percent=Decimal("80"),
        municipal_share_eur=Decimal("50000"),
    )
    with pytest.raises(DomainError, match="peruste"):
        services.payment_decision_record(
            actor=coordinator,
            report=submitted,
            decided_on=date(2026, 9, 15),
            accepted_staff_eur=Decimal("25000"),
        )
    decision = services.payment_decision_record(
        actor=coordinator,
        report=submitted,
        decided_on=date(2026, 9, 15),
        accepted_staff_eur=Decimal("25000"),
        deduction_reason="Lomarahajakso ei kohdistu hankkeeseen.",
        paid_eur=Decimal("20000"),
        paid_on=date(2026, 10, 1),
    )
    # 40 % of the accepted 25 000 €, not of the claimed 25 800 €.
    assert decision.accepted_flat_rate_eur == Decimal("10000.00")
    assert decision.funder_share_eur == Decimal("28000.00")  # 80 % of 35 000
    summary = selectors.financing_summary(operation=operation)
    assert summary.claimed == Decimal("36120.00")  # 25 800 × 1.4
    assert summary.accepted == Decimal("35000.00")
    assert summary.received == Decimal("20000.00")
    assert summary.still_owed == Decimal("8000.00")
    with pytest.raises(ConflictError):
        services.payment_decision_record(
            actor=coordinator,
            report=submitted,
            decided_on=date(2026, 9, 16),
            accepted_staff_eur=Decimal("25800"),
        )


def test_decision_refuses_more_than_claimed_or_paid_over_the_share(
    coordinator, operation, submitted
):
    with pytest.raises(DomainError) as no_plan:
        services.payment_decision_record(
            actor=coordinator,
            report=submitted,
            decided_on=date(2026, 9, 15),
            accepted_staff_eur=Decimal("25800"),
        )
    assert no_plan.value.code == "no_plan"
    services.financing_plan_save(
        actor=coordinator, operation=operation, support_rate_percent=Decimal("75")
    )
    with pytest.raises(DomainError, match=r"0–25 800\.00"):
        services.payment_decision_record(
            actor=coordinator,
            report=submitted,
            decided_on=date(2026, 9, 15),
            accepted_staff_eur=Decimal("25800.01"),
        )
    with pytest.raises(DomainError, match="Maksettu"):
        services.payment_decision_record(
            actor=coordinator,
            report=submitted,
            decided_on=date(2026, 9, 15),
            accepted_staff_eur=Decimal("25800"),
            paid_eur=Decimal("27090.01"),  # the share is 75 % of 36 120 = 27 090
        )
    assert not PaymentDecision.objects.exists()


def test_financing_plan_refuses_a_rate_over_100_and_another_areas_appropriation(
    coordinator, operation
):
    with pytest.raises(DomainError):
        services.financing_plan_save(
            actor=coordinator, operation=operation, support_rate_percent=Decimal("100.01")
        )


def test_decision_and_plan_from_the_pages(client_as, coordinator, operation, submitted):
    client = client_as(coordinator)
    response = client.post(
        f"/programme/operations/{operation.pk}/financing/",
        {"support_rate_percent": "80", "municipal_share_eur": "50 000,00"},
    )
    assert response.status_code == 302
    response = client.post(
        f"/programme/cost-reports/{submitted.pk}/decision/",
        {"decided_on": "2026-09-15", "accepted_staff_eur": "25 800,00", "paid_eur": "10 000"},
    )
    assert response.status_code == 302
    assert PaymentDecision.objects.get().accepted_flat_rate_eur == Decimal("10320.00")
    page = client.get(f"/programme/operations/{operation.pk}/budget/").content.decode()
    page = page.replace("\xa0", " ").replace("\u202f", " ")
    assert "Saamatta" in page and "18 896,00" in page  # 80 % of 36 120 − 10 000
    assert client_as("auditor").post(
        f"/programme/operations/{operation.pk}/financing/", {"support_rate_percent": "90"}
    ).status_code in (403, 404)
