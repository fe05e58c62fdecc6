"""What each role's home page shows, read through each app's own scoped selectors.

Rules of the figures (each names its source next to the code):
- six-month follow-ups, expiring consents and clients without contact: `jobseekers.selectors.
  worklist` (the same lists as the counsellor's work list), with 60 days without contact;
- four-week result checks: an ESF+ immediate result is the situation reached within four weeks
  of leaving (Regulation (EU) 2021/1057 Annex I); a participation whose exit date has passed and
  whose four exit answers are all still empty is due, by exit date + 28 days;
- participants in and out: entries counted by entry date, exits by exit date, in the month they
  happen (Annex I: outputs by entry, results by exit);
- indicators: `programme.selectors.indicator_table` from the operation's start to today
  (cumulative), against the targets recorded for the operation (`IndicatorTarget`);
- money: the operation's budget (`budget_for_operation`) against what submitted cost reports
  claimed (`money_summary`); the year's appropriations from `finance.selectors.year_summary`.
"""

from kohtaanto.home.selectors.advisor import COMPANY_IDLE_DAYS, AdvisorHome, advisor_home
from kohtaanto.home.selectors.counsellor import (
    IDLE_DAYS,
    NEW_MATCH_TOP,
    NEW_MATCH_VACANCIES,
    NEW_VACANCY_DAYS,
    RESULT_WINDOW_DAYS,
    CounsellorHome,
    NewMatch,
    counsellor_home,
    new_matches,
    result_checks_due,
)
from kohtaanto.home.selectors.figures import LIST_LIMIT, Figure
from kohtaanto.home.selectors.finance import FinanceHome, finance_home
from kohtaanto.home.selectors.partner import PartnerHome, partner_home
from kohtaanto.home.selectors.programme import (
    DASHBOARD_MONTHS,
    KEY_INDICATORS,
    IndicatorProgress,
    ProgrammeHome,
    ReadinessPair,
    enrolment_counts,
    participant_flow,
    programme_home,
    readiness_pairs,
)

__all__ = [
    "COMPANY_IDLE_DAYS",
    "DASHBOARD_MONTHS",
    "IDLE_DAYS",
    "KEY_INDICATORS",
    "LIST_LIMIT",
    "NEW_MATCH_TOP",
    "NEW_MATCH_VACANCIES",
    "NEW_VACANCY_DAYS",
    "RESULT_WINDOW_DAYS",
    "AdvisorHome",
    "CounsellorHome",
    "Figure",
    "FinanceHome",
    "IndicatorProgress",
    "NewMatch",
    "PartnerHome",
    "ProgrammeHome",
    "ReadinessPair",
    "advisor_home",
    "counsellor_home",
    "enrolment_counts",
    "finance_home",
    "new_matches",
    "participant_flow",
    "partner_home",
    "programme_home",
    "readiness_pairs",
    "result_checks_due",
]
