"""Appropriations, the commitment ledger, and grant schemes with their applications.

One module per aggregate: `ledger` (budget lines, appropriations, commitments, entries),
`schemes` (schemes, rules, de minimis ceilings), `applications` (applications and their
public links) and `decisions` (decisions, delegations, numbers, policy, payment claims).

Money model (duty 6 in DESIGN.md):

* An **appropriation** (määräraha) is the money the employment area has reserved for one budget
  line in one year. Its amount is the sum of its append-only decisions (the first decision and
  any amendments); it is never edited.
* The **ledger** is append-only: commitments (sitoumus) bind money, releases free the unused
  part, payments and recoveries move the paid sum, and a correction is a reversing entry.
  `reserved` (= the appropriation amount), `committed`, `paid` and `available` are derived from
  the decisions and the ledger.
* The appropriation row also carries those balances as cached columns, written by the services
  in the same transaction as the ledger entry while the row is locked. The database guards
  them as well: check constraints (`available` is never negative and always equals
  amount − committed) and a revision number that every balance write must match, so that a
  write based on a stale read changes nothing.
"""

from kohtaanto.finance.models.applications import (
    ApplicationLink,
    DecisionLanguage,
    EmployerKind,
    GrantApplication,
    PublicLinkAttempt,
)
from kohtaanto.finance.models.base import (
    HALF_CENT,
    ZERO,
)
from kohtaanto.finance.models.decisions import (
    DecisionDelegation,
    DecisionNumber,
    FinancePolicy,
    GrantDecision,
    GrantPaymentClaim,
)
from kohtaanto.finance.models.ledger import (
    Appropriation,
    AppropriationDecision,
    BudgetLine,
    Commitment,
    CommitmentSource,
    CommitmentYearPart,
    LedgerEntry,
)
from kohtaanto.finance.models.schemes import (
    DeMinimisCeiling,
    GrantScheme,
    SchemeRule,
)

__all__ = [
    "HALF_CENT",
    "ZERO",
    "ApplicationLink",
    "Appropriation",
    "AppropriationDecision",
    "BudgetLine",
    "Commitment",
    "CommitmentSource",
    "CommitmentYearPart",
    "DeMinimisCeiling",
    "DecisionDelegation",
    "DecisionLanguage",
    "DecisionNumber",
    "EmployerKind",
    "FinancePolicy",
    "GrantApplication",
    "GrantDecision",
    "GrantPaymentClaim",
    "GrantScheme",
    "LedgerEntry",
    "PublicLinkAttempt",
    "SchemeRule",
]
