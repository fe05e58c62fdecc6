"""What the home pages share: a headline figure and the months of a chart."""

import datetime
from dataclasses import dataclass

from django.utils.formats import date_format

from kohtaanto.common.dates import add_months

LIST_LIMIT = 8


@dataclass
class Figure:
    label: str
    value: str
    url: str = ""


def month_label(month: datetime.date) -> str:
    return date_format(month, "YEAR_MONTH_FORMAT")


def months_back(today: datetime.date, count: int) -> list[datetime.date]:
    first = today.replace(day=1)
    return [add_months(first, -i) for i in range(count - 1, -1, -1)]
