"""Every write of training procurement: providers, agreements, programmes, orders, invoices
and enrolments. Split by what they write; every public name is re-exported here so that
`training.services.X` keeps working.

Invariants kept by these services (and by the database where it can):

* An agreement's `ordered` never exceeds its ceiling and `invoiced` never exceeds `ordered`;
  both change only while the agreement row is locked (SELECT … FOR UPDATE), in the same
  transaction as the order or invoice that explains them.
* Agreements of one provider never overlap in time (ended ones aside).
* A confirmed order lies within its agreement's period and binds its amount through
  finance's `commitment_create_split`: the first year's share on that year's appropriation,
  each later year's share (by the training days in it) as a year part that waits for that
  year's appropriation and is booked there from 1 January on (`order_year_part_book`, also
  done by the first invoice of that year). Shares of years before the order date belong to
  the order's own year: money is bound when the obligation is entered into.
* A programme's enrolments (not interrupted) never exceed its seats; the programme row is
  locked while counting.
* A joint-purchase programme carries the employer's share from the rule in force on its
  start date, with the rule's source.
* Every service writes its audit event in the same transaction; a refusal changes nothing.
"""

from kohtaanto.training.services.agreements import agreement_create, agreement_status_set
from kohtaanto.training.services.common import ZERO, AmountInput, amount_parse
from kohtaanto.training.services.descriptions import (
    DescriptionSuggestion,
    programme_description_parse,
)
from kohtaanto.training.services.enrolments import (
    attendance_record,
    enrolment_complete,
    enrolment_create,
    enrolment_interrupt,
    enrolment_outcome_record,
    enrolment_progress_record,
)
from kohtaanto.training.services.invoices import employer_invoice_record, invoice_record
from kohtaanto.training.services.orders import (
    TRAINING_BUDGET_LINE,
    order_amount,
    order_cancel,
    order_confirm,
    order_create,
    order_waiting_parts,
    order_year_part_book,
    order_year_parts,
    plan_orders_draft,
    year_shares,
)
from kohtaanto.training.services.programmes import ProgrammeData, programme_create
from kohtaanto.training.services.providers import (
    enterprise_link_add,
    enterprise_link_remove,
    provider_create,
    provider_member_add,
    provider_member_remove,
)

__all__ = [
    "TRAINING_BUDGET_LINE",
    "ZERO",
    "AmountInput",
    "DescriptionSuggestion",
    "ProgrammeData",
    "agreement_create",
    "agreement_status_set",
    "amount_parse",
    "attendance_record",
    "employer_invoice_record",
    "enrolment_complete",
    "enrolment_create",
    "enrolment_interrupt",
    "enrolment_outcome_record",
    "enrolment_progress_record",
    "enterprise_link_add",
    "enterprise_link_remove",
    "invoice_record",
    "order_amount",
    "order_cancel",
    "order_confirm",
    "order_create",
    "order_waiting_parts",
    "order_year_part_book",
    "order_year_parts",
    "plan_orders_draft",
    "programme_create",
    "programme_description_parse",
    "provider_create",
    "provider_member_add",
    "provider_member_remove",
    "year_shares",
]
