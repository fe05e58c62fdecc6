"""Consents: what the person agreed to, when and for whom, and their withdrawal."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.models import TimeStampedModel, recorded_by_field
from kohtaanto.jobseekers.models.fields import employer_field, partner_organisation_field
from kohtaanto.jobseekers.models.job_seeker import JobSeeker


class ConsentPurpose(models.TextChoices):
    PROCESSING = "processing", _("Tietojen käsittely hankkeessa")
    SHARE_WITH_PARTNER = "share_partner", _("Tietojen luovutus kumppaniorganisaatiolle")
    SEND_TO_EMPLOYER = "send_employer", _("Profiilin lähettäminen työnantajalle")


class Consent(TimeStampedModel):
    """What the person agreed to, when, recorded by whom, and its withdrawal.

    A consent is valid on a day when it was given on or before it, has not expired and was
    not withdrawn on or before it (see selectors.consent_is_valid). Sharing with a partner
    names the partner organisation; sending the profile names the company.
    """

    job_seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("tarkoitus"), max_length=20, choices=ConsentPurpose.choices)
    partner_organisation = partner_organisation_field()
    company = employer_field()
    given_on = models.DateField(_("annettu"))
    expires_on = models.DateField(_("voimassa asti"), null=True, blank=True)
    note = models.TextField(_("lisätieto"), blank=True)
    recorded_by = recorded_by_field()
    withdrawn_on = models.DateField(_("peruttu"), null=True, blank=True)
    withdrawn_by = recorded_by_field(_("perumisen kirjaaja"))

    class Meta:
        verbose_name = _("suostumus")
        verbose_name_plural = _("suostumukset")
        ordering = ["-given_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(
                        purpose="processing",
                        partner_organisation__isnull=True,
                        company__isnull=True,
                    )
                    | models.Q(
                        purpose="share_partner",
                        partner_organisation__isnull=False,
                        company__isnull=True,
                    )
                    | models.Q(
                        purpose="send_employer",
                        partner_organisation__isnull=True,
                        company__isnull=False,
                    )
                ),
                name="consent_names_its_recipient",
            ),
            models.CheckConstraint(
                condition=models.Q(expires_on__isnull=True)
                | models.Q(expires_on__gte=models.F("given_on")),
                name="consent_expires_after_given",
            ),
            models.CheckConstraint(
                condition=models.Q(withdrawn_on__isnull=True)
                | models.Q(withdrawn_on__gte=models.F("given_on")),
                name="consent_withdrawn_after_given",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} {self.given_on}"

    @property
    def recipient(self) -> object | None:
        return self.partner_organisation or self.company
