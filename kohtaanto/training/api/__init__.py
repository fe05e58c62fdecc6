"""Training API: providers and their partner members, companies' partner and linked enterprises
(size class), agreements, programmes, orders (with their later years' shares), invoices, the
employer's share invoice, enrolments, thresholds, the purchase plan and the report — with the
permissions of the pages (permissions.py).

One module a resource: importing them registers their endpoints on the router; their schemas
are re-exported here (the endpoints are reached through their module, whose name some of them
share).

Amounts are decimal strings ("10000.00") both ways. What the actor may not see answers 404
like a missing object; a refusal by a rule answers 400 or 409 with the rule and the figures in
`detail`. Enrolled persons are shown by name only, never with an identity code.
"""

from kohtaanto.training.api import agreements, enrolments, orders, programmes, providers, reports
from kohtaanto.training.api.agreements import (
    AgreementIn,
    AgreementOut,
    StatusIn,
    ThresholdOut,
    WarningOut,
)
from kohtaanto.training.api.common import Amount, router
from kohtaanto.training.api.enrolments import (
    EnrolmentIn,
    EnrolmentOut,
    ProgressIn,
)
from kohtaanto.training.api.orders import (
    InvoiceIn,
    OrderIn,
    OrderOut,
)
from kohtaanto.training.api.programmes import (
    EmployerInvoiceIn,
    EmployerInvoiceOut,
    ProgrammeIn,
    ProgrammeOut,
    SkillIn,
)
from kohtaanto.training.api.providers import (
    CompanySizeOut,
    EnterpriseLinkIn,
    EnterpriseLinkOut,
    MemberIn,
    MemberOut,
    ProviderIn,
    ProviderOut,
)
from kohtaanto.training.api.reports import (
    PlanOut,
    PlanPurchaseOut,
    ReportOut,
    ReportRowOut,
)

PREFIX = "training"

__all__ = [
    "PREFIX",
    "AgreementIn",
    "AgreementOut",
    "Amount",
    "CompanySizeOut",
    "EmployerInvoiceIn",
    "EmployerInvoiceOut",
    "EnrolmentIn",
    "EnrolmentOut",
    "EnterpriseLinkIn",
    "EnterpriseLinkOut",
    "InvoiceIn",
    "MemberIn",
    "MemberOut",
    "OrderIn",
    "OrderOut",
    "PlanOut",
    "PlanPurchaseOut",
    "ProgrammeIn",
    "ProgrammeOut",
    "ProgressIn",
    "ProviderIn",
    "ProviderOut",
    "ReportOut",
    "ReportRowOut",
    "SkillIn",
    "StatusIn",
    "ThresholdOut",
    "WarningOut",
    "agreements",
    "enrolments",
    "orders",
    "programmes",
    "providers",
    "reports",
    "router",
]
