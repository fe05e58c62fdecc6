"""Display of euro amounts in templates: `{{ value|eur }}` → "1 234,56 €" (active language)."""

from decimal import Decimal

from django import template

from kohtaanto.finance.money import format_eur

register = template.Library()


@register.filter
def eur(value: Decimal | int | str | None) -> str:
    if value in (None, ""):
        return "–"
    return format_eur(Decimal(value))  # type: ignore[arg-type]
