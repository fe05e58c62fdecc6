"""Counts and look-ups on the programme pages (money and hours: `{% load money %}`)."""

from django import template

register = template.Library()


@register.filter
def count(value: int | None) -> str:
    return "–" if value is None else str(value)


@register.filter
def get(mapping: dict, key: str) -> object:
    return mapping.get(key, "")
