"""Company size class by the EU SME definition.

Rule: Commission Recommendation 2003/361/EC, Annex, Article 2 — an enterprise is
  micro   if it has fewer than 10 persons and a turnover or balance-sheet total ≤ 2 M€,
  small   if fewer than 50 persons and a turnover or balance-sheet total ≤ 10 M€,
  medium  if fewer than 250 persons and a turnover ≤ 50 M€ or a balance-sheet total ≤ 43 M€,
  large   otherwise.
The ceilings are dated configuration in `data/sme_definition.json`; the size class decides the
employer's share of TäsmäKoulutus and whether the company counts for ESF+ EECO19.
"""

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

from kohtaanto.employers.models import SizeClass

DEFINITION_FILE = Path(__file__).resolve().parent / "data" / "sme_definition.json"


@dataclass(frozen=True)
class Ceiling:
    size_class: str
    employees_below: int
    turnover_max_eur: Decimal
    balance_sheet_max_eur: Decimal


@cache
def _versions() -> list[tuple[date, tuple[Ceiling, ...]]]:
    data = json.loads(DEFINITION_FILE.read_text(encoding="utf-8"))
    versions = []
    for version in data["versions"]:
        ceilings = tuple(
            Ceiling(
                size_class=c["size_class"],
                employees_below=int(c["employees_below"]),
                turnover_max_eur=Decimal(c["turnover_max_eur"]),
                balance_sheet_max_eur=Decimal(c["balance_sheet_max_eur"]),
            )
            for c in version["classes"]
        )
        versions.append((date.fromisoformat(version["valid_from"]), ceilings))
    return sorted(versions, key=lambda v: v[0])


def _ceilings(on: date | None) -> tuple[Ceiling, ...]:
    versions = _versions()
    if on is None:
        return versions[-1][1]
    valid = [ceilings for start, ceilings in versions if start <= on]
    return valid[-1] if valid else versions[0][1]


def size_class_from(
    employees: int | None,
    turnover: Decimal | None,
    balance: Decimal | None,
    *,
    on: date | None = None,
) -> str | None:
    """The size class the figures give, or None when the headcount is unknown.

    The financial test passes when either known figure is within the ceiling; when both are
    unknown, the headcount alone decides (the declared class then cannot be contradicted by
    figures nobody has).
    """
    if employees is None:
        return None
    for ceiling in _ceilings(on):
        if employees >= ceiling.employees_below:
            continue
        figures = [
            (turnover, ceiling.turnover_max_eur),
            (balance, ceiling.balance_sheet_max_eur),
        ]
        known = [(value, limit) for value, limit in figures if value is not None]
        if not known or any(value <= limit for value, limit in known):
            return ceiling.size_class
    return SizeClass.LARGE.value


class SizeClassConflictError(ValueError):
    def __init__(self, declared: str, computed: str) -> None:
        super().__init__(f"{declared} != {computed}")
        self.declared = declared
        self.computed = computed


def size_class_resolve(
    declared: str,
    employees: int | None,
    turnover: Decimal | None,
    balance: Decimal | None,
) -> str:
    """The class to store: the one the figures give, else the declared one.

    Raises SizeClassConflictError when both are known and differ.
    """
    computed = size_class_from(employees, turnover, balance)
    if computed and declared and computed != declared:
        raise SizeClassConflictError(declared, computed)
    return computed or declared
