"""The grant rules as pure functions, at and around every limit."""

from datetime import date
from decimal import Decimal

import pytest

from kohtaanto.common.dates import add_months, age_on, months_between, period_months
from kohtaanto.finance import selectors
from kohtaanto.finance.eligibility import (
    Inputs,
    RuleTerms,
    claim_eligible_amount,
    de_minimis_position,
    evaluate,
    reason_message,
    unemployed_months_in_window,
)
from kohtaanto.finance.tests.factories import youth_voucher

START = date(2026, 3, 1)


def codes(evaluation):
    return [r["code"] for r in evaluation.reasons]


def inputs(**overrides):
    values = {
        "birth_date": date(2001, 5, 1),
        "start_date": START,
        "end_date": date(2026, 8, 31),
        "weekly_hours": Decimal("37.5"),
        "monthly_pay_costs": Decimal("3000.00"),
        # Unemployed since 1.6.2025 (nine months before the start).
        "unemployment_periods": ((date(2025, 6, 1), None),),
    }
    values.update(overrides)
    return Inputs(**values)


def terms(**overrides):
    values = {
        "category": "general",
        "label": "Perus",
        "percentage": Decimal("50.00"),
        "monthly_cap": Decimal("1500.00"),
        "source": "Testi",
        "valid_from": date(2026, 1, 1),
    }
    values.update(overrides)
    return RuleTerms(**values)


def run(rule, **overrides):
    return evaluate(
        rule, inputs(**overrides), scheme_starts_on=date(2026, 1, 1), scheme_ends_on=None
    )


@pytest.fixture
def voucher_terms(db, area):
    scheme = youth_voucher(area)
    return RuleTerms.from_rule(
        selectors.scheme_rule_for(scheme=scheme, category="general", on=START)
    )


@pytest.fixture
def subsidy_terms(db, area):
    from kohtaanto.finance.tests.factories import pay_subsidy

    scheme = pay_subsidy(area)

    def get(category):
        return RuleTerms.from_rule(
            selectors.scheme_rule_for(scheme=scheme, category=category, on=START)
        )

    return get


# --- calendar -------------------------------------------------------------------------------


def test_age_is_counted_in_completed_years_on_the_start_day():
    assert age_on(date(2008, 3, 1), date(2026, 3, 1)) == 18
    assert age_on(date(2008, 3, 2), date(2026, 3, 1)) == 17
    assert age_on(date(2008, 2, 29), date(2026, 2, 28)) == 17
    assert age_on(date(2008, 2, 29), date(2026, 3, 1)) == 18


def test_months_are_calendar_months_plus_days_over_thirty():
    assert period_months(date(2026, 1, 1), date(2026, 12, 31)) == Decimal("12.00")
    assert period_months(date(2026, 1, 15), date(2026, 7, 14)) == Decimal("6.00")
    assert period_months(date(2026, 2, 1), date(2026, 2, 14)) == Decimal("0.50")
    assert period_months(date(2026, 3, 1), date(2026, 8, 30)) == Decimal("5.97")
    assert months_between(date(2026, 1, 31), date(2026, 1, 31)) == Decimal(0)
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)


# --- youth employment voucher: age 18–29 at start, 50 %, 1 500 €/month, 9 000 € -------------


@pytest.mark.parametrize(
    ("birth_date", "eligible"),
    [
        (date(2008, 3, 2), False),  # 17, turns 18 the day after the start
        (date(2008, 3, 1), True),  # exactly 18 on the first day
        (date(1996, 3, 2), True),  # 29, turns 30 the day after the start
        (date(1996, 3, 1), False),  # exactly 30 on the first day
    ],
)
def test_voucher_age_limits_at_start(voucher_terms, birth_date, eligible):
    evaluation = run(voucher_terms, birth_date=birth_date)
    assert evaluation.eligible is eligible
    if not eligible:
        assert codes(evaluation)[0] in {"age_below_minimum", "age_above_maximum"}


@pytest.mark.parametrize(
    ("pay", "monthly"),
    [
        ("2999.98", "1499.99"),
        ("3000.00", "1500.00"),  # exactly at the monthly cap
        ("3000.02", "1500.00"),  # above: capped
        ("8000.00", "1500.00"),
    ],
)
def test_voucher_monthly_amount_is_half_the_pay_costs_up_to_the_cap(voucher_terms, pay, monthly):
    evaluation = run(voucher_terms, monthly_pay_costs=Decimal(pay))
    assert evaluation.monthly_amount == Decimal(monthly)


@pytest.mark.parametrize(
    ("end_date", "maximum"),
    [
        (date(2026, 8, 31), Decimal("9000.00")),  # 6 months: exactly the total cap
        (date(2026, 9, 30), Decimal("9000.00")),  # 7 months: capped
    ],
)
def test_voucher_total_is_capped_at_nine_thousand(voucher_terms, end_date, maximum):
    evaluation = run(voucher_terms, end_date=end_date)
    assert evaluation.eligible
    assert evaluation.maximum == maximum


def test_voucher_rule_names_its_source(voucher_terms):
    assert "nuorten työllistämissetelistä 2026–2027" in voucher_terms.source
    assert voucher_terms.total_cap == Decimal("9000.00")


def test_scheme_period_is_checked(voucher_terms):
    evaluation = evaluate(
        voucher_terms,
        inputs(start_date=date(2028, 1, 1), end_date=date(2028, 3, 31)),
        scheme_starts_on=date(2026, 1, 1),
        scheme_ends_on=date(2027, 12, 31),
    )
    assert "outside_scheme_period" in codes(evaluation)


def test_without_a_rule_in_force_nothing_is_eligible():
    evaluation = evaluate(None, inputs(), scheme_starts_on=date(2026, 1, 1), scheme_ends_on=None)
    assert codes(evaluation) == ["no_rule"]
    assert evaluation.maximum == 0


def test_rule_in_force_is_chosen_by_the_start_date_inclusive(db, area):
    scheme = youth_voucher(area)
    # The voucher is open for employments starting 1.2.2026–30.6.2027 (the area's decision).
    assert selectors.scheme_rule_for(scheme=scheme, category="general", on=date(2026, 2, 1))
    assert selectors.scheme_rule_for(scheme=scheme, category="general", on=date(2027, 6, 30))
    assert (
        selectors.scheme_rule_for(scheme=scheme, category="general", on=date(2026, 1, 31)) is None
    )
    assert selectors.scheme_rule_for(scheme=scheme, category="general", on=date(2027, 7, 1)) is None
    assert (scheme.starts_on, scheme.ends_on) == (date(2026, 2, 1), date(2027, 6, 30))


def test_voucher_needs_25_hours_a_week_and_six_months(voucher_terms):
    assert codes(run(voucher_terms, weekly_hours=Decimal("10"))) == ["hours_below_minimum"]
    assert run(voucher_terms, weekly_hours=Decimal("25")).eligible
    assert codes(run(voucher_terms, end_date=date(2026, 8, 30))) == ["duration_too_short"]


def test_voucher_needs_six_of_seven_months_unemployed_or_three_with_basic_education(
    voucher_terms,
):
    six = ((date(2025, 9, 1), None),)  # 1.9.2025–28.2.2026: exactly 6 months before 1.3.
    assert run(voucher_terms, unemployment_periods=six).eligible
    short = ((date(2025, 9, 2), None),)
    assert codes(run(voucher_terms, unemployment_periods=short)) == ["unemployment_too_short"]
    three = ((date(2025, 12, 1), None),)
    assert codes(run(voucher_terms, unemployment_periods=three)) == ["unemployment_too_short"]
    assert run(voucher_terms, unemployment_periods=three, basic_education_only=True).eligible
    two_short = ((date(2025, 12, 2), None),)
    assert not run(
        voucher_terms, unemployment_periods=two_short, basic_education_only=True
    ).eligible


# --- pay subsidy (Act 380/2023; terms of the 2023 reform, HE 175/2022; HE 120/2024) ---------


def test_pay_subsidy_general_is_half_up_to_1260(subsidy_terms):
    rule = subsidy_terms("general")
    assert "Laki työvoimapalveluiden järjestämisestä (380/2023)" in rule.source
    assert "julkisesta työvoima- ja yrityspalvelusta 380/2023" not in rule.source
    assert "percentage" in rule.parameter_sources
    assert run(
        rule, monthly_pay_costs=Decimal("2520.00"), end_date=date(2026, 7, 31)
    ).monthly_amount == Decimal("1260.00")
    assert run(
        rule, monthly_pay_costs=Decimal("2000.00"), end_date=date(2026, 7, 31)
    ).monthly_amount == Decimal("1000.00")


def test_pay_subsidy_general_lasts_five_months_or_ten_after_long_unemployment(subsidy_terms):
    rule = subsidy_terms("general")
    assert run(rule, end_date=date(2026, 7, 31)).eligible  # 1.3.–31.7.2026 = 5 months
    assert codes(run(rule, end_date=date(2026, 8, 1))) == ["duration_too_long"]
    long_rule = subsidy_terms("general-long-term-unemployed")
    year = ((date(2025, 3, 1), None),)
    assert run(long_rule, end_date=date(2026, 12, 31), unemployment_periods=year).eligible
    assert codes(run(long_rule, end_date=date(2027, 1, 1), unemployment_periods=year)) == [
        "duration_too_long"
    ]


def test_pay_subsidy_on_professional_grounds_is_not_for_municipalities(subsidy_terms):
    rule = subsidy_terms("general")
    evaluation = run(rule, end_date=date(2026, 7, 31), employer_kind="municipality")
    assert codes(evaluation) == ["employer_kind_not_eligible"]
    assert "Kunta tai kuntayhtymä" in reason_message(evaluation.reasons[0])
    assert run(rule, end_date=date(2026, 7, 31), employer_kind="wellbeing_county").eligible
    reduced = subsidy_terms("reduced-work-capacity")
    assert run(reduced, reduced_work_capacity=True, employer_kind="municipality").eligible


def test_pay_subsidy_55_plus_needs_24_of_the_last_28_months_and_25_hours(subsidy_terms):
    rule = subsidy_terms("age-55-plus")
    two_years = ((date(2024, 3, 1), date(2026, 2, 28)),)  # exactly 24 months before 1.3.2026
    ok = run(rule, birth_date=date(1971, 3, 1), unemployment_periods=two_years)
    assert ok.eligible
    assert ok.unemployed_months == Decimal("24.00")
    assert ok.monthly_amount == Decimal("1770.00")
    young = run(rule, birth_date=date(1971, 3, 2), unemployment_periods=two_years)
    assert codes(young) == ["age_below_minimum"]
    one_day_short = ((date(2024, 3, 2), date(2026, 2, 28)),)
    short = run(rule, birth_date=date(1960, 1, 1), unemployment_periods=one_day_short)
    assert codes(short) == ["unemployment_too_short"]
    assert short.unemployed_months < Decimal("24")
    part_time = run(
        rule,
        birth_date=date(1960, 1, 1),
        unemployment_periods=two_years,
        weekly_hours=Decimal("24.99"),
    )
    assert codes(part_time) == ["hours_below_minimum"]


def test_pay_subsidy_for_associations_is_full_pay_of_65_percent_hours_up_to_2020(subsidy_terms):
    rule = subsidy_terms("association-non-business")
    unemployed = ((date(2024, 1, 1), None),)
    assert codes(
        run(
            rule,
            unemployment_periods=unemployed,
            employer_kind="association",
            full_time_weekly_hours=Decimal("37.5"),
        )
    ) == ["non_business_association_required"]
    base = {
        "non_business_association": True,
        "employer_kind": "association",
        "unemployment_periods": unemployed,
        "end_date": date(2026, 12, 31),
        "full_time_weekly_hours": Decimal("37.5"),
    }
    # 65 % of 37.5 h = 24.375 h: at 24.375 h the whole pay counts.
    within = run(rule, **base, weekly_hours=Decimal("24.375"), monthly_pay_costs=Decimal("1900.00"))
    assert within.eligible
    assert within.monthly_amount == Decimal("1900.00")
    assert within.maximum == Decimal("19000.00")  # 10 months
    # Full time: only 65 % of the pay is covered, the rest stays with the employer.
    full = run(rule, **base, weekly_hours=Decimal("37.5"), monthly_pay_costs=Decimal("3000.00"))
    assert full.monthly_amount == Decimal("1950.00")
    capped = run(rule, **base, weekly_hours=Decimal("24"), monthly_pay_costs=Decimal("2500.00"))
    assert capped.monthly_amount == Decimal("2020.00")
    assert codes(run(rule, **{**base, "end_date": date(2027, 1, 1)})) == ["duration_too_long"]
    assert codes(run(rule, **{**base, "full_time_weekly_hours": None})) == [
        "full_time_hours_missing"
    ]
    assert codes(run(rule, **{**base, "employer_kind": "company"})) == [
        "employer_kind_not_eligible"
    ]


# --- generic limits ---------------------------------------------------------------------------


def test_unemployment_is_counted_only_inside_the_window_and_once():
    periods = (
        (date(2024, 1, 1), date(2025, 6, 30)),  # partly before the 15-month window
        (date(2025, 6, 1), date(2025, 8, 31)),  # overlaps the first
        (date(2026, 1, 1), None),  # still unemployed
    )
    months = unemployed_months_in_window(periods, start=START, window_months=15)
    # window 1.12.2024–28.2.2026: 1.12.2024–31.8.2025 = 9 months, 1.1.–28.2.2026 = 2 months
    assert months == Decimal("11.00")


@pytest.mark.parametrize(
    ("hours", "eligible"), [("24.99", False), ("25", True), ("30", True), ("30.01", False)]
)
def test_working_hours_limits_are_inclusive(hours, eligible):
    rule = terms(min_weekly_hours=Decimal("25"), max_weekly_hours=Decimal("30"))
    assert run(rule, weekly_hours=Decimal(hours)).eligible is eligible


@pytest.mark.parametrize(
    ("end_date", "eligible"), [(date(2026, 8, 30), False), (date(2026, 8, 31), True)]
)
def test_minimum_duration_is_inclusive(end_date, eligible):
    assert run(terms(min_duration_months=6), end_date=end_date).eligible is eligible


def test_every_failed_rule_is_reported_at_once():
    rule = terms(min_age=18, max_age=29, min_weekly_hours=Decimal("30"), max_duration_months=3)
    evaluation = run(rule, birth_date=date(1990, 1, 1), weekly_hours=Decimal("20"))
    assert codes(evaluation) == ["age_above_maximum", "hours_below_minimum", "duration_too_long"]


def test_reasons_read_as_finnish_sentences():
    evaluation = run(terms(min_age=18), birth_date=date(2009, 1, 1))
    assert reason_message(evaluation.reasons[0]) == (
        "Työntekijä on työsuhteen alkaessa 17-vuotias; alaikäraja on 18 vuotta."
    )


# --- de minimis: EUR 300 000 over a rolling three years (Regulation (EU) 2023/2831) ---------

GRANT_DAY = date(2026, 6, 15)


def position(own=(), declared=(), requested="9000.00"):
    return de_minimis_position(
        ceiling=Decimal("300000.00"),
        period_years=3,
        grant_date=GRANT_DAY,
        own_aid=list(own),
        declared_aid=list(declared),
        requested=Decimal(requested),
    )


def test_de_minimis_exactly_at_the_ceiling_is_allowed_and_a_cent_more_is_not():
    at = position(
        own=[(date(2025, 1, 1), Decimal("200000.00"))],
        declared=[(date(2024, 1, 1), Decimal("91000.00"))],
    )
    assert at.total == Decimal("300000.00")
    assert not at.exceeds
    over = position(
        own=[(date(2025, 1, 1), Decimal("200000.00"))],
        declared=[(date(2024, 1, 1), Decimal("91000.01"))],
    )
    assert over.exceeds
    assert over.room == Decimal("8999.99")


def test_de_minimis_window_is_rolling_three_years_back_from_the_grant_date():
    exactly_three_years = position(declared=[(date(2023, 6, 15), Decimal("295000.00"))])
    assert exactly_three_years.declared_aid == 0
    assert not exactly_three_years.exceeds
    one_day_later = position(declared=[(date(2023, 6, 16), Decimal("295000.00"))])
    assert one_day_later.declared_aid == Decimal("295000.00")
    assert one_day_later.exceeds
    assert one_day_later.window_start == date(2023, 6, 16)


def test_de_minimis_ignores_aid_dated_after_the_grant():
    assert position(declared=[(date(2026, 6, 16), Decimal("295000.00"))]).declared_aid == 0


def test_claim_is_the_percentage_of_paid_costs_up_to_the_monthly_cap():
    rule = terms()
    assert claim_eligible_amount(
        rule, first_day=date(2026, 3, 1), last_day=date(2026, 5, 31), pay_costs=Decimal("9000")
    ) == Decimal("4500.00")
    assert claim_eligible_amount(
        rule, first_day=date(2026, 3, 1), last_day=date(2026, 3, 31), pay_costs=Decimal("4000")
    ) == Decimal("1500.00")
