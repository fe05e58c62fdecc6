"""Euro amounts and other decimals: what a Finnish user types in, and how each language writes
them out.

Accepted (`parse_decimal`, `parse_money`): ASCII digits with an optional sign, at most one
decimal separator – comma or point – and groups of three digits separated by spaces (plain,
no-break or narrow no-break), with an optional euro sign before or after:
"1 200 000,50", "1200000.50", "3 000 €", "-12,5".

Refused, with a message saying why: anything else (letters, exponents such as "1e6", other
scripts' digits, "NaN"), more decimals than allowed, and forms whose meaning depends on the
writer's habits. A number with both a comma and a point ("1.200,50", "1,200.50") is refused, and
so is one separator followed by exactly three digits ("1.200", "1,200"): a Finn means 1,2 and an
English speaker 1 200, so the user is asked to write "1 200" or "1,2". Points used as
thousands separators ("1.200.000") are refused for the same reason.

Formatting (`format_eur`, `format_decimal`) follows the locale conventions of the project:
Finnish and Swedish "1 234,50 €", English "€1,234.50". Plain spaces, not no-break spaces, so
that a message reads the same in a page, a JSON answer and a log.
"""

import re
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kohtaanto.common.errors import DomainError

CENT = Decimal("0.01")
# Database money columns hold 14 digits with 2 decimals.
MAX_AMOUNT = Decimal("999999999999.99")

_SPACES = "\u0020\u00a0\u202f\u2009"
_EURO = re.compile(r"^(?:€\s*)?(.*?)(?:\s*€)?$", re.DOTALL)
_NUMBER = re.compile(
    r"^(?P<sign>[-\u2212+]?)\s*"
    r"(?P<int>[0-9]{1,3}(?:[" + _SPACES + r"][0-9]{3})+|[0-9]+)?"
    r"(?:(?P<sep>[.,])(?P<frac>[0-9]+))?$"
)


def parse_decimal(value: object, *, places: int = 2, field: str | None = None) -> Decimal:
    """A decimal number from what a user typed (see the module docstring), or an int/Decimal.

    Raises DomainError (with `field` set) naming the problem; floats are refused because
    they cannot carry cents exactly. The result has at most `places` decimals, as typed.
    """
    if isinstance(value, bool | float):
        raise DomainError(_('Anna luku tekstinä, esim. "1 234,50".'), field=field)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise DomainError(_('"%(value)s" ei ole luku.') % {"value": value}, field=field)
        return _check_places(value, places, field)
    if not isinstance(value, str):
        raise DomainError(_('"%(value)s" ei ole luku.') % {"value": value}, field=field)
    text = value.strip()
    euro = _EURO.match(text)
    body = euro.group(1) if euro else text
    match = _NUMBER.match(body)
    if not body or match is None or not (match["int"] or match["frac"]):
        if "," in body and "." in body:
            raise DomainError(
                _(
                    '"%(value)s" on moniselitteinen: käytä vain yhtä desimaalimerkkiä ja '
                    'erottele tuhannet välilyönnillä, esim. "1 200,50".'
                )
                % {"value": value},
                field=field,
            )
        raise DomainError(
            _('"%(value)s" ei ole luku; kirjoita esim. "1 234,50".') % {"value": value},
            field=field,
        )
    whole = re.sub(f"[{_SPACES}]", "", match["int"] or "0")
    frac = match["frac"] or ""
    grouped = any(c in (match["int"] or "") for c in _SPACES)
    if match["sep"] and len(frac) == 3 and places < 3 and not grouped:
        raise DomainError(
            _(
                '"%(value)s" on moniselitteinen: kirjoita tuhannet välilyönnillä '
                '("1 200") tai enintään kaksi desimaalia ("1,20").'
            )
            % {"value": value},
            field=field,
        )
    number = Decimal(f"{whole}.{frac}" if frac else whole)
    if match["sign"] in ("-", "\u2212"):
        number = -number
    return _check_places(number, places, field)


def _check_places(number: Decimal, places: int, field: str | None) -> Decimal:
    """Refuses more than `places` significant decimals; trailing zeros ("5,500") are dropped."""
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > places:
        shorter = number.quantize(Decimal(1).scaleb(-places))
        if shorter != number:
            raise DomainError(
                _("Enintään %(places)s desimaalia.") % {"places": places}, field=field
            )
        return shorter
    return number


def parse_money(
    value: object,
    *,
    field: str | None = None,
    allow_zero: bool = True,
    allow_negative: bool = False,
) -> Decimal:
    """A euro amount in whole cents (two decimals) from what a user or an API client sent.

    On top of `parse_decimal`'s rules: at most two decimals, within the database columns'
    range (MAX_AMOUNT), not negative and not zero unless allowed.
    """
    amount = parse_decimal(value, places=2, field=field)
    if amount.copy_abs() > MAX_AMOUNT:
        raise DomainError(_("Summa on liian suuri."), field=field)
    if amount < 0 and not allow_negative:
        raise DomainError(_("Summa ei voi olla negatiivinen."), field=field)
    if amount == 0 and not allow_zero:
        raise DomainError(_("Summan on oltava suurempi kuin nolla."), field=field)
    return amount.quantize(CENT)


def cents(value: Decimal) -> Decimal:
    """Round to whole cents, half up (the usual rounding of euro amounts)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _lang(lang: str | None) -> str:
    code = (lang or get_language() or "fi")[:2]
    return code if code in ("fi", "sv", "en") else "fi"


def format_decimal(value: Decimal | int | str, *, places: int = 2, lang: str | None = None) -> str:
    """`1 234,50` in Finnish and Swedish, `1,234.50` in English; rounded half up to `places`."""
    number = Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    sign = "-" if number < 0 else ""
    whole, _dot, frac = f"{abs(number):f}".partition(".")
    group, point = (",", ".") if _lang(lang) == "en" else (" ", ",")
    grouped = f"{int(whole):,}".replace(",", group)
    return f"{sign}{grouped}{point}{frac}" if frac else f"{sign}{grouped}"


def format_eur(value: Decimal | int | str, *, lang: str | None = None) -> str:
    """A euro amount with cents: fi/sv `1 234,50 €`, en `€1,234.50` (negative: `-€5.00`)."""
    number = cents(Decimal(value))
    text = format_decimal(number.copy_abs(), places=2, lang=lang)
    sign = "-" if number < 0 else ""
    if _lang(lang) == "en":
        return f"{sign}€{text}"
    return f"{sign}{text} €"


def api_amount(value: Decimal) -> str:
    """An amount as the JSON API writes it: a decimal string with cents ("10000.00")."""
    return f"{value:.2f}"
