"""Display of amounts in templates, in the active language: `{{ value|eur }}` → "1 234,56 €",
`{{ value|decimal }}` → "5,9" or "50" (no trailing zeros)."""

from decimal import Decimal

from django import template
from django.utils import formats

from kohtaanto.finance.eligibility import describe_conditions
from kohtaanto.finance.money import format_eur

register = template.Library()


@register.filter
def eur(value: Decimal | int | str | None) -> str:
    if value in (None, ""):
        return "–"
    return format_eur(Decimal(value))  # type: ignore[arg-type]


@register.filter
def decimal(value: Decimal | int | str | None) -> str:
    if value in (None, ""):
        return "–"
    number = Decimal(value)  # type: ignore[arg-type]
    whole = number == number.to_integral()
    return formats.number_format(number.quantize(Decimal(1)) if whole else number.normalize())


@register.filter
def conditions(rule: object) -> list[str]:
    """A scheme rule's conditions in words (see `describe_conditions`)."""
    return describe_conditions(rule)
