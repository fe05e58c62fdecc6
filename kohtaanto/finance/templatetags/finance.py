"""Display in finance templates: `{{ value|eur }}` is common.money's filter (re-exported so that
`{% load finance %}` keeps working), `{{ value|decimal }}` → "5,9" or "50" (no trailing zeros),
`{{ rule|conditions }}` → a rule's conditions in words."""

from decimal import Decimal

from django import template
from django.utils import formats

from kohtaanto.common.templatetags import money as money_tags
from kohtaanto.finance.eligibility import describe_conditions

register = template.Library()


register.filter("eur", money_tags.eur)


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
