"""Fields that several of a person's records declare alike."""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


def _recipient_field(model: str, verbose_name: Any) -> Any:
    return models.ForeignKey(
        model,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=verbose_name,
    )


def partner_organisation_field() -> Any:
    """The partner organisation a person's data go to (a consent, a referral)."""
    return _recipient_field("accounts.PartnerOrganisation", _("kumppaniorganisaatio"))


def employer_field() -> Any:
    """The employer a person's data go to (a consent, a referral)."""
    return _recipient_field("employers.Company", _("työnantaja"))
