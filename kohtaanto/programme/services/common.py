"""What the programme's services share: the month's end, the area, and the refusals of
closed months, submitted periods and signed time sheets."""

import calendar
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.common.errors import ConflictError, DomainError
from kohtaanto.programme import selectors
from kohtaanto.programme.models import (
    Operation,
    TimeSheet,
)


def month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def area_id(actor: User) -> int:
    if actor.employment_area_id is None:
        raise DomainError(_("Käyttäjällä ei ole työllisyysaluetta."), code="no_area")
    return actor.employment_area_id


def require_administered(operation: Operation) -> None:
    if not operation.administered_here:
        raise DomainError(
            _("Hankkeen hallinnointia ei hoideta Kohtaannossa."), code="not_administered"
        )


def refuse_month_not_ended(day: date, today: date | None) -> None:
    """No costs for a month that has not ended: hours, percentages and salaries are recorded
    once the month is over: before that the cost is neither incurred nor paid (CPR (EU)
    2021/1060 Art. 63(2): eligible expenditure is incurred and paid)."""
    today = today or timezone.localdate()
    if month_end(day) >= today:
        raise DomainError(
            _(
                "Kuukausi %(month)s ei ole vielä päättynyt; sen työaikaa, palkkoja ja kuluja "
                "ei voi vielä kirjata."
            )
            % {"month": f"{day.month}/{day.year}"},
            code="month_not_ended",
        )


def refuse_if_locked(operation_id: int, day: date) -> None:
    period = selectors.locked_period_for(operation_id=operation_id, day=day)
    if period is not None:
        raise ConflictError(
            _(
                "Maksatuskauden %(period)s maksatushakemus on lähetetty, joten sen tietoja ei voi "
                "muuttaa. Avaa ensin korjausversio."
            )
            % {"period": period}
        )


def refuse_if_signed(staff_member_id: int, day: date) -> None:
    if TimeSheet.objects.filter(
        staff_member_id=staff_member_id,
        month=day.replace(day=1),
        employee_signed_at__isnull=False,
    ).exists():
        raise ConflictError(
            _("Kuukauden tuntikirjanpito on allekirjoitettu, joten sen kirjauksia ei voi muuttaa.")
        )
