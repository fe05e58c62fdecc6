"""Industry 4.0 readiness assessments of a company, one score per dimension."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.models import TimeStampedModel
from kohtaanto.employers.models.companies import Company

READINESS_DIMENSIONS = (
    "strategy",
    "smart_factory",
    "smart_operations",
    "smart_products",
    "data_driven_services",
    "employees",
)


class ReadinessAssessment(TimeStampedModel):
    """Industry 4.0 readiness self-assessment, six dimensions scored 0–5 (see readiness.py)."""

    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="readiness_assessments"
    )
    assessed_on = models.DateField(_("arviointipäivä"))
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    strategy = models.PositiveSmallIntegerField(_("strategia ja organisaatio"))
    smart_factory = models.PositiveSmallIntegerField(_("älykäs tehdas"))
    smart_operations = models.PositiveSmallIntegerField(_("älykkäät toiminnot"))
    smart_products = models.PositiveSmallIntegerField(_("älykkäät tuotteet"))
    data_driven_services = models.PositiveSmallIntegerField(_("datalähtöiset palvelut"))
    employees = models.PositiveSmallIntegerField(_("henkilöstön osaaminen"))
    notes = models.TextField(_("huomiot"), blank=True)

    class Meta:
        verbose_name = _("Teollisuus 4.0 -valmiusarvio")
        verbose_name_plural = _("Teollisuus 4.0 -valmiusarviot")
        ordering = ["-assessed_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"{name}__lte": 5 for name in READINESS_DIMENSIONS}),
                name="readiness_scores_at_most_5",
            )
        ]

    def __str__(self) -> str:
        return f"{self.company} {self.assessed_on}"

    def scores(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in READINESS_DIMENSIONS}
