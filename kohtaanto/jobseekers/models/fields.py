"""Fields that several of a person's records declare alike."""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


def partner_organisation_field() -> Any:
    """The partner organisation a person's data go to (a consent, a referral)."""
    return models.ForeignKey(
        "accounts.PartnerOrganisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kumppaniorganisaatio"),
    )


def employer_field() -> Any:
    """The employer a person's data go to (a consent, a referral)."""
    return models.ForeignKey(
        "employers.Company",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("työnantaja"),
    )
