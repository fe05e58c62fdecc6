"""Permission rules of this app (see kohtaanto.accounts.permissions).

Who sees what in the programme's administration:

- view_programme (hub, budget, time records, cost reports, steering-group report):
  coordinator, finance, auditor
- manage_programme (companies, staff posts, payment periods, implementer budgets): coordinator
- record_time (time records, salaries): coordinator, finance
- manage_cost_reports (draft, submit, correct): coordinator, finance
- view_indicators (the aggregate table): coordinator, counsellor, business advisor, finance,
  auditor
- view_indicator_participants (the pseudonymised drill-down): coordinator, auditor
- view_exact_indicators (counts 1–4 shown, periods under a month): coordinator; every other
  role sees "< 5" with secondary suppression (see `disclosure`)
- view_data_quality: coordinator, finance, auditor
- export_participants (one row per participation, every Annex I item, logged): coordinator
- view_activity_log: every role; a partner user sees only the entries their organisation
  took part in
- add_activity_entry: coordinator, counsellor, business advisor, partner
- change_activity_entry: the author, or the area's coordinator
- sign_own_time_sheet: a staff user who is one of the area's staff members (StaffMember.user),
  for their own monthly sheet only
- countersign_time_sheet: the supervisor's signature, by the coordinator or finance of the
  sheet's area (never the employee themself: the service refuses that with its reason)

The auditor reads everything the funder may inspect and changes nothing; every read of a
person's (pseudonymised) indicator or data-quality row is logged. Counsellors and business
advisors see the indicator totals but never who is counted. A partner user sees the activity
log only, and within it only the entries their organisation took part in.
"""

from typing import Any

from kohtaanto.accounts.models import Role
from kohtaanto.accounts.permissions import ALL_STAFF, role_rule, rule

role_rule("view_programme", Role.COORDINATOR, Role.FINANCE, Role.AUDITOR)
role_rule("manage_programme", Role.COORDINATOR)
role_rule("record_time", Role.COORDINATOR, Role.FINANCE)
role_rule("manage_cost_reports", Role.COORDINATOR, Role.FINANCE)
role_rule(
    "view_indicators",
    Role.COORDINATOR,
    Role.COUNSELLOR,
    Role.BUSINESS_ADVISOR,
    Role.FINANCE,
    Role.AUDITOR,
)
role_rule("view_indicator_participants", Role.COORDINATOR, Role.AUDITOR)
# Exact small counts (1–4) in indicator tables and periods under a month: only the
# coordinator, who works with the named participants (programme.disclosure).
role_rule("view_exact_indicators", Role.COORDINATOR)
# The participant-level list for the lead partner / EURA 2021 (Annex I items incl. GDPR
# Art. 9 answers); the identity code also needs view_identity_code for each person.
role_rule("export_participants", Role.COORDINATOR)
role_rule("view_data_quality", Role.COORDINATOR, Role.FINANCE, Role.AUDITOR)
role_rule("view_activity_log", *ALL_STAFF)
role_rule(
    "add_activity_entry", Role.COORDINATOR, Role.COUNSELLOR, Role.BUSINESS_ADVISOR, Role.PARTNER
)
# Menu entries for the roles that do not reach these pages through the programme hub.
role_rule("nav_activity_log", Role.COUNSELLOR, Role.BUSINESS_ADVISOR, Role.PARTNER)
role_rule("nav_indicators", Role.COUNSELLOR, Role.BUSINESS_ADVISOR)


@rule("change_activity_entry")
def _change_activity_entry(user: Any, entry: Any) -> bool:
    """The author may change their entry; the coordinator any entry of the area."""
    if entry.employment_area_id != user.employment_area_id:
        return False
    if user.role == Role.COORDINATOR:
        return True
    return bool(
        entry.created_by_id == user.pk
        and user.role in (Role.COUNSELLOR, Role.BUSINESS_ADVISOR, Role.PARTNER)
    )


@rule("sign_own_time_sheet")
def _sign_own_time_sheet(user: Any, staff_member: Any = None) -> bool:
    """A person signs only their own sheet; without an object: the user is staff of the area."""
    if user.role not in ALL_STAFF:
        return False
    if staff_member is None:
        from kohtaanto.programme.models import StaffMember

        return StaffMember.objects.filter(
            user_id=user.pk, employment_area_id=user.employment_area_id
        ).exists()
    return bool(
        staff_member.user_id == user.pk
        and staff_member.employment_area_id == user.employment_area_id
    )


@rule("countersign_time_sheet")
def _countersign_time_sheet(user: Any, sheet: Any = None) -> bool:
    """The supervisor's signature: the coordinator or finance, within their own area."""
    if user.role not in (Role.COORDINATOR, Role.FINANCE):
        return False
    return sheet is None or sheet.staff_member.employment_area_id == user.employment_area_id


@rule("nav_time_sheets")
def _nav_time_sheets(user: Any) -> bool:
    """Menu entry to one's own time sheets for the staff who do not reach it via the hub."""
    if user.role in (Role.COORDINATOR, Role.FINANCE, Role.AUDITOR):
        return False
    return _sign_own_time_sheet(user)
