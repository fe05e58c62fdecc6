"""Reads of training procurement, always scoped to the actor (see permissions.py). Split by
what they read; every public name is re-exported here so that `training.selectors.X` keeps
working."""

from kohtaanto.training.selectors.enrolments import enrolment_get_for_actor, enrolment_list
from kohtaanto.training.selectors.gap_cover import GapCover, programmes_for_gap
from kohtaanto.training.selectors.plan import (
    MIN_OUTCOMES_FOR_RATE,
    ZERO,
    Plan,
    PlannedPurchase,
    area_training_plan,
    placement_rates,
    training_plan,
)
from kohtaanto.training.selectors.providers import (
    CompanySize,
    company_size_class,
    enterprise_link_get_for_actor,
    joint_purchase_companies,
    joint_purchase_company_get,
    provider_get_for_actor,
    provider_list,
    provider_member_candidates,
    provider_members,
)
from kohtaanto.training.selectors.purchases import (
    agreement_get_for_actor,
    agreement_list,
    employer_invoice_for,
    order_get_for_actor,
    order_list,
    programme_get_for_actor,
    programme_list,
    waiting_year_parts,
)
from kohtaanto.training.selectors.report import ReportRow, TrainingReport, training_report
from kohtaanto.training.selectors.thresholds import (
    BASIS_LIMIT,
    ThresholdWarning,
    threshold_list,
    threshold_warnings,
)

__all__ = [
    "BASIS_LIMIT",
    "MIN_OUTCOMES_FOR_RATE",
    "ZERO",
    "CompanySize",
    "GapCover",
    "Plan",
    "PlannedPurchase",
    "ReportRow",
    "ThresholdWarning",
    "TrainingReport",
    "agreement_get_for_actor",
    "agreement_list",
    "area_training_plan",
    "company_size_class",
    "employer_invoice_for",
    "enrolment_get_for_actor",
    "enrolment_list",
    "enterprise_link_get_for_actor",
    "joint_purchase_companies",
    "joint_purchase_company_get",
    "order_get_for_actor",
    "order_list",
    "placement_rates",
    "programme_get_for_actor",
    "programme_list",
    "programmes_for_gap",
    "provider_get_for_actor",
    "provider_list",
    "provider_member_candidates",
    "provider_members",
    "threshold_list",
    "threshold_warnings",
    "training_plan",
    "training_report",
    "waiting_year_parts",
]
