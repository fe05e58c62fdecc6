"""Euro amounts: strict parsing of user and API input, and display in the user's language."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils import formats
from django.utils.translation import gettext as _

from kohtaanto.common.errors import DomainError

CENT = Decimal("0.01")
# What services accept as an amount; parse_amount refuses floats with a clear message.
AmountInput = Decimal | str | int | float
# The ledger's columns hold 14 digits with 2 decimals.
MAX_AMOUNT = Decimal("999999999999.99")


def parse_amount(
    value: object, *, field: str = "amount", allow_zero: bool = False, allow_negative: bool = False
) -> Decimal:
    """A euro amount from a Decimal, an int or a decimal string such as "300.00" or "300,00".

    Refuses (DomainError, naming the field) anything else: text, NaN, infinities, exponents
    beyond the ledger's range, more than two decimals, zero or negative unless allowed.
    Floats are refused because they cannot carry cents exactly.
    """
    if isinstance(value, bool | float):
        raise DomainError(
            _('%(field)s: anna summa desimaalilukuna merkkijonona, esim. "300.00".')
            % {"field": field}
        )
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, str):
        text = value.strip().replace("\xa0", "").replace(" ", "").replace(",", ".")
        try:
            amount = Decimal(text)
        except InvalidOperation:
            amount = Decimal("NaN")
    else:
        amount = Decimal("NaN")
    if not amount.is_finite():
        raise DomainError(
            _('%(field)s: "%(value)s" ei ole euromäärä.') % {"field": field, "value": value}
        )
    if amount.copy_abs() > MAX_AMOUNT:
        raise DomainError(_("%(field)s: summa on liian suuri.") % {"field": field})
    if amount != amount.quantize(CENT, rounding=ROUND_HALF_UP):
        raise DomainError(_("%(field)s: enintään kaksi desimaalia.") % {"field": field})
    amount = amount.quantize(CENT)
    if amount < 0 and not allow_negative:
        raise DomainError(_("%(field)s: summa ei voi olla negatiivinen.") % {"field": field})
    if amount == 0 and not allow_zero:
        raise DomainError(_("%(field)s: summan on oltava suurempi kuin nolla.") % {"field": field})
    return amount


def cents(value: Decimal) -> Decimal:
    """Round to whole cents, half up (the usual rounding of euro amounts)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def format_eur(value: Decimal) -> str:
    """`1 234,56 €` in Finnish, `1,234.56 €` in English – the active language's format.

    Plain spaces (not the locale's no-break space) so that messages read the same in JSON,
    logs and pages.
    """
    number = formats.number_format(cents(value), decimal_pos=2, use_l10n=True, force_grouping=True)
    return f"{number} €".replace("\xa0", " ")
