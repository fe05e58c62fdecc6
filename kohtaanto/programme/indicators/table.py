"""An indicator table counted from the facts, by gender, for a period or cumulatively, and
the check that no result exceeds its output."""

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from kohtaanto.programme.indicators.definitions import INDICATORS, Indicator
from kohtaanto.programme.indicators.rules import (
    GENDERS,
    EntityFacts,
    LongTermUnemploymentRule,
    ParticipantFacts,
    entity_codes,
    immediate_result_codes,
    longer_term_result_codes,
    output_codes,
    within_period,
)


class CountedRow(ABC):
    """One indicator's counts per gender column, as a table's readers (pages, exports) see
    it. Two kinds: `IndicatorRow` (counted in Python, with the participants' ids) and
    `selectors.indicator_counts.CountRow` (counted in the database). Each says how many it
    counted in a gender column (`count`, "" = no recorded gender) and in all (`total`);
    the columns follow from those. Entity indicators have no gender columns."""

    indicator: Indicator

    @abstractmethod
    def count(self, gender: str) -> int: ...

    @property
    @abstractmethod
    def total(self) -> int: ...

    @property
    def code(self) -> str:
        return self.indicator.code

    @property
    def by_gender(self) -> bool:
        return self.indicator.kind != "entity"

    @property
    def women(self) -> int | None:
        return self.count("woman") if self.by_gender else None

    @property
    def men(self) -> int | None:
        return self.count("man") if self.by_gender else None

    @property
    def non_binary(self) -> int | None:
        return self.count("non_binary") if self.by_gender else None


@dataclass
class IndicatorRow(CountedRow):
    indicator: Indicator
    # Participant (or entity) ids counted, per gender column; "" holds those without gender.
    members: dict[str, list[int]] = field(default_factory=dict)

    def count(self, gender: str) -> int:
        return len(self.members.get(gender, []))

    @property
    def total(self) -> int:
        return sum(len(ids) for ids in self.members.values())

    @property
    def ids(self) -> list[int]:
        return sorted(i for ids in self.members.values() for i in ids)


class ResultExceedsOutputError(RuntimeError):
    """A result indicator counted more participants than EECO01 (a defect, never data)."""


def compute_table(
    participants: Iterable[ParticipantFacts],
    entities: Iterable[EntityFacts],
    *,
    start: date | None,
    end: date,
    rule_for: Callable[[date], LongTermUnemploymentRule],
    cumulative: bool = False,
    check: bool = True,
) -> list[IndicatorRow]:
    """Every indicator row, EECO01…EECO19 then EECR01…EECR06, for the period [start, end]
    (`start` None, or `cumulative`: a period from the operation's start).

    `participants` may hold anyone; each is counted by the rule of each indicator kind (see
    the module docstring): outputs by entry date, immediate results by exit date, longer-term
    results by exit date + 6 months. `entities` are those whose support began in the period.
    With `check` (the default), a cumulative table whose result is above its output raises
    ResultExceedsOutputError; a period's table may legitimately have more results than
    entries."""
    rows = {i.code: IndicatorRow(i) for i in INDICATORS}
    for p in participants:
        gender = p.gender if p.gender in GENDERS else ""
        codes = immediate_result_codes(p, start, end) | longer_term_result_codes(p, start, end)
        if within_period(p.entry_date, start, end):
            codes |= output_codes(p, rule_for(p.entry_date))
        for code in codes:
            rows[code].members.setdefault(gender, []).append(p.id)
    for e in entities:
        for code in entity_codes(e):
            rows[code].members.setdefault("", []).append(e.id)
    table = [rows[i.code] for i in INDICATORS]
    if check and (start is None or cumulative):
        check_results_within_outputs(table)
    return table


def check_results_within_outputs(table: list[IndicatorRow]) -> None:
    """Annex I: a result count can never exceed its linked output count (EECO01), in every
    gender column and in the total."""
    outputs = next(r for r in table if r.code == "EECO01")
    output_ids = set(outputs.ids)
    for row in table:
        if row.indicator.kind != "result":
            continue
        if not set(row.ids) <= output_ids:
            raise ResultExceedsOutputError(f"{row.code} counts participants outside EECO01")
        for gender in (*GENDERS, ""):
            if row.count(gender) > outputs.count(gender):
                raise ResultExceedsOutputError(f"{row.code} exceeds EECO01 ({gender or 'total'})")
        if row.total > outputs.total:
            raise ResultExceedsOutputError(f"{row.code} exceeds EECO01")
