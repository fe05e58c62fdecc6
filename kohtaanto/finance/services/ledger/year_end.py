"""The year end: releasing what the year's commitments no longer need."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.audit.services import audit_event_record
from kohtaanto.common.errors import ConflictError
from kohtaanto.finance.models import Appropriation, Commitment, CommitmentSource, LedgerEntry
from kohtaanto.finance.services.ledger.commitments import commitment_release
from kohtaanto.finance.services.ledger.rules import ZERO, require_area


@transaction.atomic
def appropriation_year_end_release(
    *, actor: User, appropriation: Appropriation, today: date | None = None
) -> tuple[int, Decimal]:
    """Release the unpaid part of the appropriation's commitments at the year's end.

    Allowed from 1 December of the appropriation's year on (an earlier run would be a
    mistake). Never frees money that is still owed: a grant decision's commitment (the
    employer may still claim the year's months, paid in January as a carry-over) and a
    commitment split across years stay open; the year-end report lists them as open
    obligations. Returns how many commitments were released and the total freed.
    """
    require_area(actor, appropriation.employment_area_id)
    today = today or timezone.localdate()
    if today < date(appropriation.year, 12, 1):
        raise ConflictError(
            _("Vuoden %(year)s sitoumuksia voi vapauttaa aikaisintaan 1.12.%(year)s.")
            % {"year": appropriation.year}
        )
    booked_on = min(today, date(appropriation.year, 12, 31))
    count, total = 0, ZERO
    open_ids = list(
        Commitment.objects.filter(appropriation=appropriation, committed__gt=0)
        .exclude(source_type=CommitmentSource.GRANT_DECISION)
        .exclude(year_parts__isnull=False)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for commitment in Commitment.objects.filter(pk__in=open_ids).order_by("pk"):
        if commitment.unpaid <= 0:
            continue
        entry = commitment_release(
            actor=actor,
            commitment=commitment,
            reason=LedgerEntry.Reason.YEAR_END,
            booked_on=booked_on,
            description=_("Vuoden %(year)s päättyminen") % {"year": appropriation.year},
        )
        count += 1
        total += entry.amount
    audit_event_record(
        actor=actor,
        action="appropriation.year_end_release",
        target=appropriation,
        changes={"released": [None, str(total)], "commitments": [None, count]},
    )
    return count, total
