"""The job seeker (henkilöasiakas): identity, home municipality, counsellors."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.models import TimeStampedModel


class Gender(models.TextChoices):
    WOMAN = "woman", _("Nainen")
    MAN = "man", _("Mies")
    NON_BINARY = "non_binary", _("Muunsukupuolinen")


class JobSeeker(TimeStampedModel):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Aktiivinen")
        INACTIVE = "inactive", _("Ei aktiivinen")
        CLOSED = "closed", _("Päättynyt")

    employment_area = models.ForeignKey(
        "accounts.EmploymentArea",
        on_delete=models.PROTECT,
        related_name="job_seekers",
        verbose_name=_("työllisyysalue"),
    )
    external_id = models.CharField(_("ulkoinen tunniste"), max_length=100, blank=True)
    first_name = models.CharField(_("etunimi"), max_length=100)
    last_name = models.CharField(_("sukunimi"), max_length=100)
    email = models.EmailField(_("sähköposti"), blank=True)
    phone = models.CharField(_("puhelin"), max_length=40, blank=True)
    municipality = models.ForeignKey(
        "accounts.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kotikunta"),
    )
    # The full code, century sign included, encrypted at rest; the digest finds duplicates.
    identity_code_encrypted = models.TextField(blank=True, editable=False)
    identity_code_digest = models.CharField(
        max_length=64, blank=True, editable=False, db_index=True
    )
    birth_date = models.DateField(_("syntymäaika"), null=True, blank=True)
    gender = models.CharField(_("sukupuoli"), max_length=12, choices=Gender.choices, blank=True)
    preferred_language = models.CharField(
        _("asiointikieli"),
        max_length=2,
        default="fi",
        choices=[("fi", "suomi"), ("sv", "svenska"), ("en", "English")],
    )
    status = models.CharField(
        _("tila"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    counsellors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="job_seekers",
        verbose_name=_("vastuuohjaajat"),
    )
    pseudonymised_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("työnhakija")
        verbose_name_plural = _("työnhakijat")
        # The register's default order within an area (selectors.job_seeker_list): an index
        # lets a page be read in order instead of sorting the whole area on every request.
        indexes = [
            models.Index(
                fields=["employment_area", "last_name", "first_name", "id"],
                name="job_seeker_area_name_idx",
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["employment_area", "external_id"],
                condition=~models.Q(external_id=""),
                name="job_seeker_external_id_unique",
            ),
            models.UniqueConstraint(
                fields=["employment_area", "identity_code_digest"],
                condition=~models.Q(identity_code_digest=""),
                name="job_seeker_identity_code_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.pseudonymised_at:
            return _("Pseudonymisoitu henkilö #%(id)s") % {"id": self.pk}
        return f"{self.first_name} {self.last_name}"

    @property
    def has_identity_code(self) -> bool:
        return bool(self.identity_code_digest)
