"""Pages of grant schemes, applications, decisions and payment claims.

One module per step: `schemes` (schemes, rules, application links), `applications`,
`decisions` (approve, reject, view, recover, close) and `claims`.
"""

from kohtaanto.finance.views.grants.applications import (
    application_create,
    application_detail,
    application_list,
    application_update,
    company_de_minimis,
)
from kohtaanto.finance.views.grants.claims import (
    claim_create,
    claim_link,
    claim_pay,
    claim_reject,
)
from kohtaanto.finance.views.grants.decisions import (
    application_approve,
    application_reject,
    decision_close,
    decision_detail,
    decision_recover,
)
from kohtaanto.finance.views.grants.schemes import (
    application_link,
    rule_create,
    scheme_create,
    scheme_detail,
    scheme_list,
    scheme_update,
)

__all__ = [
    "application_approve",
    "application_create",
    "application_detail",
    "application_link",
    "application_list",
    "application_reject",
    "application_update",
    "claim_create",
    "claim_link",
    "claim_pay",
    "claim_reject",
    "company_de_minimis",
    "decision_close",
    "decision_detail",
    "decision_recover",
    "rule_create",
    "scheme_create",
    "scheme_detail",
    "scheme_list",
    "scheme_update",
]
