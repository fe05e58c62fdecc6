"""The money and staff fields every finance model uses, and the money constants."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django_stubs_ext import StrPromise

ZERO = Decimal("0.00")
# Cached sums are compared within half a cent: SQLite does decimal arithmetic in floating point.
HALF_CENT = Decimal("0.005")


def _money(verbose_name: str | object, **kwargs: object) -> models.DecimalField:
    kwargs.setdefault("max_digits", 14)
    kwargs.setdefault("decimal_places", 2)
    return models.DecimalField(verbose_name, **kwargs)  # type: ignore[arg-type]


def _staff(
    verbose_name: str | StrPromise, *, optional: bool = True, related_name: str = "+"
) -> models.ForeignKey:
    """The member of staff who did something to the row; kept even when the account is
    closed (PROTECT), optional where the row may also come from the public form or a job."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=optional,
        blank=optional,
        related_name=related_name,
        verbose_name=verbose_name,
    )
