"""Commitment throughput on one appropriation: one writer, then many at once.

Every commitment locks the appropriation row, so parallel writers queue behind each other;
this shows what that costs. Runs against the database in DATABASE_URL (use a scratch one,
it is migrated and written to):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kh_finance_bench \\
        python bench/finance_commitments.py [--commitments 500] [--threads 8]

Prints commitments per second; never fails on time.
"""

import argparse
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--commitments", type=int, default=500)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kohtaanto.config.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from kohtaanto.accounts.models import EmploymentArea, Role, User
    from kohtaanto.common.errors import ConflictError
    from kohtaanto.finance import services
    from kohtaanto.finance.models import Appropriation, BudgetLine

    call_command("migrate", verbosity=0)
    area = EmploymentArea.objects.get(code="keski-pohjanmaa")
    actor, _ = User.objects.get_or_create(
        username="bench-finance", defaults={"role": Role.FINANCE, "employment_area": area}
    )
    line = BudgetLine.objects.get(employment_area=area, code="services")

    def fresh(amount: str) -> Appropriation:
        return services.appropriation_create(
            actor=actor,
            year=2026,
            line=line,
            name=f"Bench {time.time()}",
            amount=amount,
            decided_by="bench",
            decided_on=date(2026, 1, 1),
        )

    n = args.commitments
    appropriation = fresh(str(n * 10))
    start = time.perf_counter()
    for i in range(n):
        services.commitment_create(
            actor=actor, appropriation=appropriation, amount="10.00", description=f"b{i}"
        )
    serial = n / (time.perf_counter() - start)

    # Parallel: room for half of the attempts, so refusals are measured too.
    appropriation = fresh(str(n * 5))
    barrier = threading.Barrier(args.threads)
    per_thread = n // args.threads
    outcomes: list[str] = []

    def worker(_: int) -> None:
        barrier.wait()
        try:
            for i in range(per_thread):
                try:
                    services.commitment_create(
                        actor=actor,
                        appropriation=appropriation,
                        amount="10.00",
                        description=f"p{i}",
                    )
                    outcomes.append("ok")
                except ConflictError:
                    outcomes.append("refused")
        finally:
            connection.close()

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=args.threads) as pool:
        list(pool.map(worker, range(args.threads)))
    elapsed = time.perf_counter() - start
    appropriation.refresh_from_db()
    print(f"database: {connection.vendor}")
    print(f"serial:   {n} commitments, {serial:.0f}/s")
    print(
        f"parallel: {len(outcomes)} attempts in {args.threads} threads, "
        f"{len(outcomes) / elapsed:.0f}/s, accepted {outcomes.count('ok')}, "
        f"refused {outcomes.count('refused')}, available at the end {appropriation.available}"
    )
    assert appropriation.available == Decimal(n * 5) - 10 * outcomes.count("ok")


if __name__ == "__main__":
    main()
