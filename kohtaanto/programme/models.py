"""The ESF+ / ERDF programme and its operations (projects)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Operation(models.Model):
    """One funded project (toimi), e.g. the employment area's ESF+ Industry 4.0 project.

    ESF+ participation (jobseekers) and the common indicators belong to an operation.
    """

    class Fund(models.TextChoices):
        ESF_PLUS = "esf_plus", _("ESR+")
        ERDF = "erdf", _("EAKR")

    employment_area = models.ForeignKey(
        "accounts.EmploymentArea",
        on_delete=models.PROTECT,
        related_name="operations",
        verbose_name=_("työllisyysalue"),
    )
    code = models.SlugField(_("tunnus"), max_length=60, unique=True)
    name = models.CharField(_("nimi"), max_length=300)
    fund = models.CharField(
        _("rahasto"), max_length=10, choices=Fund.choices, default=Fund.ESF_PLUS
    )
    start_date = models.DateField(_("alkaa"))
    end_date = models.DateField(_("päättyy"))
    is_default = models.BooleanField(_("oletushanke"), default=False)

    class Meta:
        verbose_name = _("hanke")
        verbose_name_plural = _("hankkeet")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="operation_period_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name
