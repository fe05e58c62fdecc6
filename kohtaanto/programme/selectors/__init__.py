"""Reads of the programme app, scoped to the actor's employment area.

Objects reach views only through `<thing>_get_for_actor`, which raises NotFoundError both for
a missing object and for one outside the actor's scope. The modules are split by what they
read; every name is re-exported here so that `programme.selectors.X` keeps working.
"""

from kohtaanto.programme.selectors.activity import (
    PartnerActivitySummary,
    activity_get_for_actor,
    activity_list,
    attachment_get_for_actor,
    partner_activity_summary,
)
from kohtaanto.programme.selectors.cost_reports import (
    cost_report_figures,
    cost_report_get_for_actor,
    cost_report_list,
    indicator_rows_as_dicts,
    period_staff_costs,
    position_cost,
)
from kohtaanto.programme.selectors.indicators import (
    DataQualityReport,
    ParticipantIssue,
    PseudonymisedParticipant,
    data_quality_report,
    entity_facts,
    indicator_participants,
    indicator_table,
    participant_facts,
)
from kohtaanto.programme.selectors.operations import (
    ImplementerShare,
    budget_for_operation,
    budget_plan,
    implementer_get_for_actor,
    implementer_shares,
    operation_company_get_for_actor,
    operation_default,
    operation_default_for_actor,
    operation_get_by_code,
    operation_get_for_actor,
    operation_list,
    payment_period_list,
    programme_overview,
    staff_member_list,
    staff_position_get_for_actor,
    staff_position_list,
)
from kohtaanto.programme.selectors.rules import (
    RulesBook,
    rules_book,
)
from kohtaanto.programme.selectors.steering import (
    MoneySummary,
    SteeringSummary,
    finance_totals,
    money_summary,
    steering_summary,
)
from kohtaanto.programme.selectors.time import (
    StaffYearSummary,
    locked_period_for,
    staff_year_entries,
    staff_year_hours,
    staff_year_summaries,
    time_record_get_for_actor,
    time_record_list,
)

__all__ = [
    "DataQualityReport",
    "ImplementerShare",
    "MoneySummary",
    "ParticipantIssue",
    "PartnerActivitySummary",
    "PseudonymisedParticipant",
    "RulesBook",
    "StaffYearSummary",
    "SteeringSummary",
    "activity_get_for_actor",
    "activity_list",
    "attachment_get_for_actor",
    "budget_for_operation",
    "budget_plan",
    "cost_report_figures",
    "cost_report_get_for_actor",
    "cost_report_list",
    "data_quality_report",
    "entity_facts",
    "finance_totals",
    "implementer_get_for_actor",
    "implementer_shares",
    "indicator_participants",
    "indicator_rows_as_dicts",
    "indicator_table",
    "locked_period_for",
    "money_summary",
    "operation_company_get_for_actor",
    "operation_default",
    "operation_default_for_actor",
    "operation_get_by_code",
    "operation_get_for_actor",
    "operation_list",
    "participant_facts",
    "partner_activity_summary",
    "payment_period_list",
    "period_staff_costs",
    "position_cost",
    "programme_overview",
    "rules_book",
    "staff_member_list",
    "staff_position_get_for_actor",
    "staff_position_list",
    "staff_year_entries",
    "staff_year_hours",
    "staff_year_summaries",
    "steering_summary",
    "time_record_get_for_actor",
    "time_record_list",
]
