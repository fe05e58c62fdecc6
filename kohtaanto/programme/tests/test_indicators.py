"""ESF+ common indicators (Regulation (EU) 2021/1057 Annex I): each definition, from the
participation data."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from kohtaanto.common.dates import age_on
from kohtaanto.employers.tests.factories import CompanyFactory
from kohtaanto.jobseekers.models import Answer, ParticipationSpecialCategory
from kohtaanto.jobseekers.tests.factories import JobSeekerFactory, ParticipationFactory
from kohtaanto.programme import selectors
from kohtaanto.programme.indicators import (
    INDICATORS,
    IndicatorRow,
    LongTermUnemploymentRule,
    ParticipantFacts,
    ResultExceedsOutputError,
    check_results_within_outputs,
    compute_table,
    is_long_term_unemployed,
    output_codes,
)
from kohtaanto.programme.models import OperationCompany, ProgrammeRules

RULE = LongTermUnemploymentRule()
PERIOD = (date(2026, 1, 1), date(2026, 12, 31))


def facts(**kw) -> ParticipantFacts:
    base = {
        "id": 1,
        "job_seeker_id": 1,
        "entry_date": date(2026, 3, 2),
        "birth_date": date(1990, 5, 17),
        "gender": "woman",
        "labour_market_status": "employed",
        "isced_level": 3,
    }
    return ParticipantFacts(**{**base, **kw})


def table_for(operation, start=PERIOD[0], end=PERIOD[1]) -> dict[str, IndicatorRow]:
    return {r.code: r for r in selectors.indicator_table(operation=operation, start=start, end=end)}


# --- Age in completed years at entry ------------------------------------------------------


@pytest.mark.parametrize(
    ("birth", "entry", "age"),
    [
        (date(1996, 3, 2), date(2026, 3, 1), 29),  # the day before the 30th birthday
        (date(1996, 3, 2), date(2026, 3, 2), 30),  # the birthday itself counts
        # Laki iän laskemisesta 649/1930: a leap-day birthday is 1 March in common years
        (date(2008, 2, 29), date(2026, 2, 28), 17),
        (date(2008, 2, 29), date(2026, 3, 1), 18),
        (date(2008, 2, 29), date(2028, 2, 28), 19),
        (date(2008, 2, 29), date(2028, 2, 29), 20),
    ],
)
def test_age_is_completed_years_at_entry_with_the_birthday_counting(birth, entry, age):
    assert age_on(birth, entry) == age


@pytest.mark.parametrize(
    ("birth", "codes"),
    [
        (date(2008, 3, 3), {"EECO06"}),  # 17 on 2 Mar 2026
        (date(2008, 3, 2), {"EECO07"}),  # 18 on the entry day
        (date(1996, 3, 3), {"EECO07"}),  # still 29
        (date(1996, 3, 2), set()),  # 30 on the entry day: no longer young
        (date(1971, 3, 3), set()),  # 54
        (date(1971, 3, 2), {"EECO08"}),  # 55 on the entry day
    ],
)
def test_age_groups_below_18_18_to_29_and_55_plus(birth, codes):
    got = output_codes(facts(birth_date=birth), RULE) & {"EECO06", "EECO07", "EECO08"}
    assert got == codes


# --- Labour-market status and long-term unemployment --------------------------------------


def test_unemployed_inactive_and_employed_including_self_employed():
    assert {"EECO02"} <= output_codes(facts(labour_market_status="unemployed"), RULE)
    assert "EECO04" in output_codes(facts(labour_market_status="inactive"), RULE)
    assert "EECO05" in output_codes(facts(labour_market_status="employed"), RULE)
    assert "EECO05" in output_codes(facts(labour_market_status="self_employed"), RULE)
    assert "EECO02" not in output_codes(facts(labour_market_status="inactive"), RULE)


@pytest.mark.parametrize(
    ("since", "entry", "long_term"),
    [
        (date(2025, 9, 2), date(2026, 3, 2), True),  # exactly six months
        (date(2025, 9, 3), date(2026, 3, 2), False),  # a day short
        (date(2025, 8, 31), date(2026, 2, 28), True),  # 31 Aug + 6 months = 28 Feb
        (date(2025, 8, 31), date(2026, 2, 27), False),
        (date(2025, 9, 1), date(2026, 2, 28), False),  # 1 Sep + 6 months = 1 Mar
        (date(2027, 8, 31), date(2028, 2, 29), True),  # leap year: 29 Feb
    ],
)
def test_under_25_long_term_after_six_calendar_months(since, entry, long_term):
    young = facts(
        labour_market_status="unemployed",
        birth_date=date(2005, 1, 1),
        unemployed_since=since,
        entry_date=entry,
    )
    assert age_on(young.birth_date, entry) < 25
    assert is_long_term_unemployed(young, RULE) is long_term


@pytest.mark.parametrize(
    ("since", "entry", "long_term"),
    [
        (date(2025, 3, 2), date(2026, 3, 2), True),  # exactly twelve months
        (date(2025, 3, 3), date(2026, 3, 2), False),
        (date(2025, 9, 2), date(2026, 3, 2), False),  # six months is not enough at 25+
        (date(2024, 2, 29), date(2025, 2, 28), True),  # 29 Feb + 12 months = 28 Feb
    ],
)
def test_25_and_over_long_term_after_twelve_calendar_months(since, entry, long_term):
    older = facts(
        labour_market_status="unemployed",
        birth_date=date(1980, 1, 1),
        unemployed_since=since,
        entry_date=entry,
    )
    assert is_long_term_unemployed(older, RULE) is long_term


def test_the_25th_birthday_on_the_entry_day_switches_to_the_twelve_month_rule():
    person = facts(
        labour_market_status="unemployed",
        birth_date=date(2001, 3, 2),
        unemployed_since=date(2025, 6, 1),  # nine months
        entry_date=date(2026, 3, 2),
    )
    assert is_long_term_unemployed(person, RULE) is False
    day_before = facts(
        labour_market_status="unemployed",
        birth_date=date(2001, 3, 3),
        unemployed_since=date(2025, 6, 1),
        entry_date=date(2026, 3, 2),
    )
    assert is_long_term_unemployed(day_before, RULE) is True


def test_long_term_unemployed_are_also_counted_as_unemployed_and_need_a_start_date():
    codes = output_codes(
        facts(labour_market_status="unemployed", unemployed_since=date(2020, 1, 1)), RULE
    )
    assert {"EECO02", "EECO03"} <= codes
    no_date = output_codes(facts(labour_market_status="unemployed", unemployed_since=None), RULE)
    assert "EECO02" in no_date and "EECO03" not in no_date


def test_long_term_unemployment_durations_come_from_the_dated_rules(operation):
    ProgrammeRules.objects.create(
        valid_from=date(2026, 6, 1),
        flat_rate_percent=40,
        annual_hours=1720,
        small_operation_threshold_eur=200000,
        ltu_age_limit=25,
        ltu_months_below_age=3,
        ltu_months_from_age=6,
    )
    js = JobSeekerFactory(birth_date=date(1980, 1, 1))
    ParticipationFactory(
        job_seeker=js,
        operation=operation,
        entry_date=date(2026, 7, 1),
        unemployed_since=date(2025, 12, 15),  # 6.5 months: long-term under the new rules
    )
    js2 = JobSeekerFactory(birth_date=date(1980, 1, 1))
    ParticipationFactory(
        job_seeker=js2,
        operation=operation,
        entry_date=date(2026, 5, 29),
        unemployed_since=date(2025, 11, 15),  # 6.5 months but the old 12-month rule applies
    )
    assert table_for(operation)["EECO03"].total == 1


# --- Education --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("isced", "code"),
    [(0, "EECO09"), (2, "EECO09"), (3, "EECO10"), (4, "EECO10"), (5, "EECO11"), (8, "EECO11")],
)
def test_isced_groups(isced, code):
    codes = output_codes(facts(isced_level=isced), RULE) & {"EECO09", "EECO10", "EECO11"}
    assert codes == {code}


def test_unknown_isced_is_counted_in_no_education_group():
    assert not output_codes(facts(isced_level=None), RULE) & {"EECO09", "EECO10", "EECO11"}


# --- Sensitive answers --------------------------------------------------------------------


@pytest.mark.parametrize("answer", [Answer.NO, Answer.REFUSED, ""])
def test_only_yes_counts_for_eeco12_to_eeco17(operation, answer):
    for value in (Answer.YES, answer):
        p = ParticipationFactory(
            operation=operation,
            third_country_national=value,
            foreign_background=value,
            homeless=value,
            rural=value,
        )
        ParticipationSpecialCategory.objects.create(
            participation=p, disability=value, minority=value
        )
    ParticipationFactory(operation=operation)  # no special-category row at all
    rows = table_for(operation)
    assert rows["EECO01"].total == 3
    for code in ("EECO12", "EECO13", "EECO14", "EECO15", "EECO16", "EECO17"):
        assert rows[code].total == 1, code


def test_refusing_the_sensitive_questions_does_not_prevent_counting_as_participant(operation):
    p = ParticipationFactory(operation=operation, rural=Answer.REFUSED, homeless=Answer.REFUSED)
    ParticipationSpecialCategory.objects.create(
        participation=p, disability=Answer.REFUSED, minority=Answer.REFUSED
    )
    rows = table_for(operation)
    assert rows["EECO01"].total == 1
    assert rows["EECO12"].total == rows["EECO15"].total == 0


# --- Gender columns, re-entry and the period --------------------------------------------


def test_every_indicator_is_broken_down_by_gender_with_a_total(operation):
    for gender in ("woman", "woman", "man", "non_binary"):
        ParticipationFactory(
            operation=operation, gender=gender, exit_date=date(2026, 6, 1), exit_employed=True
        )
    rows = table_for(operation)
    assert [rows["EECO01"].women, rows["EECO01"].men, rows["EECO01"].non_binary] == [2, 1, 1]
    assert rows["EECO01"].total == 4
    assert [rows["EECR04"].women, rows["EECR04"].men, rows["EECR04"].non_binary] == [2, 1, 1]
    assert [r.code for r in rows.values()] == [i.code for i in INDICATORS]


def test_a_participant_without_gender_is_counted_in_the_total_only(operation):
    ParticipationFactory(operation=operation, gender="")
    row = table_for(operation)["EECO01"]
    assert (row.women, row.men, row.non_binary, row.total) == (0, 0, 0, 1)


def test_a_person_enters_an_operation_once_and_keeps_the_first_entry_data(operation):
    js = JobSeekerFactory(birth_date=date(1997, 6, 1))
    ParticipationFactory(
        job_seeker=js,
        operation=operation,
        entry_date=date(2026, 2, 1),  # aged 28: young
        labour_market_status="unemployed",
        unemployed_since=date(2025, 12, 1),
        exit_date=date(2026, 4, 30),
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        ParticipationFactory(job_seeker=js, operation=operation, entry_date=date(2027, 8, 1))
    # The re-entry in 2027 (when they are 30 and employed) changes nothing: they count
    # once, in 2026, with the data of the first entry.
    first_year = table_for(operation)
    assert first_year["EECO01"].total == 1
    assert first_year["EECO07"].total == 1
    assert first_year["EECO02"].total == 1
    assert table_for(operation, date(2027, 1, 1), date(2027, 12, 31))["EECO01"].total == 0


def test_period_counts_participants_whose_first_entry_falls_in_it(operation):
    ParticipationFactory(operation=operation, entry_date=date(2026, 1, 1))
    ParticipationFactory(operation=operation, entry_date=date(2026, 6, 30))
    ParticipationFactory(operation=operation, entry_date=date(2025, 12, 31))
    ParticipationFactory(operation=operation, entry_date=date(2026, 7, 1))
    assert table_for(operation, date(2026, 1, 1), date(2026, 6, 30))["EECO01"].total == 2


def test_immediate_results_count_those_who_left_in_the_period_whenever_they_entered(operation):
    start, end = date(2026, 2, 1), date(2026, 6, 30)
    ParticipationFactory(
        operation=operation,
        exit_date=date(2026, 6, 30),
        exit_employed=True,
        exit_job_searching=False,
        exit_qualification=True,
    )
    ParticipationFactory(operation=operation, exit_date=date(2026, 7, 1), exit_employed=True)
    ParticipationFactory(operation=operation, exit_date=None)
    ParticipationFactory(
        operation=operation,
        exit_date=date(2026, 5, 1),
        exit_employed=False,
        exit_in_education=True,
        exit_job_searching=True,
    )
    # Entered before the period and left inside it: the result belongs to this period.
    ParticipationFactory(
        operation=operation,
        entry_date=date(2026, 1, 10),
        exit_date=date(2026, 2, 1),
        exit_employed=True,
    )
    rows = table_for(operation, start, end)
    assert rows["EECO01"].total == 4
    assert rows["EECR04"].total == 2
    assert rows["EECR03"].total == 1
    assert rows["EECR02"].total == 1
    assert rows["EECR01"].total == 1


def test_six_month_results_count_yes_answers_of_leavers(operation):
    ParticipationFactory(
        operation=operation,
        exit_date=date(2026, 3, 31),
        six_month_employed=True,
        six_month_improved=True,
    )
    ParticipationFactory(
        operation=operation,
        exit_date=date(2026, 3, 31),
        six_month_employed=False,
        six_month_improved=None,
    )
    rows = table_for(operation)
    assert rows["EECR05"].total == 1
    assert rows["EECR06"].total == 1


def test_results_never_exceed_the_participants_in_any_gender_column(operation):
    for gender in ("woman", "man", "non_binary", ""):
        ParticipationFactory(
            operation=operation,
            gender=gender,
            exit_date=date(2026, 5, 1),
            exit_job_searching=True,
            exit_in_education=True,
            exit_qualification=True,
            exit_employed=True,
            six_month_employed=True,
            six_month_improved=True,
        )
    rows = table_for(operation)
    for code in ("EECR01", "EECR02", "EECR03", "EECR04", "EECR05", "EECR06"):
        for column in ("women", "men", "non_binary", "total"):
            assert getattr(rows[code], column) <= getattr(rows["EECO01"], column)


def test_a_table_whose_result_exceeds_its_output_is_refused():
    participant = facts(id=7, exit_date=date(2026, 5, 1), exit_employed=True)
    table = compute_table(
        [participant], [], start=None, end=date(2026, 12, 31), rule_for=lambda d: RULE
    )
    by_code = {r.code: r for r in table}
    by_code["EECR04"].members["man"] = [99]  # a result for someone outside EECO01
    with pytest.raises(ResultExceedsOutputError):
        check_results_within_outputs(table)


# --- Entities -----------------------------------------------------------------------------


def test_supported_entities_are_counted_once_by_kind_and_size(operation):
    public = CompanyFactory(is_public_administration=True, size_class="large")
    micro = CompanyFactory(size_class="micro")
    medium = CompanyFactory(size_class="medium")
    large = CompanyFactory(size_class="large")
    pilot_only = CompanyFactory(size_class="small")
    for company in (public, micro, medium, large):
        OperationCompany.objects.create(
            operation=operation,
            company=company,
            supported_from=date(2026, 3, 1),
            is_pilot_company=True,
        )
    OperationCompany.objects.create(operation=operation, company=pilot_only, is_pilot_company=True)
    rows = table_for(operation)
    assert rows["EECO18"].total == 1
    assert rows["EECO19"].total == 2  # micro and medium; the large one is no SME
    assert rows["EECO18"].women is None  # entities are not broken down by gender
    assert table_for(operation, date(2027, 1, 1), date(2027, 12, 31))["EECO19"].total == 0
