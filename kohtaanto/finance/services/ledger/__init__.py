"""Appropriations and the commitment ledger: every write that moves money.

The modules: `rules` (the checks and refusals), `booking` (the one place that books: locks,
the entry and the cached balances), `appropriations`, `commitments`, `payments` (payments,
recoveries and corrections) and `year_end`.

Invariants kept by every function here (and checked again by the database):

* Ledger entries and appropriation decisions are only ever inserted.
* For each appropriation: available = amount − committed ≥ 0 and 0 ≤ paid ≤ committed;
  for each commitment: 0 ≤ paid ≤ committed; for each grant scheme: committed ≤ envelope.
* Money is bound to its year (the municipal budget's annuality, Kuntalaki 410/2015 110 §: the
  budget is approved per financial year): nothing is booked on a future date; a payment or a
  recovery falls in the appropriation's year, except a payment made in January for the previous
  year's obligation, which is an explicit carry-over (reason `carry_over`, its explanation in the
  entry). A commitment that spans the year end is split by year (`commitment_create_split`):
  the later years' parts wait for those years' appropriations and are open obligations until
  booked.
* The cached balances change in the same transaction as the entry that explains them, while
  the appropriation row (then the scheme row, then the commitment row — always in that order)
  is locked with SELECT … FOR UPDATE. On SQLite the settings open every transaction with
  BEGIN IMMEDIATE, so writers are serialised there as well.
"""

from kohtaanto.finance.services.ledger.appropriations import (
    appropriation_amend,
    appropriation_create,
    budget_line_create,
)
from kohtaanto.finance.services.ledger.booking import (
    LockedRows,
    lock_rows,
)
from kohtaanto.finance.services.ledger.commitments import (
    commitment_create,
    commitment_create_split,
    commitment_open,
    commitment_release,
    commitment_year_part_book,
    split_parts,
    year_parts_open,
)
from kohtaanto.finance.services.ledger.payments import (
    ledger_entry_reverse,
    payment_record,
    payment_recover,
)
from kohtaanto.finance.services.ledger.rules import (
    BOOKING_YEARS_BEFORE,
    CARRY_OVER_LAST_MONTH,
    ZERO,
    AmountInput,
    check_booking_window,
    check_not_future,
    check_payment_date,
    envelope_message,
    require_area,
    shortfall_message,
)
from kohtaanto.finance.services.ledger.year_end import (
    appropriation_year_end_release,
)

__all__ = [
    "BOOKING_YEARS_BEFORE",
    "CARRY_OVER_LAST_MONTH",
    "ZERO",
    "AmountInput",
    "LockedRows",
    "appropriation_amend",
    "appropriation_create",
    "appropriation_year_end_release",
    "budget_line_create",
    "check_booking_window",
    "check_not_future",
    "check_payment_date",
    "commitment_create",
    "commitment_create_split",
    "commitment_open",
    "commitment_release",
    "commitment_year_part_book",
    "envelope_message",
    "ledger_entry_reverse",
    "lock_rows",
    "payment_record",
    "payment_recover",
    "require_area",
    "shortfall_message",
    "split_parts",
    "year_parts_open",
]
