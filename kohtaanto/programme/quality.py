"""Data-quality rules for ESF+ participant data. Pure: no database.

Each rule names a missing or contradictory item of a participant's entry or exit data that
would make the common indicators (Regulation (EU) 2021/1057 Annex I, see `indicators`) wrong
or incomplete. A cost report cannot be submitted while any problem is open.
"""

from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kohtaanto.programme.indicators import (
    GENDERS,
    RESULT_FIELDS,
    UNEMPLOYED,
    IndicatorRow,
    ParticipantFacts,
)

SIX_MONTH_FIELDS = ("six_month_employed", "six_month_improved")


@dataclass(frozen=True)
class Problem:
    code: str
    message: Promise


MESSAGES: dict[str, Promise] = {
    "missing_gender": _("Sukupuoli puuttuu."),
    "missing_birth_date": _("Syntymäaika puuttuu."),
    "birth_after_entry": _("Syntymäaika on aloituspäivän jälkeen."),
    "missing_isced": _("Koulutustaso (ISCED) puuttuu."),
    "unemployed_without_start": _("Työtön, mutta työttömyyden alkupäivä puuttuu."),
    "unemployed_since_after_entry": _("Työttömyyden alkupäivä on aloituspäivän jälkeen."),
    "start_date_but_not_unemployed": _(
        "Työttömyyden alkupäivä on annettu, mutta työmarkkina-asema ei ole työtön."
    ),
    "exit_before_entry": _("Päättymispäivä on ennen aloituspäivää."),
    "result_without_exit": _("Tulostieto on kirjattu, mutta päättymispäivä puuttuu."),
    "six_month_result_too_early": _(
        "Kuuden kuukauden tulostieto on kirjattu ennen kuin kuusi kuukautta on kulunut "
        "päättymisestä."
    ),
    "result_exceeds_output": _("Tulosindikaattori ylittää osallistujien kokonaismäärän."),
}


def _problem(code: str) -> Problem:
    return Problem(code, MESSAGES[code])


def participant_problems(p: ParticipantFacts, *, today: date) -> list[Problem]:
    """Every problem of one participant, in a stable order."""
    problems = []
    if p.gender not in GENDERS:
        problems.append(_problem("missing_gender"))
    if p.birth_date is None:
        problems.append(_problem("missing_birth_date"))
    elif p.birth_date > p.entry_date:
        problems.append(_problem("birth_after_entry"))
    if p.isced_level is None:
        problems.append(_problem("missing_isced"))
    if p.labour_market_status == UNEMPLOYED:
        if p.unemployed_since is None:
            problems.append(_problem("unemployed_without_start"))
        elif p.unemployed_since > p.entry_date:
            problems.append(_problem("unemployed_since_after_entry"))
    elif p.unemployed_since is not None:
        problems.append(_problem("start_date_but_not_unemployed"))
    has_result = any(getattr(p, name) is not None for name in RESULT_FIELDS.values())
    if p.exit_date is None:
        if has_result:
            problems.append(_problem("result_without_exit"))
    else:
        if p.exit_date < p.entry_date:
            problems.append(_problem("exit_before_entry"))
        six_months_after = p.exit_date + relativedelta(months=6)
        if today < six_months_after and any(getattr(p, n) is not None for n in SIX_MONTH_FIELDS):
            problems.append(_problem("six_month_result_too_early"))
    return problems


def table_problems(table: list[IndicatorRow]) -> list[tuple[str, Problem]]:
    """Result indicators above EECO01 in any gender column: (indicator code, problem).

    Results are subsets of EECO01 by construction; the data-quality report still checks the
    operation's whole table (built with `check=False`) so that a defect shows up as a listed
    problem that blocks submission rather than as figures sent to the funder."""
    outputs = next(r for r in table if r.code == "EECO01")
    found = []
    for row in table:
        if row.indicator.kind != "result":
            continue
        if row.total > outputs.total or any(
            row.count(g) > outputs.count(g) for g in (*GENDERS, "")
        ):
            found.append((row.code, _problem("result_exceeds_output")))
    return found
