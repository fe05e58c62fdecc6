from decimal import Decimal

import pytest
from django import forms
from django.utils import translation

from kohtaanto.accounts.models import Municipality
from kohtaanto.common.forms import (
    BlankRowForm,
    hours_field,
    money_field,
    percent_field,
    set_choices,
)
from kohtaanto.common.money import CENT


class _Percent(forms.Form):
    share = percent_field("share", minimum=CENT)
    rate = percent_field("rate", required=False)
    hours = hours_field("hours", required=False, max_digits=6)


def test_percent_field_takes_a_decimal_comma_and_stays_within_0_100():
    form = _Percent({"share": "37,5", "rate": "100", "hours": "1 234,5"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {
        "share": Decimal("37.5"),
        "rate": Decimal("100"),
        "hours": Decimal("1234.5"),
    }
    assert 'inputmode="decimal"' in str(form["share"]) and 'type="number"' not in str(form["share"])


def test_percent_and_hours_fields_refuse_what_is_out_of_range():
    form = _Percent({"share": "0", "rate": "100,01", "hours": "10000"})
    assert not form.is_valid()
    assert set(form.errors) == {"share", "rate", "hours"}


class _Row(BlankRowForm):
    name = forms.CharField()
    count = forms.IntegerField()


def test_a_blank_row_is_skipped_and_a_half_filled_one_is_checked():
    assert _Row({}).is_valid()
    assert "required" not in str(_Row()["name"])
    half = _Row({"name": "hitsaaja"})
    assert not half.is_valid() and set(half.errors) == {"count"}


class _Choice(forms.Form):
    municipality = forms.ModelChoiceField(queryset=Municipality.objects.none())


def test_set_choices_limits_a_model_choice(db):
    kept = Municipality.objects.create(code="998", name_fi="Testilä")
    other = Municipality.objects.create(code="999", name_fi="Muualla")
    form = _Choice({"municipality": other.pk})
    set_choices(form, "municipality", Municipality.objects.filter(pk=kept.pk))
    assert not form.is_valid()
    form = _Choice({"municipality": kept.pk})
    set_choices(form, "municipality", Municipality.objects.filter(pk=kept.pk))
    assert form.is_valid()


class _Limits(forms.Form):
    amount = money_field("amount", minimum=CENT)
    hours = hours_field("hours", required=False, minimum=Decimal("0.5"))
    share = percent_field("share", required=False)


@pytest.mark.parametrize(
    ("language", "amount", "hours", "share"),
    [("fi", "0,01 €", "0,5", "100"), ("sv", "0,01 €", "0,5", "100"), ("en", "€0.01", "0.5", "100")],
)
def test_range_messages_write_the_limit_as_the_page_s_language_does(language, amount, hours, share):
    with translation.override(language):
        form = _Limits({"amount": "0", "hours": "0,25", "share": "100,5"})
        assert not form.is_valid()
        assert form.errors["amount"][0].endswith(f" {amount}.")
        assert form.errors["hours"][0].endswith(f" {hours}.")
        assert form.errors["share"][0].endswith(f" {share}.")
