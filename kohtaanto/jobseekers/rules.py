"""Date rules of ESF+ participation (Regulation (EU) 2021/1057, Annex I).

- Participant data are recorded as on the day of entry; age is in completed years at entry.
- Immediate results are the situation within four weeks of leaving (EECR01–EECR04).
- Longer-term results are the situation six months after leaving (EECR05, EECR06): the
  follow-up falls due six calendar months after the exit date.
"""

import calendar
import datetime

from kohtaanto.common.dates import add_months, age_on

FOLLOW_UP_MONTHS = 6  # Annex I, "longer-term result indicators": six months after leaving


def follow_up_due_on(exit_date: datetime.date) -> datetime.date:
    return add_months(exit_date, FOLLOW_UP_MONTHS)


def birth_date_keeping_age(birth_date: datetime.date, day: datetime.date) -> datetime.date:
    """A coarser birth date that gives the same completed age on `day`: the day itself,
    `age` years earlier. Used when pseudonymising so that age at entry stays exact."""
    age = age_on(birth_date, day)
    year = day.year - age
    if day.month == 2 and day.day == 29 and not calendar.isleap(year):
        return datetime.date(year, 2, 28)
    return datetime.date(year, day.month, day.day)
