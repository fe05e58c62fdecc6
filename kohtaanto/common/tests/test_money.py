from decimal import Decimal

import pytest
from django import forms
from django.template import Context, Template
from django.utils import translation

from kohtaanto.common.errors import DomainError
from kohtaanto.common.forms import DecimalTextField, money_field, show_refusal
from kohtaanto.common.money import format_decimal, format_eur, parse_decimal, parse_money


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1 200 000,50", Decimal("1200000.50")),
        ("1\u00a0200\u00a0000,50", Decimal("1200000.50")),
        ("1\u202f200,5", Decimal("1200.50")),
        ("1200000.50", Decimal("1200000.50")),
        ("1200000,50", Decimal("1200000.50")),
        ("3 000 €", Decimal("3000.00")),
        ("€3000", Decimal("3000.00")),
        ("  42 ", Decimal("42.00")),
        (",5", Decimal("0.50")),
        ("1 234,500", Decimal("1234.50")),
        (1500, Decimal("1500.00")),
        (Decimal("12.3"), Decimal("12.30")),
    ],
)
def test_parse_money_accepts_what_a_finnish_user_types(typed, expected):
    assert parse_money(typed) == expected


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("1.200,50", "moniselitteinen"),
        ("1,200.50", "moniselitteinen"),
        ("1.200", "moniselitteinen"),
        ("1,200", "moniselitteinen"),
        ("1.200.000", "ei ole luku"),
        ("1 20 000", "ei ole luku"),
        ("1e6", "ei ole luku"),
        ("NaN", "ei ole luku"),
        ("١٢٣", "ei ole luku"),  # Arabic-Indic digits
        ("12,345", "moniselitteinen"),
        ("12,3456", "Enintään 2 desimaalia"),
        ("", "ei ole luku"),
        ("€", "ei ole luku"),
        (1.5, "tekstinä"),
        ("-5", "negatiivinen"),
        ("1 000 000 000 000", "liian suuri"),
    ],
)
def test_parse_money_refuses_ambiguous_and_malformed_input_with_the_reason(typed, reason):
    with pytest.raises(DomainError, match=reason) as caught:
        parse_money(typed, field="turnover_eur")
    assert caught.value.field == "turnover_eur"


def test_parse_money_allows_sign_and_refuses_zero_only_when_asked():
    assert parse_money("-12,50", allow_negative=True) == Decimal("-12.50")
    assert parse_money("−12,50", allow_negative=True) == Decimal("-12.50")  # U+2212 minus
    with pytest.raises(DomainError, match="suurempi kuin nolla"):
        parse_money("0,00", allow_zero=False)


def test_parse_decimal_keeps_more_places_when_allowed():
    assert parse_decimal("7,125", places=3) == Decimal("7.125")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("fi", "1 234,50 €"), ("sv", "1 234,50 €"), ("en", "€1,234.50")],
)
def test_format_eur_writes_each_language_its_own_way(lang, expected):
    assert format_eur(Decimal("1234.5"), lang=lang) == expected


def test_format_eur_rounds_half_up_and_signs_negative_amounts():
    assert format_eur(Decimal("-0.005"), lang="fi") == "-0,01 €"
    assert format_eur(Decimal("-218400"), lang="en") == "-€218,400.00"
    assert format_decimal(Decimal("7.5"), lang="fi") == "7,50"


def test_eur_and_hours_filters_follow_the_active_language():
    template = Template("{% load money %}{{ amount|eur }}|{{ hours|hours }}|{{ none|eur }}")
    context = Context({"amount": Decimal("218400"), "hours": Decimal("7.5"), "none": None})
    with translation.override("fi"):
        assert template.render(context) == "218 400,00 €|7,50|–"
    with translation.override("en"):
        assert template.render(context) == "€218,400.00|7.50|–"


class _TurnoverForm(forms.Form):
    turnover = money_field("Liikevaihto", required=False)
    hours = DecimalTextField(label="Tunnit", max_digits=5, decimal_places=2, required=False)


def test_money_field_is_a_decimal_text_input_never_a_number_input():
    html = str(_TurnoverForm()["turnover"])
    assert 'type="text"' in html and 'inputmode="decimal"' in html
    assert "step=" not in html and 'type="number"' not in html


def test_money_field_reads_the_decimal_comma_and_refuses_ambiguity():
    form = _TurnoverForm(data={"turnover": "1200000,50", "hours": "7,5"})
    assert form.is_valid()
    assert form.cleaned_data == {"turnover": Decimal("1200000.50"), "hours": Decimal("7.50")}
    form = _TurnoverForm(data={"turnover": "1.200,50"})
    assert not form.is_valid()
    assert "moniselitteinen" in form.errors["turnover"][0]


def test_decimal_input_shows_the_value_in_the_page_language():
    with translation.override("fi"):
        html = str(_TurnoverForm(initial={"turnover": Decimal("1234.5")})["turnover"])
    assert 'value="1 234,50"' in html


def test_show_refusal_puts_the_message_next_to_the_named_field_or_above_the_form():
    form = _TurnoverForm(data={"turnover": "5"})
    assert form.is_valid()
    show_refusal(form, DomainError("Liian suuri", field="turnover"))
    show_refusal(form, DomainError("Ei sallittu", field="unknown"))
    assert form.errors["turnover"] == ["Liian suuri"]
    assert form.non_field_errors() == ["Ei sallittu"]
