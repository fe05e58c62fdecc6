"""The dated calculation rules (ProgrammeRules) in force on a day."""

import bisect
from collections.abc import Iterable
from datetime import date

from django.utils.translation import gettext as _

from kohtaanto.common.errors import DomainError
from kohtaanto.programme import budget as money
from kohtaanto.programme.indicators import (
    LongTermUnemploymentRule,
)
from kohtaanto.programme.models import (
    ProgrammeRules,
)

# --- Dated rules --------------------------------------------------------------------------


class RulesBook:
    """All `ProgrammeRules` rows, read once, answering "which rules were in force on day X"."""

    def __init__(self, rows: Iterable[ProgrammeRules]) -> None:
        self.rows = sorted(rows, key=lambda r: r.valid_from)
        self._starts = [r.valid_from for r in self.rows]

    def on(self, day: date) -> ProgrammeRules:
        index = bisect.bisect_right(self._starts, day) - 1
        if index < 0:
            raise DomainError(
                _(
                    "Päivälle %(day)s ei ole voimassa hankkeen laskentasääntöjä. Lisää säännöt, "
                    "jotka ovat voimassa viimeistään tästä päivästä."
                )
                % {"day": f"{day:%Y-%m-%d}"},
                code="no_rules",
            )
        return self.rows[index]

    def rates(self, day: date) -> money.Rates:
        r = self.on(day)
        return money.Rates(
            flat_rate_percent=r.flat_rate_percent,
            annual_hours=r.annual_hours,
            small_operation_threshold_eur=r.small_operation_threshold_eur,
        )

    def ltu(self, day: date) -> LongTermUnemploymentRule:
        r = self.on(day)
        return LongTermUnemploymentRule(
            age_limit=r.ltu_age_limit,
            months_below_age=r.ltu_months_below_age,
            months_from_age=r.ltu_months_from_age,
        )


def rules_book() -> RulesBook:
    return RulesBook(ProgrammeRules.objects.all())
