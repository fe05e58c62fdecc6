"""Presentation of money, hours and counts on the programme pages."""

from decimal import Decimal

from django import template

from kohtaanto.programme.exports import format_eur, format_hours

register = template.Library()


@register.filter
def eur(value: Decimal | str | None) -> str:
    return "–" if value is None or value == "" else format_eur(value)


@register.filter
def hours(value: Decimal | str | None) -> str:
    return "–" if value is None or value == "" else format_hours(value)


@register.filter
def count(value: int | None) -> str:
    return "–" if value is None else str(value)


@register.filter
def get(mapping: dict, key: str) -> object:
    return mapping.get(key, "")
