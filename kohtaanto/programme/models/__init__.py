"""The programme, its ESF+ / ERDF operations (projects), their budget, time, cost reports and
the implementers' shared activity log.

Every rate that a figure for the funder depends on (the flat rate, the 1 720-hour year, the
200 000 € threshold, the long-term unemployment durations) lives in `ProgrammeRules`, dated
configuration seeded by a data migration, never in code.

The models are split by what they hold (operations, staff costs, claims, the activity log);
every name is re-exported here so that `programme.models.X` keeps working.
"""

from kohtaanto.programme.models.activity import (
    ActivityAttachment,
    ActivityEntry,
    ActivityParticipant,
)
from kohtaanto.programme.models.base import ZERO
from kohtaanto.programme.models.claims import (
    CostReport,
    FinancingPlan,
    PaymentDecision,
)
from kohtaanto.programme.models.operations import (
    Implementer,
    Operation,
    OperationCompany,
    PaymentPeriod,
    Programme,
    ProgrammeRules,
)
from kohtaanto.programme.models.staff import (
    ParticipantCost,
    SalaryModel,
    SalaryPayment,
    StaffMember,
    StaffPosition,
    StaffRateBasis,
    TimeRecord,
    TimeRecording,
    TimeSheet,
)

__all__ = [
    "ZERO",
    "ActivityAttachment",
    "ActivityEntry",
    "ActivityParticipant",
    "CostReport",
    "FinancingPlan",
    "Implementer",
    "Operation",
    "OperationCompany",
    "ParticipantCost",
    "PaymentDecision",
    "PaymentPeriod",
    "Programme",
    "ProgrammeRules",
    "SalaryModel",
    "SalaryPayment",
    "StaffMember",
    "StaffPosition",
    "StaffRateBasis",
    "TimeRecord",
    "TimeRecording",
    "TimeSheet",
]
