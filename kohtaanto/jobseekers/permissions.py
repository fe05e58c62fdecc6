"""Who may see and change a job seeker's data (role × scope × consent).

Every rule first requires the person to belong to the user's employment area.

| what                              | coord. | couns.¹ | auditor | partner² | bus. adv.³ | finance |
|-----------------------------------|--------|---------|---------|----------|------------|---------|
| person in list, name, profile     | yes    | yes     | yes     | yes      | yes        | no      |
| contact details                   | yes    | yes     | yes     | yes      | no         | no      |
| record: consents, ESF+, plan, log | yes    | yes     | read    | no       | no         | no      |
| identity code (logged action)     | yes    | yes     | no      | no       | no         | no      |
| disability, minority (Art. 9)     | yes    | yes     | totals⁴ | no       | no         | no      |
| change, consents, plan, events    | yes    | yes     | no      | no       | no         | no      |
| data export (right of access)     | yes    | yes     | no      | no       | no         | no      |
| pseudonymise now                  | yes    | no      | no      | no       | no         | no      |

¹ A counsellor sees the people in `JobSeeker.counsellors` (own clients and those shared with
  them); a new client is the creating counsellor's own.
² Only while the person has a valid consent to share their data with the user's partner
  organisation, and only the profile (skills, cards, target occupations, languages), name,
  municipality, language and contact details — never the identity code, ESF+ data or plan.
³ Only while the person has a valid consent to send the profile to a named company of the area
  (business advisors build the shortlists that go to companies): name, municipality, language
  and profile.
⁴ Auditors see disability and minority only as totals (jobseekers:participation-summary).

Every read of a person's data is written to the access log by the view or endpoint.
"""

from typing import Any

from kohtaanto.accounts.models import Role
from kohtaanto.accounts.permissions import role_rule, rule
from kohtaanto.jobseekers.models import ConsentPurpose, JobSeeker

role_rule(
    "view_job_seeker_list",
    Role.COORDINATOR,
    Role.COUNSELLOR,
    Role.AUDITOR,
    Role.PARTNER,
    Role.BUSINESS_ADVISOR,
)
role_rule("create_job_seeker", Role.COORDINATOR, Role.COUNSELLOR)
role_rule("view_worklist", Role.COORDINATOR, Role.COUNSELLOR)
role_rule("view_participation_summary", Role.COORDINATOR, Role.AUDITOR)
# Filtering the list by ESF+ participation tells who is a participant: only for the roles
# that see the record (a counsellor's list holds only their own clients).
role_rule("filter_by_participation", Role.COORDINATOR, Role.COUNSELLOR, Role.AUDITOR)


def counsellor_ids(job_seeker: JobSeeker) -> set[int]:
    """The person's counsellors, from a prefetch when the selector made one."""
    cache = getattr(job_seeker, "_prefetched_objects_cache", {})
    if "counsellors" in cache:
        return {u.pk for u in cache["counsellors"]}
    ids = getattr(job_seeker, "_counsellor_ids", None)
    if ids is None:
        ids = set(job_seeker.counsellors.values_list("pk", flat=True))
        job_seeker._counsellor_ids = ids  # type: ignore[attr-defined]
    return ids


def _same_area(user: Any, job_seeker: JobSeeker) -> bool:
    return (
        bool(user.employment_area_id) and job_seeker.employment_area_id == user.employment_area_id
    )


def _cares_for(user: Any, job_seeker: JobSeeker) -> bool:
    """Coordinator of the area, or one of the person's own counsellors."""
    if not _same_area(user, job_seeker):
        return False
    if user.role == Role.COORDINATOR:
        return True
    return user.role == Role.COUNSELLOR and user.pk in counsellor_ids(job_seeker)


def _has_sharing_consent(user: Any, job_seeker: JobSeeker) -> bool:
    from kohtaanto.jobseekers.selectors import consent_is_valid, employer_consent_exists

    if job_seeker.pseudonymised_at:
        return False
    if user.role == Role.PARTNER and user.partner_organisation_id:
        return consent_is_valid(
            job_seeker=job_seeker,
            purpose=ConsentPurpose.SHARE_WITH_PARTNER,
            partner_organisation=user.partner_organisation,
        )
    if user.role == Role.BUSINESS_ADVISOR:
        return employer_consent_exists(job_seeker=job_seeker)
    return False


@rule("view_job_seeker")
def _view_job_seeker(user: Any, job_seeker: JobSeeker) -> bool:
    if not _same_area(user, job_seeker):
        return False
    if user.role == Role.AUDITOR or _cares_for(user, job_seeker):
        return True
    return _has_sharing_consent(user, job_seeker)


@rule("view_job_seeker_contact")
def _view_contact(user: Any, job_seeker: JobSeeker) -> bool:
    if user.role == Role.BUSINESS_ADVISOR:
        return False
    return _view_job_seeker(user, job_seeker)


@rule("view_job_seeker_record")
def _view_record(user: Any, job_seeker: JobSeeker) -> bool:
    if not _same_area(user, job_seeker):
        return False
    return user.role == Role.AUDITOR or _cares_for(user, job_seeker)


@rule("change_job_seeker")
def _change_job_seeker(user: Any, job_seeker: JobSeeker) -> bool:
    return _cares_for(user, job_seeker) and not job_seeker.pseudonymised_at


@rule("view_identity_code")
def _view_identity_code(user: Any, job_seeker: JobSeeker) -> bool:
    return _cares_for(user, job_seeker)


@rule("view_special_category")
def _view_special_category(user: Any, job_seeker: JobSeeker) -> bool:
    return _cares_for(user, job_seeker)


@rule("change_special_category")
def _change_special_category(user: Any, job_seeker: JobSeeker) -> bool:
    return _change_job_seeker(user, job_seeker)


@rule("export_job_seeker_data")
def _export(user: Any, job_seeker: JobSeeker) -> bool:
    return _cares_for(user, job_seeker)


@rule("pseudonymise_job_seeker")
def _pseudonymise(user: Any, job_seeker: JobSeeker) -> bool:
    return (
        user.role == Role.COORDINATOR
        and _same_area(user, job_seeker)
        and not job_seeker.pseudonymised_at
    )


CAPABILITIES = (
    "view_job_seeker_contact",
    "view_job_seeker_record",
    "change_job_seeker",
    "view_identity_code",
    "view_special_category",
    "change_special_category",
    "export_job_seeker_data",
    "pseudonymise_job_seeker",
)


def job_seeker_capabilities(user: Any, job_seeker: JobSeeker) -> dict[str, bool]:
    """Every per-person permission at once, for templates (which cannot pass arguments)."""
    return {name: user.permissions.check(name, job_seeker) for name in CAPABILITIES}
