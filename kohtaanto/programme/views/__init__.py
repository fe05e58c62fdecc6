"""Pages of the programme administration. Thin: permission → form → one service or selector
→ page or file. Split by what they show; re-exported here for the URLconf.
"""

from kohtaanto.programme.views.activity import (
    activity_detail,
    activity_list,
    activity_save,
    attachment_delete,
    attachment_download,
    partner_report,
)
from kohtaanto.programme.views.common import (
    fix_url,
)
from kohtaanto.programme.views.cost_reports import (
    cost_report_correct,
    cost_report_decision,
    cost_report_detail,
    cost_report_export,
    cost_report_list,
    cost_report_submit,
)
from kohtaanto.programme.views.indicators import (
    data_quality,
    indicator_participants,
    indicators,
)
from kohtaanto.programme.views.operations import (
    budget,
    financing_plan_save,
    home,
    implementer_budget,
    operation_company_remove,
    operation_company_save,
    payment_period_create,
    position_save,
    staff_member_create,
)
from kohtaanto.programme.views.participants import participant_export
from kohtaanto.programme.views.steering import (
    steering_report,
)
from kohtaanto.programme.views.time import (
    salary_record,
    time_record_delete,
    time_records,
    time_sheet_countersign,
    time_sheets,
)

__all__ = [
    "activity_detail",
    "activity_list",
    "activity_save",
    "attachment_delete",
    "attachment_download",
    "budget",
    "cost_report_correct",
    "cost_report_decision",
    "cost_report_detail",
    "cost_report_export",
    "cost_report_list",
    "cost_report_submit",
    "data_quality",
    "financing_plan_save",
    "fix_url",
    "home",
    "implementer_budget",
    "indicator_participants",
    "indicators",
    "operation_company_remove",
    "operation_company_save",
    "participant_export",
    "partner_report",
    "payment_period_create",
    "position_save",
    "salary_record",
    "staff_member_create",
    "steering_report",
    "time_record_delete",
    "time_records",
    "time_sheet_countersign",
    "time_sheets",
]
