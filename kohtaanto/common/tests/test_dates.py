from datetime import date
from decimal import Decimal

import pytest

from kohtaanto.common.dates import add_months, add_years, age_on, months_between, period_months


@pytest.mark.parametrize(
    ("birth", "on", "age"),
    [
        (date(2008, 2, 29), date(2026, 2, 28), 17),  # common year: not yet 18 on 28 February
        (date(2008, 2, 29), date(2026, 3, 1), 18),  # ... 18 on 1 March (649/1930)
        (date(2008, 2, 29), date(2028, 2, 28), 19),
        (date(2008, 2, 29), date(2028, 2, 29), 20),  # leap year: the birthday itself
        (date(1990, 6, 15), date(2026, 6, 14), 35),
        (date(1990, 6, 15), date(2026, 6, 15), 36),  # the birthday counts
        (date(1990, 3, 1), date(2028, 2, 29), 37),
    ],
)
def test_age_on_counts_completed_years_with_the_finnish_leap_day_rule(birth, on, age):
    assert age_on(birth, on) == age


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2027, 8, 31), 6, date(2028, 2, 29)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
    ],
)
def test_add_months_clamps_to_the_last_day_of_a_shorter_month(day, months, expected):
    assert add_months(day, months) == expected


def test_add_years_moves_leap_day_to_28_february():
    assert add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)


def test_months_between_counts_whole_months_and_a_fraction():
    assert months_between(date(2026, 1, 1), date(2027, 1, 1)) == Decimal("12.00")
    assert months_between(date(2026, 1, 15), date(2026, 7, 15)) == Decimal("6.00")
    assert months_between(date(2026, 3, 1), date(2026, 8, 31)) == Decimal("5.97")
    assert months_between(date(2026, 3, 1), date(2026, 3, 1)) == Decimal(0)
    assert period_months(date(2026, 1, 1), date(2026, 12, 31)) == Decimal("12.00")
