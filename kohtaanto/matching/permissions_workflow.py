"""Who may work with shortlists, search people by skill and read the regional gaps.

Every rule first requires the vacancy (or person) to belong to the user's employment area.

| what                         | coord. | couns.      | bus. adv.     | auditor | partner | fin. |
|------------------------------|--------|-------------|---------------|---------|---------|------|
| see a vacancy's shortlist    | yes    | own¹        | yes           | read    | no      | no   |
| propose a candidate          | yes    | own clients | people seen²  | no      | no      | no   |
| record consent or refusal    | yes    | own clients | no            | no      | no      | no   |
| issue / revoke company link  | yes    | no          | yes           | no      | no      | no   |
| shortlist statistics         | yes    | no          | yes           | yes     | no      | no   |
| regional gaps (counts only)  | yes    | yes         | yes           | yes     | yes     | yes  |
| search people by skill       | as the job seeker list (jobseekers/permissions.py)        |

¹ A counsellor sees the shortlist rows of their own clients only (the selector filters).
² Business advisors see a person only while a consent to send the profile to some company of
  the area is valid (jobseekers/permissions.py); everyone else on the list appears to them
  without a name until the person's counsellor records the consent.
Partner users never see shortlists: they are about people and employers, not training.
"""

from typing import Any

from kohtaanto.accounts.models import Role
from kohtaanto.accounts.permissions import ALL_STAFF, role_rule, rule

SHORTLIST_READERS = (Role.COORDINATOR, Role.COUNSELLOR, Role.BUSINESS_ADVISOR, Role.AUDITOR)
SHORTLIST_MANAGERS = (Role.COORDINATOR, Role.BUSINESS_ADVISOR)

role_rule("view_shortlist_list", *SHORTLIST_READERS)
role_rule("view_shortlist_statistics", Role.COORDINATOR, Role.BUSINESS_ADVISOR, Role.AUDITOR)
role_rule("view_regional_gaps", *ALL_STAFF)


def _in_area(user: Any, vacancy: Any) -> bool:
    return bool(user.employment_area_id) and vacancy.employment_area_id == user.employment_area_id


@rule("view_shortlist")
def _view_shortlist(user: Any, shortlist: Any) -> bool:
    return _in_area(user, shortlist.vacancy) and user.role in SHORTLIST_READERS


@rule("manage_shortlist")
def _manage_shortlist(user: Any, shortlist: Any) -> bool:
    return _in_area(user, shortlist.vacancy) and user.role in SHORTLIST_MANAGERS


@rule("propose_candidate")
def _propose_candidate(user: Any, vacancy: Any, job_seeker: Any) -> bool:
    if not _in_area(user, vacancy) or job_seeker.employment_area_id != vacancy.employment_area_id:
        return False
    if user.role == Role.COORDINATOR:
        return True
    if user.role == Role.BUSINESS_ADVISOR:
        return bool(user.permissions.can_view_job_seeker(job_seeker))
    if user.role == Role.COUNSELLOR:
        return bool(user.permissions.can_change_job_seeker(job_seeker))
    return False


@rule("decide_candidate")
def _decide_candidate(user: Any, candidate: Any) -> bool:
    """Recording the person's answer is the counsellor's (or coordinator's) task."""
    return _in_area(user, candidate.shortlist.vacancy) and bool(
        user.permissions.can_change_job_seeker(candidate.job_seeker)
    )
