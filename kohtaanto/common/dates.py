"""Calendar arithmetic shared by every app: age on a day, whole calendar months.

Age follows the Finnish Act on the Calculation of Age (Laki iän laskemisesta 649/1930, 1 §): a
person reaches an age on the calendar day that corresponds to their day of birth, and a person
born on 29 February reaches it on 1 March in a common year. So someone born on 29.2.2008 is 17
on 28.2.2026 and 18 on 1.3.2026; in a leap year the birthday is 29 February itself.
"""

import calendar
from datetime import date, timedelta
from decimal import Decimal

# The calendar years a record of this system can belong to: an API query for a year outside them
# is refused as bad input before any date is built from it.
FIRST_YEAR = 2000
LAST_YEAR = 2100


def age_on(birth_date: date, on: date) -> int:
    """Age in completed years on `on`; the birthday itself counts (649/1930, 1 §).

    Comparing (month, day) pairs gives the 29 February rule for free: in a common year no day
    is (2, 29), so the first day not before it is 1 March.
    """
    years = on.year - birth_date.year
    if (on.month, on.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def add_months(day: date, months: int) -> date:
    """`day` moved by whole calendar months (negative: back), clamped to the month's last day
    (31.8. + 6 → 28.2. or 29.2.)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def add_years(day: date, years: int) -> date:
    """`day` moved by whole years; 29 February becomes 28 February in a common year."""
    return add_months(day, 12 * years)


def months_between(start: date, end_exclusive: date) -> Decimal:
    """Whole calendar months from `start` to `end_exclusive`, plus the leftover days as a
    fraction of the month they fall in (two decimals).

    1.1.–31.12. (end_exclusive 1.1. next year) is exactly 12; 15.1.–14.7. is exactly 6;
    1.3.–30.8. is 5 + 30/31 = 5.97.
    """
    if end_exclusive <= start:
        return Decimal(0)
    whole = (end_exclusive.year - start.year) * 12 + end_exclusive.month - start.month
    while whole > 0 and add_months(start, whole) > end_exclusive:
        whole -= 1
    month_start = add_months(start, whole)
    leftover = (end_exclusive - month_start).days
    month_length = (add_months(start, whole + 1) - month_start).days
    return (Decimal(whole) + Decimal(leftover) / Decimal(month_length)).quantize(Decimal("0.01"))


def period_months(first_day: date, last_day: date) -> Decimal:
    """Months covered by an inclusive period (1.1.–31.12. is 12)."""
    return months_between(first_day, last_day + timedelta(days=1))


# A card or permit that runs out within this many days is shown as expiring soon: the usual
# renewal courses (tulityökortti, työturvallisuuskortti, EA1) are booked a few months ahead.
EXPIRY_WARNING_DAYS = 90


def expiry_state(
    expires_on: date | None, *, today: date, warn_days: int = EXPIRY_WARNING_DAYS
) -> str:
    """ "expired" after the last valid day, "expiring" within `warn_days` of it, else ""."""
    if expires_on is None:
        return ""
    if expires_on < today:
        return "expired"
    if expires_on <= today + timedelta(days=warn_days):
        return "expiring"
    return ""
