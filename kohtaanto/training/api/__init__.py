"""Training API: providers and their partner members, companies' partner and linked enterprises
(size class), agreements, programmes, orders (with their later years' shares), invoices, the
employer's share invoice, enrolments, thresholds, the purchase plan and the report — with the
permissions of the pages (permissions.py). One module a resource.

Amounts are decimal strings ("10000.00") both ways. What the actor may not see answers 404
like a missing object; a refusal by a rule answers 400 or 409 with the rule and the figures in
`detail`. Enrolled persons are shown by name only, never with an identity code.
"""

# Importing the endpoint modules registers their routes on the router.
from kohtaanto.training.api import (
    agreements,  # noqa: F401
    enrolments,  # noqa: F401
    orders,  # noqa: F401
    programmes,  # noqa: F401
    providers,  # noqa: F401
    reports,  # noqa: F401
)
from kohtaanto.training.api.common import router

PREFIX = "training"

__all__ = ["PREFIX", "router"]
