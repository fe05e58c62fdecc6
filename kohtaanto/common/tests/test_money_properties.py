"""Property tests for the money parser (Hypothesis): what we write out we read back, and no
input makes it fail in any way other than a clear refusal."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kohtaanto.common.errors import DomainError
from kohtaanto.common.money import MAX_AMOUNT, format_decimal, format_eur, parse_money

amounts = st.decimals(
    min_value=-MAX_AMOUNT, max_value=MAX_AMOUNT, places=2, allow_nan=False, allow_infinity=False
)


@settings(max_examples=300, deadline=None)
@given(amount=amounts, lang=st.sampled_from(["fi", "sv"]))
def test_finnish_and_swedish_formats_read_back_to_the_same_amount(amount, lang):
    assert parse_money(format_eur(amount, lang=lang), allow_negative=True) == amount
    assert parse_money(format_decimal(amount, lang=lang), allow_negative=True) == amount


@settings(max_examples=300, deadline=None)
@given(amount=amounts)
def test_plain_decimal_notation_reads_back(amount):
    assert parse_money(f"{amount:f}", allow_negative=True) == amount
    assert parse_money(f"{amount:f}".replace(".", ","), allow_negative=True) == amount


@settings(max_examples=500, deadline=None)
@given(text=st.text(max_size=40))
def test_any_text_is_an_amount_in_cents_or_a_clear_refusal(text):
    try:
        amount = parse_money(text, allow_negative=True)
    except DomainError as exc:
        assert exc.message
    else:
        assert amount == amount.quantize(Decimal("0.01"))
        assert abs(amount) <= MAX_AMOUNT


non_ascii_digits = st.characters(categories=["Nd"]).filter(lambda c: not "0" <= c <= "9")


@settings(max_examples=200, deadline=None)
@given(digits=st.lists(non_ascii_digits, min_size=1, max_size=6))
def test_digits_of_other_scripts_are_refused(digits):
    with pytest.raises(DomainError):
        parse_money("".join(digits))


@settings(max_examples=200, deadline=None)
@given(mantissa=st.integers(1, 999), exponent=st.integers(-5, 12), e=st.sampled_from("eE"))
def test_exponent_notation_is_refused(mantissa, exponent, e):
    with pytest.raises(DomainError):
        parse_money(f"{mantissa}{e}{exponent}")
