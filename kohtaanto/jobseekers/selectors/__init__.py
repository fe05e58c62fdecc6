"""Reads of job seekers' data, always scoped to the actor (see permissions.py).

One module per thing read: `access` (consents in force, the people an actor may see: the base
of every other read), `register` (list, search, one person, form choices), `consents`,
`participation` (ESF+ participations and their totals), `record` (profile, plan, timeline),
`worklist` and `retention`. Every public name is importable from here.
"""

from kohtaanto.employers.selectors import company_choices
from kohtaanto.jobseekers.selectors.access import valid_consents
from kohtaanto.jobseekers.selectors.consents import (
    consent_get_for_actor,
    consent_is_valid,
    consent_list,
    employer_consent_exists,
)
from kohtaanto.jobseekers.selectors.participation import (
    AnswerTotals,
    ParticipationView,
    operation_choices,
    operation_default,
    participation_get_for_actor,
    participation_list,
    participation_summary,
)
from kohtaanto.jobseekers.selectors.record import (
    Plan,
    Profile,
    TimelineItem,
    cv_document_get_for_actor,
    plan_action_get_for_actor,
    plan_get,
    profile_get,
    service_event_get_for_actor,
    timeline,
)
from kohtaanto.jobseekers.selectors.register import (
    JOB_SEEKER_NULLABLE,
    JOB_SEEKER_SORTS,
    SEARCH_MAX_LENGTH,
    concept_usage_count,
    counsellor_choices,
    job_seeker_get_for_actor,
    job_seeker_list,
    job_seeker_list_details,
)
from kohtaanto.jobseekers.selectors.retention import job_seekers_past_retention
from kohtaanto.jobseekers.selectors.worklist import (
    CONSENT_EXPIRY_LOOKAHEAD_DAYS,
    DEFAULT_IDLE_DAYS,
    FOLLOW_UP_LOOKAHEAD_DAYS,
    Worklist,
    worklist,
)

__all__ = [
    "CONSENT_EXPIRY_LOOKAHEAD_DAYS",
    "DEFAULT_IDLE_DAYS",
    "FOLLOW_UP_LOOKAHEAD_DAYS",
    "JOB_SEEKER_NULLABLE",
    "JOB_SEEKER_SORTS",
    "SEARCH_MAX_LENGTH",
    "AnswerTotals",
    "ParticipationView",
    "Plan",
    "Profile",
    "TimelineItem",
    "Worklist",
    "company_choices",
    "concept_usage_count",
    "consent_get_for_actor",
    "consent_is_valid",
    "consent_list",
    "counsellor_choices",
    "cv_document_get_for_actor",
    "employer_consent_exists",
    "job_seeker_get_for_actor",
    "job_seeker_list",
    "job_seeker_list_details",
    "job_seekers_past_retention",
    "operation_choices",
    "operation_default",
    "participation_get_for_actor",
    "participation_list",
    "participation_summary",
    "plan_action_get_for_actor",
    "plan_get",
    "profile_get",
    "service_event_get_for_actor",
    "timeline",
    "valid_consents",
    "worklist",
]
