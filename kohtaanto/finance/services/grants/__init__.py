"""Grant schemes, applications, decisions and payment claims.

One module per step of the workflow: `schemes` (schemes and their rules), `applications`,
`decisions` (approval with its commitment, or refusal; the letters go out from
`finance.letters`) and `claims` (payment claims, payments, recovery, closing).

Invariants:

* An application is checked against the scheme's rule in force on the employment's first day
  and, for de minimis schemes, against the company's aid over the rolling period.
* Only a waiting application can be changed or decided. Approval freezes the inputs, the rule
  terms and the computation in the decision's snapshot and creates the commitment in the same
  transaction — or refuses, naming the shortfall, when the envelope (after earlier waiting
  applications of a first-come scheme) or the appropriation cannot cover it.
* A decision is a document: a running number per area and year, its real date (never in the
  future), the official and the delegation the decision rests on, the reasons, the rule
  version, and a letter in the applicant's language sent by e-mail after the commit. A
  refusal is a decision too.
* A decision whose subsidised period spans the year end commits the appropriation's year now
  and leaves each later year's share waiting for that year's appropriation (split by the
  months of each year); the envelope keeps the waiting shares.
* Payments on a decision never exceed the decided amount; an overpayment is recovered with a
  negative payment entry. A claim covers wages already paid (its period has ended), lies in
  one calendar year within the decided period, and never asks more than the decision still
  owes. Four eyes (per area): the approver of a payment neither decided the grant nor entered
  the claim.
"""

from kohtaanto.finance.services.grants.applications import (
    ApplicationData,
    Assessment,
    grant_application_assess,
    grant_application_submit,
    grant_application_update,
)
from kohtaanto.finance.services.grants.claims import (
    grant_claim_link_make,
    grant_claim_pay,
    grant_claim_reject,
    grant_claim_submit,
    grant_decision_close,
    grant_overpayment_recover,
)
from kohtaanto.finance.services.grants.decisions import (
    decision_year_parts,
    grant_application_approve,
    grant_application_reject,
)
from kohtaanto.finance.services.grants.schemes import (
    GRANT_SCHEME_FIELDS,
    grant_scheme_create,
    grant_scheme_update,
    scheme_rule_create,
)

__all__ = [
    "GRANT_SCHEME_FIELDS",
    "ApplicationData",
    "Assessment",
    "decision_year_parts",
    "grant_application_approve",
    "grant_application_assess",
    "grant_application_reject",
    "grant_application_submit",
    "grant_application_update",
    "grant_claim_link_make",
    "grant_claim_pay",
    "grant_claim_reject",
    "grant_claim_submit",
    "grant_decision_close",
    "grant_overpayment_recover",
    "grant_scheme_create",
    "grant_scheme_update",
    "scheme_rule_create",
]
