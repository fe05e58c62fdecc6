"""What the training services share: the actor's area and permission, text fields, euro
amounts and days as they are written in messages."""

from datetime import date
from decimal import Decimal

from kohtaanto.common.errors import DomainError
from kohtaanto.common.money import parse_money

ZERO = Decimal("0.00")
# What services accept as an amount: a Decimal, an int or the text a user typed.
AmountInput = Decimal | int | str


def amount_parse(value: object, *, label: str, field: str) -> Decimal:
    """A positive euro amount (common.money rules); the refusal names the field."""
    try:
        return parse_money(value, field=field, allow_zero=False)
    except DomainError as exc:
        raise DomainError(f"{label}: {exc.message}", field=field) from exc


def optional_amount_parse(value: object, *, label: str, field: str) -> Decimal | None:
    """`amount_parse` for an amount that may be left out (None or empty text)."""
    return None if value in (None, "") else amount_parse(value, label=label, field=field)


def day_text(value: date) -> str:
    return value.strftime("%d.%m.%Y")
