"""Who may see and change training procurement (role × scope).

Every rule first requires the object to belong to the user's employment area.

| what                                         | coord. | fin. | couns. | adv. | aud. | partner¹ |
|----------------------------------------------|--------|------|--------|------|------|----------|
| providers, agreements, programmes, orders    | yes    | yes  | yes    | yes  | read | own      |
| manage providers, members, agreements,       | yes    | no   | no     | no   | no   | no       |
| programmes, companies' enterprise links      |        |      |        |      |      |          |
| orders, year parts, invoices, employer       | yes    | yes  | no     | no   | no   | no       |
| invoices, plan                               |        |      |        |      |      |          |
| reports                                      | yes    | yes  | no     | no   | yes  | no       |
| enrol a person                               | yes    | no   | yes    | yes  | no   | own      |
| attendance, completion, interruption, outcome| yes    | no   | no     | no   | no   | own      |
| enrolled persons                             | yes    | no   | yes    | yes  | yes  | consent² |

¹ A partner user sees only the providers they are a member of (ProviderMembership) and those
  providers' programmes, orders and enrolments.
² Only persons with a valid consent to share their data with the provider's partner
  organisation; never identity codes (the training pages and API never show them).
"""

from typing import Any

from kohtaanto.accounts.models import Role
from kohtaanto.accounts.permissions import role_rule, rule
from kohtaanto.training.models import Enrolment, Programme, Provider

STAFF_READ = (
    Role.COORDINATOR,
    Role.FINANCE,
    Role.COUNSELLOR,
    Role.BUSINESS_ADVISOR,
    Role.AUDITOR,
)

role_rule("view_training", *STAFF_READ, Role.PARTNER)
role_rule("manage_training", Role.COORDINATOR)
role_rule("order_training", Role.COORDINATOR, Role.FINANCE)
role_rule("plan_training", Role.COORDINATOR, Role.FINANCE)
role_rule("view_training_reports", Role.COORDINATOR, Role.FINANCE, Role.AUDITOR)


def is_member(user: Any, provider_id: int) -> bool:
    cache = getattr(user, "_training_provider_ids", None)
    if cache is None:
        cache = set(user.training_memberships.values_list("provider_id", flat=True))
        user._training_provider_ids = cache
    return provider_id in cache


def _in_area(user: Any, provider: Provider) -> bool:
    return bool(user.employment_area_id) and provider.employment_area_id == user.employment_area_id


@rule("view_provider")
def _view_provider(user: Any, provider: Provider) -> bool:
    if not _in_area(user, provider):
        return False
    if user.role == Role.PARTNER:
        return is_member(user, provider.pk)
    return user.role in STAFF_READ


@rule("enrol_training")
def _enrol(user: Any, programme: Programme) -> bool:
    if not _in_area(user, programme.provider):
        return False
    if user.role == Role.PARTNER:
        return is_member(user, programme.provider_id)
    return user.role in (Role.COORDINATOR, Role.COUNSELLOR, Role.BUSINESS_ADVISOR)


@rule("record_training_progress")
def _progress(user: Any, enrolment: Enrolment) -> bool:
    provider = enrolment.programme.provider
    if not _in_area(user, provider):
        return False
    if user.role == Role.PARTNER:
        return is_member(user, provider.pk)
    return user.role == Role.COORDINATOR
