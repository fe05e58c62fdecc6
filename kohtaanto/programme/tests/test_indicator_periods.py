"""Each indicator in the period in which it happens (Regulation (EU) 2021/1057 Annex I;
Commission ESF+ Common Indicators Toolbox, 2021): outputs by entry date, immediate results by
exit date when reached within four weeks of leaving, longer-term results by exit date + 6
months. Edges: day 28 / day 29 after exit, an exit on a period's last day, 31 August + 6
months, and consecutive periods adding up to the cumulative table."""

from datetime import date, timedelta

import pytest

from kohtaanto.common.dates import add_years, age_on
from kohtaanto.jobseekers.rules import birth_date_keeping_age
from kohtaanto.jobseekers.tests.factories import ParticipationFactory
from kohtaanto.programme import selectors
from kohtaanto.programme.indicators import (
    INDICATORS,
    LongTermUnemploymentRule,
    ParticipantFacts,
    ResultExceedsOutputError,
    age_group,
    compute_table,
    immediate_result_deadline,
    longer_term_result_date,
    output_codes,
)

RULE = LongTermUnemploymentRule()


def facts(**kw) -> ParticipantFacts:
    base = {
        "id": 1,
        "job_seeker_id": 1,
        "entry_date": date(2026, 3, 2),
        "birth_date": date(1990, 5, 17),
        "gender": "man",
        "labour_market_status": "unemployed",
        "unemployed_since": date(2025, 1, 1),
        "isced_level": 3,
    }
    return ParticipantFacts(**{**base, **kw})


def codes(participant: ParticipantFacts, start: date | None, end: date) -> set[str]:
    table = compute_table([participant], [], start=start, end=end, rule_for=lambda d: RULE)
    return {row.code for row in table if row.total}


def by_code(operation, start: date, end: date) -> dict[str, int]:
    table = selectors.indicator_table(operation=operation, start=start, end=end)
    return {row.code: row.total for row in table}


# --- Four weeks after leaving ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("reached", "counted"),
    [
        (date(2026, 5, 4), True),  # the exit day itself
        (date(2026, 6, 1), True),  # day 28 after the exit: the last day that counts
        (date(2026, 6, 2), False),  # day 29: not an immediate result
    ],
)
def test_an_immediate_result_counts_only_when_reached_within_four_weeks(reached, counted):
    p = facts(exit_date=date(2026, 5, 4), exit_results_on=reached, exit_employed=True)
    assert ("EECR04" in codes(p, date(2026, 1, 1), date(2026, 12, 31))) is counted


def test_the_four_week_deadline_crosses_a_month_of_31_days_and_29_february():
    assert immediate_result_deadline(date(2026, 1, 31)) == date(2026, 2, 28)
    assert immediate_result_deadline(date(2028, 2, 1)) == date(2028, 2, 29)
    assert immediate_result_deadline(date(2026, 7, 31)) == date(2026, 8, 28)


def test_a_result_without_the_day_it_was_reached_is_not_counted():
    p = facts(exit_date=date(2026, 5, 4), exit_results_on=None, exit_employed=True)
    assert "EECR04" not in codes(p, date(2026, 1, 1), date(2026, 12, 31))


# --- The period a result belongs to --------------------------------------------------------


def test_an_exit_on_the_last_day_of_a_period_belongs_to_that_period_only():
    p = facts(
        entry_date=date(2026, 2, 2),
        exit_date=date(2026, 6, 30),
        exit_results_on=date(2026, 7, 20),  # reached in the next period, within four weeks
        exit_job_searching=True,
    )
    assert "EECR01" in codes(p, date(2026, 1, 1), date(2026, 6, 30))
    assert "EECR01" not in codes(p, date(2026, 7, 1), date(2026, 12, 31))


def test_a_result_appears_in_a_later_period_than_the_entry():
    p = facts(
        entry_date=date(2026, 3, 2),
        exit_date=date(2026, 9, 15),
        exit_results_on=date(2026, 9, 15),
        exit_in_education=True,
    )
    assert codes(p, date(2026, 1, 1), date(2026, 6, 30)) >= {"EECO01"}
    assert "EECR02" not in codes(p, date(2026, 1, 1), date(2026, 6, 30))
    later = codes(p, date(2026, 7, 1), date(2026, 12, 31))
    assert "EECR02" in later and "EECO01" not in later


@pytest.mark.parametrize(
    ("exit_date", "six_months"),
    [
        (date(2026, 8, 31), date(2027, 2, 28)),  # 31 August + 6 months: end of February
        (date(2027, 8, 31), date(2028, 2, 29)),  # in a leap year, 29 February
        (date(2026, 3, 31), date(2026, 9, 30)),  # a month of 31 days into one of 30
        (date(2026, 6, 30), date(2026, 12, 30)),
    ],
)
def test_six_months_after_leaving_uses_the_months_last_day(exit_date, six_months):
    assert longer_term_result_date(exit_date) == six_months


def test_a_longer_term_result_belongs_to_the_period_of_exit_plus_six_months():
    p = facts(exit_date=date(2026, 8, 31), six_month_employed=True, six_month_improved=True)
    assert {"EECR05", "EECR06"} <= codes(p, date(2027, 1, 1), date(2027, 2, 28))
    assert "EECR05" not in codes(p, date(2027, 3, 1), date(2027, 6, 30))
    assert "EECR05" not in codes(p, date(2026, 7, 1), date(2026, 12, 31))


def test_a_period_may_hold_more_results_than_entries_but_the_cumulative_table_may_not():
    left = facts(
        entry_date=date(2026, 1, 5),
        exit_date=date(2026, 8, 3),
        exit_results_on=date(2026, 8, 3),
        exit_employed=True,
    )
    period = compute_table(
        [left], [], start=date(2026, 7, 1), end=date(2026, 12, 31), rule_for=lambda d: RULE
    )
    rows = {r.code: r for r in period}
    assert rows["EECO01"].total == 0 and rows["EECR04"].total == 1
    with pytest.raises(ResultExceedsOutputError):
        compute_table(
            [left],
            [],
            start=date(2026, 7, 1),
            end=date(2026, 12, 31),
            rule_for=lambda d: RULE,
            cumulative=True,
        )


# --- Consecutive periods add up to the cumulative table -------------------------------------


def test_consecutive_periods_add_up_to_the_cumulative_table(operation):
    people = [
        # entry, exit, results reached on, six-month answers
        (date(2026, 1, 1), date(2026, 6, 30), date(2026, 7, 28), True),
        (date(2026, 3, 31), date(2026, 8, 31), date(2026, 9, 29), True),  # day 29: not counted
        (date(2026, 6, 30), date(2026, 12, 31), date(2026, 12, 31), False),
        (date(2026, 7, 1), None, None, None),
        (date(2026, 12, 31), date(2027, 2, 28), date(2027, 3, 1), True),
        (date(2027, 2, 28), date(2027, 8, 31), date(2027, 8, 31), True),
    ]
    for entry, exit_date, reached, six in people:
        ParticipationFactory(
            operation=operation,
            entry_date=entry,
            exit_date=exit_date,
            exit_results_on=reached,
            exit_employed=True if exit_date else None,
            exit_in_education=False if exit_date else None,
            six_month_employed=six,
            six_month_improved=six,
        )
    periods = [
        (date(2026, 1, 1), date(2026, 6, 30)),
        (date(2026, 7, 1), date(2026, 12, 31)),
        (date(2027, 1, 1), date(2027, 6, 30)),
        (date(2027, 7, 1), date(2028, 2, 29)),
    ]
    tables = [by_code(operation, start, end) for start, end in periods]
    cumulative = by_code(operation, date(2026, 1, 1), date(2028, 2, 29))
    for indicator in INDICATORS:
        assert sum(t[indicator.code] for t in tables) == cumulative[indicator.code], indicator
    assert cumulative["EECO01"] == 6
    assert cumulative["EECR04"] == 4  # the one reached on day 29 is not an immediate result
    assert [t["EECR04"] for t in tables] == [1, 1, 1, 1]
    # 30.6.2026 → 30.12.2026; 31.8.2026 → 28.2.2027; 28.2.2027 → 28.8.2027; 31.8.2027 → 29.2.2028
    assert [t["EECR05"] for t in tables] == [0, 1, 1, 2]


# --- Pseudonymisation never moves anyone to another age group -----------------------------


def _births_around(entry: date) -> list[date]:
    """Birth dates that put a person at the bounds of the Annex I age groups on `entry`:
    18, 29, 30, 54 and 55 years old, on the birthday, the day before and the day after, and
    anyone born on 29 February near those ages."""
    births = []
    for years in (18, 29, 30, 54, 55):
        anniversary = add_years(entry, -years)
        births += [anniversary - timedelta(days=1), anniversary, anniversary + timedelta(days=1)]
    births += [date(y, 2, 29) for y in range(1968, 2012, 4)]
    return births


@pytest.mark.parametrize(
    "entry", [date(2028, 2, 29), date(2026, 2, 28), date(2026, 3, 1), date(2027, 3, 1)]
)
def test_the_pseudonymised_birth_date_keeps_every_age_group_and_the_age_at_entry(entry):
    for birth in _births_around(entry):
        coarse = birth_date_keeping_age(birth, entry)
        assert age_on(coarse, entry) == age_on(birth, entry), (birth, entry)
        assert age_group(age_on(coarse, entry)) == age_group(age_on(birth, entry))
        before = output_codes(facts(entry_date=entry, birth_date=birth), RULE)
        after = output_codes(facts(entry_date=entry, birth_date=coarse), RULE)
        assert before == after, (birth, entry)
