import random

from kohtaanto.accounts.models import Role
from kohtaanto.finance import demo, selectors
from kohtaanto.finance.models import (
    Appropriation,
    Commitment,
    GrantApplication,
    GrantDecision,
    LedgerEntry,
)


def counts():
    return [
        m.objects.count()
        for m in (Appropriation, Commitment, LedgerEntry, GrantApplication, GrantDecision)
    ]


def test_demo_makes_a_consistent_year_and_a_rerun_adds_nothing(area, make_user):
    users = {
        role: make_user(role) for role in (Role.FINANCE, Role.BUSINESS_ADVISOR, Role.COORDINATOR)
    }
    demo.generate(rng=random.Random(2026), area=area, users=users)
    first = counts()
    assert first[0] == 2
    assert GrantDecision.objects.filter(outcome="approved").count() == 3
    assert GrantDecision.objects.filter(outcome="rejected").count() == 1
    assert GrantApplication.objects.filter(status="received").count() == 1
    summary = selectors.year_summary(actor=users[Role.FINANCE], year=2026)
    assert summary.total.committed > 0 and summary.total.paid > 0
    assert summary.total.available > 0
    assert selectors.reconciliation_differences(actor=users[Role.FINANCE], year=2026) == []
    demo.generate(rng=random.Random(2026), area=area, users=users)
    assert counts() == first
