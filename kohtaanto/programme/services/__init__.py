"""Writes of the programme app. Each service checks its rules, changes rows in one
transaction and writes its audit event in the same transaction. Split by what they write;
every public name is re-exported here so that `programme.services.X` keeps working.
"""

from kohtaanto.programme.services.activity import (
    ACTIVITY_FIELDS,
    ATTACHMENT_MAX_BYTES,
    ATTACHMENT_TYPES,
    ZIP_MAGIC,
    ParticipantInput,
    activity_attachment_add,
    activity_attachment_delete,
    activity_entry_create,
    activity_entry_update,
)
from kohtaanto.programme.services.cost_reports import (
    cost_report_correct,
    cost_report_create,
    cost_report_submit,
    cost_report_update,
    participant_export_log,
    payment_decision_record,
)
from kohtaanto.programme.services.operations import (
    POSITION_FIELDS,
    RATE_BASIS_FIELDS,
    financing_plan_save,
    implementer_budget_set,
    operation_company_remove,
    operation_company_save,
    payment_period_create,
    staff_member_create,
    staff_position_save,
)
from kohtaanto.programme.services.time import (
    participant_cost_record,
    salary_payment_record,
    time_record_create,
    time_record_delete,
    time_sheet_sign_as_employee,
    time_sheet_sign_as_supervisor,
)

__all__ = [
    "ACTIVITY_FIELDS",
    "ATTACHMENT_MAX_BYTES",
    "ATTACHMENT_TYPES",
    "POSITION_FIELDS",
    "RATE_BASIS_FIELDS",
    "ZIP_MAGIC",
    "ParticipantInput",
    "activity_attachment_add",
    "activity_attachment_delete",
    "activity_entry_create",
    "activity_entry_update",
    "cost_report_correct",
    "cost_report_create",
    "cost_report_submit",
    "cost_report_update",
    "financing_plan_save",
    "implementer_budget_set",
    "operation_company_remove",
    "operation_company_save",
    "participant_cost_record",
    "participant_export_log",
    "payment_decision_record",
    "payment_period_create",
    "salary_payment_record",
    "staff_member_create",
    "staff_position_save",
    "time_record_create",
    "time_record_delete",
    "time_sheet_sign_as_employee",
    "time_sheet_sign_as_supervisor",
]
