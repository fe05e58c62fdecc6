"""Training pages: thin views over the selectors and services, split by page group; every view
is re-exported here for urls.py."""

from kohtaanto.training.views.agreements import agreement_create, agreement_detail, agreement_status
from kohtaanto.training.views.orders import (
    order_cancel,
    order_confirm,
    order_detail,
    order_year_part_book,
    plan,
)
from kohtaanto.training.views.overview import XLSX, home, report, report_xlsx
from kohtaanto.training.views.programmes import (
    employer_invoice,
    enrolment_progress,
    programme_create,
    programme_detail,
)
from kohtaanto.training.views.providers import (
    companies,
    company_enterprises,
    enterprise_link_remove,
    provider_create,
    provider_detail,
    provider_member_remove,
)

__all__ = [
    "XLSX",
    "agreement_create",
    "agreement_detail",
    "agreement_status",
    "companies",
    "company_enterprises",
    "employer_invoice",
    "enrolment_progress",
    "enterprise_link_remove",
    "home",
    "order_cancel",
    "order_confirm",
    "order_detail",
    "order_year_part_book",
    "plan",
    "programme_create",
    "programme_detail",
    "provider_create",
    "provider_detail",
    "provider_member_remove",
    "report",
    "report_xlsx",
]
