"""Statistical disclosure control of the indicator tables. Pure: no database.

A count of one to four people in a table can name a person to someone who knows who entered
when (an auditor sees entry dates, a counsellor knows their clients): a one-day table with
one participant and EECO12 = 1 tells that this person has a disability (GDPR Art. 9). So
every indicator table shown to anyone but the coordinator — the page, its CSV and JSON, the
API, the steering group's report — goes through `protect_records`:

- **Primary suppression:** a count from 1 to `THRESHOLD - 1` (1–4) is shown as "< 5"
  (`SUPPRESSED`). Zero is shown: it names nobody. The rule is `common.disclosure`'s, which
  the matching pages share.
- **Secondary suppression:** a suppressed cell must not be recoverable by subtraction. In a
  row, total = women + men + non-binary (+ those without recorded gender, taken as known, to
  be safe): when only one of those cells is suppressed, the smallest other cell is too. The
  same holds down the columns for the groups that add up to EECO01: labour-market status
  (EECO02 + EECO04 + EECO05) and education (EECO09 + EECO10 + EECO11). The passes repeat
  until nothing changes.
- **Periods:** a role that sees only protected totals may not ask for a period shorter than
  one calendar month (`check_period`): two tables a day apart would otherwise differ by one
  person.

The rule follows Statistics Finland's threshold practice for frequency tables (a cell under
five is not published) and Eurostat's "Handbook on Statistical Disclosure Control" (2010,
ch. 4: threshold rule, primary and secondary cell suppression). The coordinator, who works
with the named participants, sees exact counts; the payment claim's frozen figures are exact
too, because the funder's claim requires them (its periods are the funder's payment periods,
not free queries).
"""

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django.utils.translation import gettext as _

from kohtaanto.common.dates import add_months
from kohtaanto.common.disclosure import SUPPRESSED, is_small
from kohtaanto.common.errors import DomainError

CELLS = ("women", "men", "non_binary", "total")
GENDER_CELLS = ("women", "men", "non_binary")
# Column groups whose members add up to EECO01 (Annex I: each participant has one status and
# one education level).
COLUMN_GROUPS = (("EECO02", "EECO04", "EECO05"), ("EECO09", "EECO10", "EECO11"))


def _suppress_one_more(cells: list[tuple[dict[str, Any], str]], hidden: set[int]) -> bool:
    """When exactly one of `cells` (which add up) is hidden, hide the smallest other one.
    Returns whether anything changed."""
    if len(hidden) != 1:
        return False
    candidates = [
        (value, index)
        for index, (record, key) in enumerate(cells)
        if index not in hidden and isinstance(value := record[key], int)
    ]
    if not candidates:
        return False
    # The smallest non-zero first (it hides least information); a zero only if nothing else.
    candidates.sort(key=lambda c: (c[0] == 0, c[0]))
    record, key = cells[candidates[0][1]]
    record[key] = SUPPRESSED
    return True


def protect_records(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Copies of indicator records (code, name, women, men, non_binary, total) with the small
    counts and the cells that would reveal them replaced by `SUPPRESSED`."""
    out = [dict(r) for r in records]
    for record in out:
        for key in CELLS:
            if is_small(record.get(key)):
                record[key] = SUPPRESSED
    by_code = {r["code"]: r for r in out}
    changed = True
    while changed:
        changed = False
        for record in out:
            if record.get("women") is None:  # entity rows: one total, nothing to subtract
                continue
            cells = [(record, key) for key in CELLS]
            hidden = {i for i, (r, k) in enumerate(cells) if r[k] == SUPPRESSED}
            changed |= _suppress_one_more(cells, hidden)
        total_row = by_code.get("EECO01")
        if total_row is None:
            continue
        for group in COLUMN_GROUPS:
            members = [by_code[c] for c in group if c in by_code]
            for key in CELLS:
                cells = [(r, key) for r in (*members, total_row)]
                hidden = {i for i, (r, k) in enumerate(cells) if r[k] == SUPPRESSED}
                changed |= _suppress_one_more(cells, hidden)
    return out


def check_period(start: date, end: date) -> None:
    """Refuse a period shorter than one calendar month (from `start` to the day before the
    same day of the next month: 15.1.–14.2., 1.2.–28.2.)."""
    if end < add_months(start, 1) - timedelta(days=1):
        raise DomainError(
            _(
                "Indikaattoreita voi katsoa vähintään kuukauden jaksolta, jotta pienistä "
                "luvuista ei voi päätellä yksittäisen henkilön tietoja."
            ),
            code="period_too_short",
        )
