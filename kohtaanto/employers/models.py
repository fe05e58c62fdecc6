"""Companies (yritysasiakkaat) of the employment area."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.models import TimeStampedModel


class SizeClass(models.TextChoices):
    """EU SME definition (Commission Recommendation 2003/361/EC, Annex Art. 2)."""

    MICRO = "micro", _("Mikroyritys")
    SMALL = "small", _("Pieni yritys")
    MEDIUM = "medium", _("Keskisuuri yritys")
    LARGE = "large", _("Suuri yritys")


class Company(TimeStampedModel):
    employment_area = models.ForeignKey(
        "accounts.EmploymentArea",
        on_delete=models.PROTECT,
        related_name="companies",
        verbose_name=_("työllisyysalue"),
    )
    business_id = models.CharField(_("Y-tunnus"), max_length=9)
    name = models.CharField(_("nimi"), max_length=300)
    industry_code = models.CharField(_("toimiala (TOL 2008)"), max_length=6, blank=True)
    size_class = models.CharField(
        _("kokoluokka"), max_length=10, choices=SizeClass.choices, blank=True
    )
    employees = models.PositiveIntegerField(_("henkilöstö"), null=True, blank=True)
    turnover_eur = models.DecimalField(
        _("liikevaihto (€)"), max_digits=15, decimal_places=2, null=True, blank=True
    )
    balance_sheet_eur = models.DecimalField(
        _("taseen loppusumma (€)"), max_digits=15, decimal_places=2, null=True, blank=True
    )
    municipality = models.ForeignKey(
        "accounts.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kunta"),
    )
    # Public administrations count for ESF+ EECO18, SMEs for EECO19.
    is_public_administration = models.BooleanField(_("julkishallinto"), default=False)

    class Meta:
        verbose_name = _("yritys")
        verbose_name_plural = _("yritykset")
        constraints = [
            models.UniqueConstraint(
                fields=["employment_area", "business_id"], name="company_business_id_unique_in_area"
            ),
        ]

    def __str__(self) -> str:
        return self.name
