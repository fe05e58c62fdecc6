"""Who may see rankings (rules for the one resolver; see jobseekers/permissions.py).

| what                            | coord. | couns.¹ | auditor | bus. adv. | partner | finance |
|---------------------------------|--------|---------|---------|-----------|---------|---------|
| vacancies, career moves (person) | yes    | yes     | read    | no        | no      | no      |
| job seekers for a vacancy²       | yes    | yes     | read    | yes       | never   | no      |

¹ Only the counsellor's own clients (and those shared with them) — the person's record rule.
² Lists only people the viewer may see (`view_job_seeker`) whose consent to processing in the
  project is in force; a partner user never sees a ranking of people.
"""

from typing import Any

from kohtaanto.accounts.models import Role
from kohtaanto.accounts.permissions import role_rule, rule

# Whether to offer the link at all (templates cannot pass the object); the page itself checks
# the rules below for the person or vacancy.
role_rule("open_job_seeker_rankings", Role.COORDINATOR, Role.COUNSELLOR, Role.AUDITOR)
role_rule(
    "open_vacancy_rankings", Role.COORDINATOR, Role.COUNSELLOR, Role.AUDITOR, Role.BUSINESS_ADVISOR
)


@rule("view_job_seeker_matches")
def _view_job_seeker_matches(user: Any, job_seeker: Any) -> bool:
    return user.role in (Role.COORDINATOR, Role.COUNSELLOR, Role.AUDITOR) and bool(
        user.permissions.can_view_job_seeker_record(job_seeker)
    )


@rule("view_vacancy_candidates")
def _view_vacancy_candidates(user: Any, vacancy: Any) -> bool:
    roles = (Role.COORDINATOR, Role.COUNSELLOR, Role.AUDITOR, Role.BUSINESS_ADVISOR)
    return (
        user.role in roles
        and bool(user.employment_area_id)
        and vacancy.employment_area_id == user.employment_area_id
        and bool(user.permissions.can_view_vacancy(vacancy))
    )
