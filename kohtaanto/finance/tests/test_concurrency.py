"""Many people spending the same appropriation at the same moment: nobody overspends.

Real threads, each with its own database connection, start together at a barrier. On
PostgreSQL the appropriation row is locked with SELECT … FOR UPDATE; on SQLite every
transaction begins IMMEDIATE, which serialises writers on the database file.
"""

import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
from django.db import connection

from kohtaanto.common.errors import ConflictError
from kohtaanto.finance import selectors, services
from kohtaanto.finance.models import Appropriation, Commitment, GrantScheme, LedgerEntry
from kohtaanto.finance.tests.factories import make_appropriation, make_scheme, submit

ON_POSTGRESQL = connection.vendor == "postgresql"
ATTEMPTS = 50


def _in_parallel(count, action):
    """Run `action(i)` in `count` threads released together; each closes its connection."""
    barrier = threading.Barrier(count)

    def run(i):
        try:
            barrier.wait(timeout=30)
            action(i)
            return "ok"
        except ConflictError as exc:
            return exc.message
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))


def _parallel_commitments_never_overspend(finance_user):
    # 1 000 € holds thirteen commitments of 75 € (975 €); 25 € stays free.
    appropriation = make_appropriation(finance_user, "1000.00")

    def commit(i):
        services.commitment_create(
            actor=finance_user,
            appropriation=appropriation,
            amount="75.00",
            description=f"Rinnakkainen tilaus {i}",
        )

    results = _in_parallel(ATTEMPTS, commit)
    accepted = results.count("ok")
    refusals = [r for r in results if r != "ok"]
    assert accepted == 13
    assert len(refusals) == ATTEMPTS - 13
    assert set(refusals) == {
        "Määräraha ei riitä: käytettävissä 25,00 €, pyydetty 75,00 €, vaje 50,00 €."
    }
    appropriation = Appropriation.objects.get(pk=appropriation.pk)
    assert appropriation.available >= 0
    assert appropriation.available == Decimal("1000.00") - accepted * Decimal("75.00")
    assert Commitment.objects.filter(appropriation=appropriation).count() == accepted
    assert LedgerEntry.objects.filter(appropriation=appropriation).count() == accepted
    assert selectors.reconciliation_differences(actor=finance_user, year=2026) == []


@pytest.mark.postgres
@pytest.mark.skipif(
    not ON_POSTGRESQL,
    reason="row locking is tested on PostgreSQL: run with DATABASE_URL=postgres://…",
)
@pytest.mark.django_db(transaction=True)
def test_fifty_parallel_commitments_never_overspend_on_postgresql(finance_user):
    _parallel_commitments_never_overspend(finance_user)


@pytest.mark.django_db(transaction=True)
def test_fifty_parallel_commitments_never_overspend_on_sqlite(finance_user):
    if ON_POSTGRESQL:
        pytest.skip("the SQLite variant; PostgreSQL has its own test")
    if connection.is_in_memory_db():
        pytest.skip(
            "threads need a database file: run with KOHTAANTO_TEST_SQLITE=/tmp/kh-test.sqlite3"
        )
    _parallel_commitments_never_overspend(finance_user)


@pytest.mark.postgres
@pytest.mark.skipif(
    not ON_POSTGRESQL,
    reason="row locking is tested on PostgreSQL: run with DATABASE_URL=postgres://…",
)
@pytest.mark.django_db(transaction=True)
def test_parallel_grant_approvals_stay_within_the_envelope_on_postgresql(
    finance_user, business_advisor, area
):
    # The envelope holds four grants of 9 000 €; the appropriation would hold all twelve.
    appropriation = make_appropriation(finance_user, "200000.00", line="grants")
    scheme = make_scheme(area, envelope="36000.00", monthly_cap=Decimal("1500.00"))
    applications = [submit(business_advisor, scheme) for _ in range(12)]

    def decide(i):
        services.grant_application_approve(
            actor=finance_user,
            application=applications[i],
            appropriation=appropriation,
            reasons="Ehdot täyttyvät.",
        )

    results = _in_parallel(len(applications), decide)
    assert results.count("ok") == 4
    assert all(r.startswith("Avustuksen kehys ei riitä") for r in results if r != "ok")
    assert GrantScheme.objects.get(pk=scheme.pk).committed == Decimal("36000.00")
    assert Appropriation.objects.get(pk=appropriation.pk).available == Decimal("164000.00")
