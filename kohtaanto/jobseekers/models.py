"""Job seekers (henkilöasiakkaat) and their ESF+ participation.

Participation data are recorded as on the day of entry (Regulation (EU) 2021/1057 Annex I);
the special categories of GDPR Art. 9 (disability, minority) live in their own table with
stricter access.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.models import TimeStampedModel


class Gender(models.TextChoices):
    WOMAN = "woman", _("Nainen")
    MAN = "man", _("Mies")
    NON_BINARY = "non_binary", _("Muunsukupuolinen")


class Answer(models.TextChoices):
    """A sensitive entry item: the person may refuse, and refusal never blocks entry."""

    YES = "yes", _("Kyllä")
    NO = "no", _("Ei")
    REFUSED = "refused", _("Ei halua vastata")


class LabourMarketStatus(models.TextChoices):
    UNEMPLOYED = "unemployed", _("Työtön")
    INACTIVE = "inactive", _("Työvoiman ulkopuolella")
    EMPLOYED = "employed", _("Työssä")
    SELF_EMPLOYED = "self_employed", _("Yrittäjä")


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
        return f"{self.first_name} {self.last_name}"


class Participation(TimeStampedModel):
    """A person's participation in one ESF+ operation; the first entry's data are kept."""

    job_seeker = models.ForeignKey(
        JobSeeker, on_delete=models.CASCADE, related_name="participations"
    )
    operation = models.ForeignKey(
        "programme.Operation",
        on_delete=models.PROTECT,
        related_name="participations",
        verbose_name=_("hanke"),
    )
    entry_date = models.DateField(_("aloituspäivä"))
    gender = models.CharField(_("sukupuoli aloitettaessa"), max_length=12, choices=Gender.choices)
    birth_date = models.DateField(_("syntymäaika"))
    labour_market_status = models.CharField(
        _("työmarkkina-asema"), max_length=15, choices=LabourMarketStatus.choices
    )
    unemployed_since = models.DateField(_("työtön alkaen"), null=True, blank=True)
    isced_level = models.PositiveSmallIntegerField(_("koulutustaso (ISCED)"), null=True, blank=True)
    third_country_national = models.CharField(
        _("kolmannen maan kansalainen"), max_length=7, choices=Answer.choices, blank=True
    )
    foreign_background = models.CharField(
        _("ulkomaalaistaustainen"), max_length=7, choices=Answer.choices, blank=True
    )
    homeless = models.CharField(
        _("asunnoton tai asuntomarkkinoilta syrjäytynyt"),
        max_length=7,
        choices=Answer.choices,
        blank=True,
    )
    rural = models.CharField(
        _("maaseudulla asuva"), max_length=7, choices=Answer.choices, blank=True
    )
    exit_date = models.DateField(_("päättymispäivä"), null=True, blank=True)
    exit_job_searching = models.BooleanField(_("työnhaussa"), null=True, blank=True)
    exit_in_education = models.BooleanField(_("koulutuksessa"), null=True, blank=True)
    exit_qualification = models.BooleanField(
        _("sai tutkinnon tai pätevyyden"), null=True, blank=True
    )
    exit_employed = models.BooleanField(_("työssä"), null=True, blank=True)
    six_month_employed = models.BooleanField(_("työssä 6 kk kuluttua"), null=True, blank=True)
    six_month_improved = models.BooleanField(
        _("tilanne parantunut 6 kk kuluttua"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("osallistuminen")
        verbose_name_plural = _("osallistumiset")
        constraints = [
            models.UniqueConstraint(
                fields=["job_seeker", "operation"], name="participation_once_per_operation"
            ),
            models.CheckConstraint(
                condition=models.Q(exit_date__isnull=True)
                | models.Q(exit_date__gte=models.F("entry_date")),
                name="participation_exit_after_entry",
            ),
            models.CheckConstraint(
                condition=models.Q(isced_level__isnull=True) | models.Q(isced_level__lte=8),
                name="participation_isced_0_8",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.job_seeker} – {self.operation}"


class ParticipationSpecialCategory(models.Model):
    """GDPR Art. 9 entry items, kept apart: only roles with a need may read them."""

    participation = models.OneToOneField(
        Participation, on_delete=models.CASCADE, related_name="special_category"
    )
    disability = models.CharField(
        _("vamma tai pitkäaikaissairaus"), max_length=7, choices=Answer.choices, blank=True
    )
    minority = models.CharField(
        _("vähemmistöön kuuluva"), max_length=7, choices=Answer.choices, blank=True
    )

    class Meta:
        verbose_name = _("erityinen henkilötieto")
        verbose_name_plural = _("erityiset henkilötiedot")

    def __str__(self) -> str:
        return f"#{self.participation_id}"
