"""The indicator table counted in the database gives exactly the table of the Python rules
(`indicators.compute_table`): on the edges (29 February births, month-end entries for
long-term unemployment, a result on day 28 and day 29 after exit, an exit on a period's last
day, 31 August + 6 months) and on random data, for consecutive periods and cumulatively."""

import random
from datetime import date, timedelta

import pytest

from kohtaanto.jobseekers.models import JobSeeker, Participation, ParticipationSpecialCategory
from kohtaanto.programme import selectors
from kohtaanto.programme.indicators import INDICATORS, compute_table
from kohtaanto.programme.selectors.indicator_counts import longer_term_exit_window

GENDERS = ["woman", "man", "non_binary", "woman", "man"]


def _python_table(operation, start, end):
    book = selectors.rules_book()
    return compute_table(
        selectors.participant_facts(operation=operation, start=start, end=end),
        selectors.entity_facts(operation=operation, start=start, end=end),
        start=start,
        end=end,
        rule_for=book.ltu,
        cumulative=start <= operation.start_date,
    )


def _as_counts(table):
    return {row.code: (row.women, row.men, row.non_binary, row.total) for row in table}


def _sql_table(operation, start, end):
    return selectors.count_table(
        operation=operation,
        start=start,
        end=end,
        rules=selectors.rules_book().rows,
        entities=selectors.entity_facts(operation=operation, start=start, end=end),
        cumulative=start <= operation.start_date,
    )


def _assert_same(operation, start, end):
    sql = _as_counts(_sql_table(operation, start, end))
    assert _as_counts(selectors.indicator_table(operation=operation, start=start, end=end)) == sql
    python = _as_counts(_python_table(operation, start, end))
    assert sql == python, (start, end)
    return sql


def _make(operation, n, seed):
    rng = random.Random(seed)
    people = JobSeeker.objects.bulk_create(
        JobSeeker(
            employment_area_id=operation.employment_area_id, first_name="Testi", last_name=str(i)
        )
        for i in range(n)
    )
    rows = []
    births = [date(2008, 2, 29), date(1996, 2, 29), date(1971, 3, 1), date(1971, 2, 28)]
    for person in people:
        entry = operation.start_date + timedelta(days=rng.randrange(0, 700))
        if rng.random() < 0.15:
            # the last day of a month: the month-end clamp of long-term unemployment
            entry = date(entry.year, entry.month, 1) + timedelta(days=40)
            entry = entry.replace(day=1) - timedelta(days=1)
            entry = max(entry, operation.start_date)
        left = rng.random() < 0.7
        exit_date = entry + timedelta(days=rng.randrange(0, 250)) if left else None
        status = rng.choice(["unemployed", "unemployed", "inactive", "employed", "self_employed"])
        birth = (
            rng.choice(births)
            if rng.random() < 0.2
            else date(rng.randrange(1960, 2011), rng.randrange(1, 13), rng.randrange(1, 29))
        )
        since = None
        if status == "unemployed":
            since = entry - timedelta(days=rng.choice([rng.randrange(0, 800), 181, 182, 183, 365]))
            if rng.random() < 0.2:
                since = date(since.year, since.month, 1) - timedelta(days=1)  # a month end
        results_on = None
        if exit_date and rng.random() < 0.8:
            results_on = exit_date + timedelta(days=rng.choice([0, 5, 27, 28, 29, 40]))
        rows.append(
            Participation(
                job_seeker=person,
                operation=operation,
                entry_date=entry,
                gender=rng.choice([*GENDERS, ""]),
                birth_date=birth,
                labour_market_status=status,
                unemployed_since=since,
                isced_level=rng.choice([None, 0, 2, 3, 4, 5, 8]),
                rural=rng.choice(["yes", "no", "", "refused"]),
                homeless=rng.choice(["yes", "no", ""]),
                third_country_national=rng.choice(["yes", "no"]),
                foreign_background=rng.choice(["yes", ""]),
                exit_date=exit_date,
                exit_results_on=results_on,
                exit_job_searching=rng.choice([None, True, False]) if exit_date else None,
                exit_in_education=rng.choice([None, True, False]) if exit_date else None,
                exit_qualification=rng.choice([None, True]) if exit_date else None,
                exit_employed=rng.choice([None, True, False]) if exit_date else None,
                six_month_employed=rng.choice([None, True, False]) if exit_date else None,
                six_month_improved=rng.choice([None, True]) if exit_date else None,
            )
        )
    created = Participation.objects.bulk_create(rows)
    ParticipationSpecialCategory.objects.bulk_create(
        ParticipationSpecialCategory(
            participation=p,
            disability=rng.choice(["yes", "no", "refused", ""]),
            minority=rng.choice(["yes", "no", ""]),
        )
        for p in created
        if rng.random() < 0.6
    )


@pytest.mark.django_db
def test_database_counts_equal_python_rules_on_random_data_for_consecutive_periods(operation):
    _make(operation, 400, seed=13)
    start = operation.start_date
    months = [(date(2026, m, 1), date(2026, m + 1, 1) - timedelta(days=1)) for m in range(1, 12)]
    months.append((date(2026, 12, 1), date(2026, 12, 31)))
    months += [(date(2027, 2, 1), date(2027, 2, 28)), (date(2027, 3, 1), date(2027, 8, 31))]
    for first, last in months:
        if last >= start:
            _assert_same(operation, max(first, start), last)
    _assert_same(operation, date(2026, 8, 31), date(2026, 8, 31))  # one day
    cumulative = _assert_same(operation, start, date(2028, 6, 30))
    assert cumulative["EECO01"][3] > 0 and cumulative["EECR04"][3] > 0


@pytest.mark.django_db
def test_database_counts_of_consecutive_periods_add_up_to_the_cumulative_table(operation):
    _make(operation, 150, seed=5)
    end = date(2028, 12, 31)
    halves = []
    first = operation.start_date
    while first <= end:
        last = min(date(first.year, 6, 30) if first.month <= 6 else date(first.year, 12, 31), end)
        halves.append(_sql_table(operation, first, last))
        first = last + timedelta(days=1)
    cumulative = _sql_table(operation, operation.start_date, end)
    for index, row in enumerate(cumulative):
        if row.indicator.kind == "entity":
            continue
        assert row.total == sum(t[index].total for t in halves), row.code


def _one(operation, **kw):
    person = JobSeeker.objects.create(
        employment_area_id=operation.employment_area_id, first_name="A", last_name="B"
    )
    base = {
        "entry_date": date(2026, 3, 2),
        "gender": "woman",
        "birth_date": date(1990, 5, 17),
        "labour_market_status": "unemployed",
        "unemployed_since": date(2025, 1, 1),
    }
    return Participation.objects.create(job_seeker=person, operation=operation, **{**base, **kw})


@pytest.mark.django_db
def test_born_29_february_is_18_only_from_1_march_in_a_common_year(operation):
    _one(operation, entry_date=date(2026, 2, 28), birth_date=date(2008, 2, 29))
    _one(operation, entry_date=date(2026, 3, 1), birth_date=date(2008, 2, 29))
    feb = _assert_same(operation, date(2026, 2, 28), date(2026, 2, 28))
    mar = _assert_same(operation, date(2026, 3, 1), date(2026, 3, 1))
    assert feb["EECO06"][3] == 1 and feb["EECO07"][3] == 0
    assert mar["EECO06"][3] == 0 and mar["EECO07"][3] == 1


@pytest.mark.django_db
def test_long_term_unemployment_counts_the_month_end_clamp(operation):
    # Under 25: six months. 31 Aug + 6 months is 28 Feb 2027 (the month's last day).
    young = date(2005, 1, 1)
    _one(
        operation,
        entry_date=date(2027, 2, 28),
        birth_date=young,
        unemployed_since=date(2026, 8, 31),
    )
    _one(
        operation,
        entry_date=date(2027, 2, 27),
        birth_date=young,
        unemployed_since=date(2026, 8, 31),
    )
    counts = _assert_same(operation, date(2027, 2, 27), date(2027, 2, 28))
    assert counts["EECO03"][3] == 1


@pytest.mark.django_db
def test_result_on_day_28_counts_and_day_29_not_and_exit_on_period_last_day(operation):
    exit_day = date(2026, 6, 30)  # the last day of the period
    _one(
        operation,
        exit_date=exit_day,
        exit_results_on=exit_day + timedelta(days=28),
        exit_employed=True,
    )
    _one(
        operation,
        exit_date=exit_day,
        exit_results_on=exit_day + timedelta(days=29),
        exit_employed=True,
    )
    period = _assert_same(operation, date(2026, 1, 1), exit_day)
    after = _assert_same(operation, date(2026, 7, 1), date(2026, 12, 31))
    assert period["EECR04"][3] == 1
    assert after["EECR04"][3] == 0


@pytest.mark.django_db
def test_six_month_result_of_an_exit_on_31_august_falls_on_the_last_day_of_february(operation):
    _one(operation, exit_date=date(2026, 8, 31), six_month_employed=True)
    assert _assert_same(operation, date(2027, 2, 28), date(2027, 2, 28))["EECR05"][3] == 1
    assert _assert_same(operation, date(2027, 3, 1), date(2027, 3, 31))["EECR05"][3] == 0


def test_longer_term_exit_window_covers_every_exit_whose_six_months_fall_in_the_period():
    for start, end in [
        (date(2027, 2, 28), date(2027, 2, 28)),
        (date(2027, 3, 1), date(2027, 3, 31)),
        (date(2028, 2, 29), date(2028, 3, 1)),
        (date(2026, 1, 1), date(2026, 12, 31)),
    ]:
        window = longer_term_exit_window(start, end)
        from kohtaanto.common.dates import add_months

        day = start - timedelta(days=400)
        inside = []
        while day <= end:
            if start <= add_months(day, 6) <= end:
                inside.append(day)
            day += timedelta(days=1)
        assert window == (inside[0], inside[-1])
        assert len(inside) == (window[1] - window[0]).days + 1


def test_every_indicator_has_a_database_condition_or_is_an_encrypted_answer():
    from kohtaanto.programme.selectors.indicator_counts import SPECIAL, _output_conditions

    outputs = {i.code for i in INDICATORS if i.kind == "participant"}
    assert outputs == set(_output_conditions([])) | set(SPECIAL)
    assert not set(_output_conditions([])) & set(SPECIAL)
