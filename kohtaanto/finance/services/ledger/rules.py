"""The ledger's rules: the actor's area, the booking dates of the money's year, the texts
and the refusals that name a shortfall. Checks only; nothing here writes."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.common.dates import FIRST_YEAR, LAST_YEAR
from kohtaanto.common.errors import DomainError, NotFoundError
from kohtaanto.common.formats import format_date
from kohtaanto.common.money import format_eur
from kohtaanto.finance.models import Appropriation, GrantScheme, LedgerEntry

ZERO = Decimal("0.00")
# What services accept as an amount (common.money.parse_money refuses floats, naming why).
AmountInput = Decimal | str | int | float


def require_area(actor: Any, area_id: int | None) -> None:
    """Objects of another employment area do not exist for the actor."""
    if actor is not None and getattr(actor, "employment_area_id", None) != area_id:
        raise NotFoundError(_("Ei löytynyt."))


def shortfall_message(*, available: Decimal, requested: Decimal) -> str:
    return _(
        "Määräraha ei riitä: käytettävissä %(available)s, pyydetty %(requested)s, "
        "vaje %(shortfall)s."
    ) % {
        "available": format_eur(available),
        "requested": format_eur(requested),
        "shortfall": format_eur(requested - available),
    }


def check_not_future(day: date, *, what: str, field: str | None = None) -> date:
    """Money and hours are booked when they happen, never ahead: `day` is today or earlier."""
    today = timezone.localdate()
    if day > today:
        raise DomainError(
            _("%(what)s %(date)s on tulevaisuudessa; tulevalle päivälle ei voi kirjata.")
            % {"what": what, "date": format_date(day), "today": format_date(today)},
            field=field,
        )
    return day


# The earliest booking for an appropriation: a later year's share of an order or a decision is
# booked when it is made, at most this many years before the appropriation's own year.
BOOKING_YEARS_BEFORE = 2


def check_booking_window(day: date, *, year: int) -> date:
    """A booking date for `year`'s appropriation: never in the future (check_not_future) and
    not before 1 January of `year` − BOOKING_YEARS_BEFORE (a typo such as 1900 is refused)."""
    check_not_future(day, what=_("Kirjauspäivä"))
    earliest = date(year - BOOKING_YEARS_BEFORE, 1, 1)
    if day < earliest:
        raise DomainError(
            _(
                "Kirjauspäivä %(date)s on liian aikainen: vuoden %(year)s määrärahaan voi "
                "kirjata aikaisintaan %(earliest)s."
            )
            % {"date": format_date(day), "year": year, "earliest": format_date(earliest)},
            field="booked_on",
        )
    return day


# A January payment for the previous year's obligation is the one allowed carry-over.
CARRY_OVER_LAST_MONTH = 1


def check_payment_date(
    *, appropriation: Appropriation, booked_on: date, carry_over_reason: str = ""
) -> str:
    """A payment or recovery is dated in the appropriation's year, or is an explicit carry-over.

    Returns the ledger reason: "" in the year, `carry_over` for a January payment of the
    previous year's obligation with its explanation; anything else is refused naming the rule.
    """
    check_not_future(booked_on, what=_("Maksupäivä"))
    year = appropriation.year
    if booked_on.year == year:
        return ""
    carry_over = booked_on.year == year + 1 and booked_on.month <= CARRY_OVER_LAST_MONTH
    if carry_over and carry_over_reason.strip():
        return LedgerEntry.Reason.CARRY_OVER
    if carry_over:
        raise DomainError(
            _(
                "Maksupäivä %(date)s on vuoden %(year)s määrärahan vuoden jälkeen. Tammikuussa "
                "maksettava edellisen vuoden velvoite kirjataan vain siirtona: kirjoita siirron "
                "peruste."
            )
            % {"date": format_date(booked_on), "year": year}
        )
    raise DomainError(
        _(
            "Maksupäivä %(date)s ei ole määrärahan vuonna %(year)s. Maksu kirjataan sen vuoden "
            "määrärahalle, jona se maksetaan (edellisen vuoden velvoitteen voi maksaa siirtona "
            "tammikuussa)."
        )
        % {"date": format_date(booked_on), "year": year}
    )


def _check_year(year: int) -> int:
    if not isinstance(year, int) or isinstance(year, bool) or not FIRST_YEAR <= year <= LAST_YEAR:
        raise DomainError(
            _("Vuoden on oltava välillä %(first)s–%(last)s.")
            % {"first": FIRST_YEAR, "last": LAST_YEAR}
        )
    return year


def envelope_message(*, scheme: GrantScheme, priority: Decimal, requested: Decimal) -> str:
    free = scheme.envelope - scheme.committed
    if priority:
        return _(
            "Avustuksen kehys ei riitä: kehystä vapaana %(free)s, aiemmin saapuneiden "
            "käsittelemättömien hakemusten etusija %(priority)s, pyydetty %(requested)s, "
            "vaje %(shortfall)s."
        ) % {
            "free": format_eur(free),
            "priority": format_eur(priority),
            "requested": format_eur(requested),
            "shortfall": format_eur(requested - (free - priority)),
        }
    return _(
        "Avustuksen kehys ei riitä: kehystä vapaana %(free)s, pyydetty %(requested)s, "
        "vaje %(shortfall)s."
    ) % {
        "free": format_eur(free),
        "requested": format_eur(requested),
        "shortfall": format_eur(requested - free),
    }
