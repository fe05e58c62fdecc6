"""ESF+ common indicators: Regulation (EU) 2021/1057 Annex I, as pure rules.

Input: one `ParticipantFacts` per participant (one Participation per person and operation:
a person who re-enters keeps the first entry's data) and one `EntityFacts` per supported
organisation. No database here; `selectors.indicator_table` feeds these functions.

Definitions (Annex I and DESIGN.md):
- Participant data are as on the day of entry; age is in completed years at entry, by the
  project's one age rule `common.dates.age_on` (Laki iän laskemisesta 649/1930: the birthday
  itself counts; someone born on 29 February reaches a new age on 1 March in common years).
- EECO01 every participant; EECO02 unemployed incl. long-term unemployed; EECO03 long-term
  unemployed: continuously unemployed at entry for at least the configured months (default
  under 25 at entry: 6, 25 and over: 12), counted in calendar months from `unemployed_since`
  (31 Aug + 6 months = the last day of February); EECO04 inactive; EECO05 employed incl.
  self-employed.
- EECO06 below 18, EECO07 18–29, EECO08 55 and above.
- EECO09 ISCED 0–2, EECO10 ISCED 3–4, EECO11 ISCED 5–8; an unknown level is counted in none.
- EECO12–EECO17: only an explicit "yes" counts; "no", a refusal and no answer are not
  counted, and a refusal never prevents entry (GDPR Art. 9 for EECO12 and EECO15).
- EECO18 supported public administrations, EECO19 supported micro, small and medium-sized
  enterprises (EU SME size classes); each organisation is counted once.
- Counting by period (Annex I; European Commission, "ESF+ Common Indicators Toolbox",
  October 2021, which keeps the conventions of the 2014–2020 ESF monitoring and evaluation
  guidance, August 2018): each figure belongs to the period in which it happens, whenever
  the person entered.
  * outputs (EECO01–EECO17) count participants whose entry date is in the period;
  * immediate results (EECR01–EECR04, "upon leaving": the situation reached within four
    weeks of leaving) count participants whose exit date is in the period and whose result
    was reached (`exit_results_on`) no later than day 28 after the exit day;
  * longer-term results (EECR05–EECR06, "six months after leaving") count participants
    whose exit date + 6 calendar months is in the period (31 August + 6 months = the last
    day of February, the month-end rule of `common.dates.add_months`).
  A result may therefore fall in a later period than its entry. Tables of consecutive
  periods add up to the table of their union.
- A result count never exceeds its linked output count cumulatively (every result is a
  subset of EECO01's participants from the operation's start); it may in one period.
  `compute_table` checks it for every gender column of a cumulative table
  (`ResultExceedsOutputError` otherwise).

Gender columns: women, men, non-binary, and a total (Annex I: "personal data are to be broken
down by gender (women, men, non-binary persons)"). A participant without a recorded gender
is counted in the total only (and listed by the data-quality report).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.dates import add_months, age_on
from kohtaanto.jobseekers.rules import FOLLOW_UP_MONTHS, IMMEDIATE_RESULT_WINDOW

YES = "yes"
GENDERS = ("woman", "man", "non_binary")
UNEMPLOYED = "unemployed"
INACTIVE = "inactive"
EMPLOYED = ("employed", "self_employed")
SME_SIZE_CLASSES = ("micro", "small", "medium")


@dataclass(frozen=True)
class Indicator:
    code: str
    name_en: str  # as in Annex I, for the funder's exports
    label: Promise  # Finnish msgid, translated for the page
    kind: str  # "participant", "entity" or "result"
    special_category: bool = False  # GDPR Art. 9: aggregate only, never a drill-down


INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "EECO01", "total number of participants", _("Osallistujien kokonaismäärä"), "participant"
    ),
    Indicator(
        "EECO02",
        "unemployed, including long-term unemployed",
        _("Työttömät, pitkäaikaistyöttömät mukaan luettuina"),
        "participant",
    ),
    Indicator("EECO03", "long-term unemployed", _("Pitkäaikaistyöttömät"), "participant"),
    Indicator("EECO04", "inactive", _("Työvoiman ulkopuolella olevat"), "participant"),
    Indicator(
        "EECO05",
        "employed, including self-employed",
        _("Työlliset, itsenäiset ammatinharjoittajat mukaan luettuina"),
        "participant",
    ),
    Indicator(
        "EECO06", "number of children below 18 years of age", _("Alle 18-vuotiaat"), "participant"
    ),
    Indicator(
        "EECO07",
        "young people between 18 and 29 years of age",
        _("18–29-vuotiaat nuoret"),
        "participant",
    ),
    Indicator(
        "EECO08",
        "number of participants of 55 years of age and above",
        _("55-vuotiaat ja sitä vanhemmat osallistujat"),
        "participant",
    ),
    Indicator(
        "EECO09",
        "with lower secondary education or less (ISCED 0-2)",
        _("Enintään perusasteen koulutus (ISCED 0–2)"),
        "participant",
    ),
    Indicator(
        "EECO10",
        "with upper secondary (ISCED 3) or post-secondary education (ISCED 4)",
        _("Toisen asteen (ISCED 3) tai sen jälkeinen ei-korkea-asteen koulutus (ISCED 4)"),
        "participant",
    ),
    Indicator(
        "EECO11",
        "with tertiary education (ISCED 5 to 8)",
        _("Korkea-asteen koulutus (ISCED 5–8)"),
        "participant",
    ),
    Indicator(
        "EECO12",
        "participants with disabilities",
        _("Osallistujat, joilla on vamma"),
        "participant",
        special_category=True,
    ),
    Indicator(
        "EECO13", "third-country nationals", _("Kolmansien maiden kansalaiset"), "participant"
    ),
    Indicator(
        "EECO14",
        "participants with a foreign background",
        _("Ulkomaalaistaustaiset osallistujat"),
        "participant",
    ),
    Indicator(
        "EECO15",
        "minorities (including marginalised communities, such as Roma people)",
        _("Vähemmistöt (mukaan lukien marginalisoidut yhteisöt, kuten romanit)"),
        "participant",
        special_category=True,
    ),
    Indicator(
        "EECO16",
        "homeless or affected by housing exclusion",
        _("Asunnottomat tai asuntomarkkinoilta syrjäytyneet"),
        "participant",
    ),
    Indicator(
        "EECO17",
        "participants from rural areas",
        _("Maaseutualueilta tulevat osallistujat"),
        "participant",
    ),
    Indicator(
        "EECO18",
        "number of supported public administrations or public services at national, "
        "regional or local level",
        _(
            "Tuetut julkishallinnon yksiköt tai julkiset palvelut kansallisella, "
            "alueellisella tai paikallisella tasolla"
        ),
        "entity",
    ),
    Indicator(
        "EECO19",
        "number of supported micro, small and medium-sized enterprises "
        "(including cooperative enterprises and social enterprises)",
        _(
            "Tuetut mikro-, pienet ja keskisuuret yritykset (myös osuuskunnat ja "
            "yhteiskunnalliset yritykset)"
        ),
        "entity",
    ),
    Indicator(
        "EECR01",
        "participants engaged in job searching upon leaving",
        _("Osallistujat, jotka hakevat työtä osallistumisen päättyessä"),
        "result",
    ),
    Indicator(
        "EECR02",
        "participants in education or training upon leaving",
        _("Osallistujat, jotka ovat koulutuksessa osallistumisen päättyessä"),
        "result",
    ),
    Indicator(
        "EECR03",
        "participants gaining a qualification upon leaving",
        _("Osallistujat, jotka saavat tutkinnon tai pätevyyden osallistumisen päättyessä"),
        "result",
    ),
    Indicator(
        "EECR04",
        "participants in employment, including self-employment, upon leaving",
        _("Osallistujat, jotka ovat työssä, myös yrittäjinä, osallistumisen päättyessä"),
        "result",
    ),
    Indicator(
        "EECR05",
        "participants in employment, including self-employment, six months after leaving",
        _(
            "Osallistujat, jotka ovat työssä, myös yrittäjinä, kuusi kuukautta "
            "osallistumisen päättymisen jälkeen"
        ),
        "result",
    ),
    Indicator(
        "EECR06",
        "participants with an improved labour market situation six months after leaving",
        _(
            "Osallistujat, joiden työmarkkinatilanne on parantunut kuusi kuukautta "
            "osallistumisen päättymisen jälkeen"
        ),
        "result",
    ),
)
BY_CODE = {i.code: i for i in INDICATORS}

# The exit answer that each result indicator counts (Annex I points 3 and 4).
IMMEDIATE_RESULT_FIELDS = {
    "EECR01": "exit_job_searching",
    "EECR02": "exit_in_education",
    "EECR03": "exit_qualification",
    "EECR04": "exit_employed",
}
LONGER_TERM_RESULT_FIELDS = {
    "EECR05": "six_month_employed",
    "EECR06": "six_month_improved",
}
RESULT_FIELDS = IMMEDIATE_RESULT_FIELDS | LONGER_TERM_RESULT_FIELDS

# Annex I: immediate results are reached within four weeks of leaving (day 28 after the exit
# day counts, day 29 does not); longer-term results are the situation six months after.
# One definition of each, in `jobseekers.rules`, shared with the follow-up reminders.
LONGER_TERM_MONTHS = FOLLOW_UP_MONTHS
# The yes/no/refused entry answers of EECO12–EECO17.
ANSWER_FIELDS = {
    "EECO12": "disability",
    "EECO13": "third_country_national",
    "EECO14": "foreign_background",
    "EECO15": "minority",
    "EECO16": "homeless",
    "EECO17": "rural",
}


@dataclass(frozen=True)
class ParticipantFacts:
    """A participant's entry and exit data, as recorded on the first entry."""

    id: int
    job_seeker_id: int
    entry_date: date
    birth_date: date | None
    gender: str
    labour_market_status: str
    unemployed_since: date | None = None
    isced_level: int | None = None
    third_country_national: str = ""
    foreign_background: str = ""
    homeless: str = ""
    rural: str = ""
    disability: str = ""
    minority: str = ""
    exit_date: date | None = None
    exit_results_on: date | None = None
    exit_job_searching: bool | None = None
    exit_in_education: bool | None = None
    exit_qualification: bool | None = None
    exit_employed: bool | None = None
    six_month_employed: bool | None = None
    six_month_improved: bool | None = None


@dataclass(frozen=True)
class EntityFacts:
    """An organisation the operation supports directly."""

    id: int
    is_public_administration: bool
    size_class: str


@dataclass(frozen=True)
class LongTermUnemploymentRule:
    """Continuous unemployment at entry that makes a person long-term unemployed."""

    age_limit: int = 25
    months_below_age: int = 6
    months_from_age: int = 12


def age_group(age: int | None) -> str:
    if age is None:
        return "?"
    if age < 18:
        return "<18"
    if age <= 29:
        return "18–29"
    if age < 55:
        return "30–54"
    return "55+"


def is_long_term_unemployed(p: ParticipantFacts, rule: LongTermUnemploymentRule) -> bool:
    """EECO03: unemployed at entry, continuously for at least the rule's calendar months."""
    if p.labour_market_status != UNEMPLOYED or p.unemployed_since is None or p.birth_date is None:
        return False
    age = age_on(p.birth_date, p.entry_date)
    months = rule.months_below_age if age < rule.age_limit else rule.months_from_age
    return add_months(p.unemployed_since, months) <= p.entry_date


def output_codes(p: ParticipantFacts, rule: LongTermUnemploymentRule) -> set[str]:
    """The participant output indicators (EECO01–EECO17) that count this participant."""
    codes = {"EECO01"}
    if p.labour_market_status == UNEMPLOYED:
        codes.add("EECO02")
        if is_long_term_unemployed(p, rule):
            codes.add("EECO03")
    elif p.labour_market_status == INACTIVE:
        codes.add("EECO04")
    elif p.labour_market_status in EMPLOYED:
        codes.add("EECO05")
    if p.birth_date is not None:
        age = age_on(p.birth_date, p.entry_date)
        if age < 18:
            codes.add("EECO06")
        elif age <= 29:
            codes.add("EECO07")
        elif age >= 55:
            codes.add("EECO08")
    if p.isced_level is not None:
        if p.isced_level <= 2:
            codes.add("EECO09")
        elif p.isced_level <= 4:
            codes.add("EECO10")
        elif p.isced_level <= 8:
            codes.add("EECO11")
    for code, name in ANSWER_FIELDS.items():
        if getattr(p, name) == YES:
            codes.add(code)
    return codes


def immediate_result_deadline(exit_date: date) -> date:
    """The last day on which a result still counts as reached "upon leaving" (day 28)."""
    return exit_date + IMMEDIATE_RESULT_WINDOW


def longer_term_result_date(exit_date: date) -> date:
    """The day of the six-month situation: exit date + 6 calendar months, the month's last
    day when it is shorter (31.8. → 28.2. or 29.2.)."""
    return add_months(exit_date, LONGER_TERM_MONTHS)


def _within(day: date, start: date | None, end: date) -> bool:
    return (start is None or start <= day) and day <= end


def immediate_result_codes(p: ParticipantFacts, start: date | None, end: date) -> set[str]:
    """EECR01–EECR04 of a participant who left in [start, end] with the result reached
    within four weeks of leaving."""
    if p.exit_date is None or p.exit_results_on is None or not _within(p.exit_date, start, end):
        return set()
    if not p.exit_date <= p.exit_results_on <= immediate_result_deadline(p.exit_date):
        return set()
    return {code for code, name in IMMEDIATE_RESULT_FIELDS.items() if getattr(p, name) is True}


def longer_term_result_codes(p: ParticipantFacts, start: date | None, end: date) -> set[str]:
    """EECR05–EECR06 of a participant whose exit date + 6 months falls in [start, end]."""
    if p.exit_date is None or not _within(longer_term_result_date(p.exit_date), start, end):
        return set()
    return {code for code, name in LONGER_TERM_RESULT_FIELDS.items() if getattr(p, name) is True}


def entity_codes(e: EntityFacts) -> set[str]:
    if e.is_public_administration:
        return {"EECO18"}
    if e.size_class in SME_SIZE_CLASSES:
        return {"EECO19"}
    return set()


class CountedRow(Protocol):
    """What a table's row offers its readers (pages, exports): `IndicatorRow` (counted in
    Python, with the participants' ids) and `selectors.indicator_counts.CountRow` (counted
    in the database)."""

    indicator: Indicator

    @property
    def code(self) -> str: ...

    def count(self, gender: str) -> int: ...

    @property
    def women(self) -> int | None: ...

    @property
    def men(self) -> int | None: ...

    @property
    def non_binary(self) -> int | None: ...

    @property
    def total(self) -> int: ...


@dataclass
class IndicatorRow:
    indicator: Indicator
    # Participant (or entity) ids counted, per gender column; "" holds those without gender.
    members: dict[str, list[int]] = field(default_factory=dict)

    @property
    def code(self) -> str:
        return self.indicator.code

    @property
    def by_gender(self) -> bool:
        return self.indicator.kind != "entity"

    def count(self, gender: str) -> int:
        return len(self.members.get(gender, []))

    @property
    def women(self) -> int | None:
        return self.count("woman") if self.by_gender else None

    @property
    def men(self) -> int | None:
        return self.count("man") if self.by_gender else None

    @property
    def non_binary(self) -> int | None:
        return self.count("non_binary") if self.by_gender else None

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
        if _within(p.entry_date, start, end):
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
