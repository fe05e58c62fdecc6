"""Who counts in which indicator: a participant's and an organisation's facts, and the Annex I
rules that turn them into indicator codes (see the package docstring for the sources)."""

from dataclasses import dataclass
from datetime import date

from kohtaanto.common.dates import add_months, age_on
from kohtaanto.jobseekers.rules import IMMEDIATE_RESULT_WINDOW
from kohtaanto.programme.indicators.definitions import (
    ANSWER_FIELDS,
    IMMEDIATE_RESULT_FIELDS,
    LONGER_TERM_MONTHS,
    LONGER_TERM_RESULT_FIELDS,
)

YES = "yes"
GENDERS = ("woman", "man", "non_binary")
UNEMPLOYED = "unemployed"
INACTIVE = "inactive"
EMPLOYED = ("employed", "self_employed")
SME_SIZE_CLASSES = ("micro", "small", "medium")


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


def within_period(day: date, start: date | None, end: date) -> bool:
    return (start is None or start <= day) and day <= end


def immediate_result_codes(p: ParticipantFacts, start: date | None, end: date) -> set[str]:
    """EECR01–EECR04 of a participant who left in [start, end] with the result reached
    within four weeks of leaving."""
    if (
        p.exit_date is None
        or p.exit_results_on is None
        or not within_period(p.exit_date, start, end)
    ):
        return set()
    if not p.exit_date <= p.exit_results_on <= immediate_result_deadline(p.exit_date):
        return set()
    return {code for code, name in IMMEDIATE_RESULT_FIELDS.items() if getattr(p, name) is True}


def longer_term_result_codes(p: ParticipantFacts, start: date | None, end: date) -> set[str]:
    """EECR05–EECR06 of a participant whose exit date + 6 months falls in [start, end]."""
    if p.exit_date is None or not within_period(longer_term_result_date(p.exit_date), start, end):
        return set()
    return {code for code, name in LONGER_TERM_RESULT_FIELDS.items() if getattr(p, name) is True}


def entity_codes(e: EntityFacts) -> set[str]:
    if e.is_public_administration:
        return {"EECO18"}
    if e.size_class in SME_SIZE_CLASSES:
        return {"EECO19"}
    return set()
