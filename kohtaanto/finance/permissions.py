"""Permission rules of the finance app (see kohtaanto.accounts.permissions).

* Coordinator and finance read and write appropriations, commitments, payments and schemes;
  the auditor reads everything, writes nothing.
* Grant decisions are made by the coordinator or the finance role: both act with the
  employment director's delegated authority over the appropriation, and whoever approves
  also commits the money, so the decision and the commitment cannot drift apart.
* Business advisors work with companies: they see and enter grant applications and send the
  application link, but do not decide or pay.
"""

from kohtaanto.accounts.models import Role
from kohtaanto.accounts.permissions import role_rule

role_rule("view_finance", Role.COORDINATOR, Role.FINANCE, Role.AUDITOR)
role_rule("manage_finance", Role.COORDINATOR, Role.FINANCE)
role_rule(
    "view_grant_applications",
    Role.COORDINATOR,
    Role.FINANCE,
    Role.AUDITOR,
    Role.BUSINESS_ADVISOR,
)
role_rule("enter_grant_application", Role.COORDINATOR, Role.FINANCE, Role.BUSINESS_ADVISOR)
role_rule("decide_grant", Role.COORDINATOR, Role.FINANCE)
