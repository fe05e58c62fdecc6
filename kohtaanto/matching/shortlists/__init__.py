"""The shortlist workflow: propose → ask the person → send to the company → its answer.

`services` holds the writes, `selectors` the reads behind the pages and the API, `link` the
company's signed, expiring link. Every public name is importable from here too.
"""

from kohtaanto.matching.shortlists.link import (
    LANGUAGES,
    LINK_SALT,
    link_expires_at,
    shortlist_from_link,
    shortlist_link_token,
)
from kohtaanto.matching.shortlists.selectors import (
    CandidateRow,
    SharedProfile,
    ShortlistStatistics,
    candidate_get_for_actor,
    company_view,
    consent_requests,
    shortlist_candidates,
    shortlist_for_vacancy,
    shortlist_get_for_actor,
    shortlist_list,
    shortlist_statistics,
)
from kohtaanto.matching.shortlists.services import (
    candidate_consent_record,
    candidate_consent_withdraw,
    candidate_decline,
    candidate_propose,
    company_answer_record,
    shortlist_link_issue,
    shortlist_link_revoke,
    shortlist_link_send,
)

__all__ = [
    "LANGUAGES",
    "LINK_SALT",
    "CandidateRow",
    "SharedProfile",
    "ShortlistStatistics",
    "candidate_consent_record",
    "candidate_consent_withdraw",
    "candidate_decline",
    "candidate_get_for_actor",
    "candidate_propose",
    "company_answer_record",
    "company_view",
    "consent_requests",
    "link_expires_at",
    "shortlist_candidates",
    "shortlist_for_vacancy",
    "shortlist_from_link",
    "shortlist_get_for_actor",
    "shortlist_link_issue",
    "shortlist_link_revoke",
    "shortlist_link_send",
    "shortlist_link_token",
    "shortlist_list",
    "shortlist_statistics",
]
