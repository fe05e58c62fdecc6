"""Amounts in templates, in the active language: `{% load money %}`, then `{{ value|eur }}`
("1 234,50 €" / "€1,234.50") and `{{ value|hours }}` ("7,50"). Empty values show "–".
`{{ value|decimal_input }}` is the value of a hand-written money text box ("1 234,50", empty
when there is none), as `DecimalInput` shows it."""

from decimal import Decimal, InvalidOperation

from django import template

from kohtaanto.common.money import format_decimal, format_eur

register = template.Library()


def _number(value: object) -> Decimal | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


@register.filter
def eur(value: object) -> str:
    number = _number(value)
    return "–" if number is None else format_eur(number)


@register.filter
def hours(value: object) -> str:
    number = _number(value)
    return "–" if number is None else format_decimal(number, places=2)


@register.filter
def decimal_input(value: object) -> str:
    number = _number(value)
    return "" if number is None else format_decimal(number, places=2)
