"""What the programme's models share: the zero amount and two field groups that several
models repeat in the same shape (abstract: each model keeps its own table and columns)."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

ZERO = Decimal("0")


class CreatedRecord(models.Model):
    """Who entered the row and when (the audit event holds the rest)."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class DateSpan(models.Model):
    """A validity from `start_date` to `end_date`, both days included."""

    start_date = models.DateField(_("alkaa"))
    end_date = models.DateField(_("päättyy"))

    class Meta:
        abstract = True
