"""Companies (yritysasiakkaat) of the employment area, their programme roles and contacts,
and the advisor's work with them: the activation log and follow-up tasks."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.models import TimeStampedModel


class SizeClass(models.TextChoices):
    """EU SME definition (Commission Recommendation 2003/361/EC, Annex Art. 2)."""

    MICRO = "micro", _("Mikroyritys")
    SMALL = "small", _("Pieni yritys")
    MEDIUM = "medium", _("Keskisuuri yritys")
    LARGE = "large", _("Suuri yritys")


class Language(models.TextChoices):
    FI = "fi", "suomi"
    SV = "sv", "svenska"
    EN = "en", "English"


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
    responsible_advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="advised_companies",
        verbose_name=_("vastuuhenkilö"),
    )

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


class ProgrammeRole(models.TextChoices):
    DEVELOPMENT_PARTNER = "development_partner", _("Kehittämiskumppani")
    PILOT_COMPANY = "pilot_company", _("Pilottiyritys")
    EQUIPMENT_SUPPLIER = "equipment_supplier", _("Laitetoimittaja")
    EXPERT_SERVICE_PROVIDER = "expert_service_provider", _("Asiantuntijapalvelujen tuottaja")


class CompanyProgrammeRole(models.Model):
    """A company's part in the programme; a company may have several."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="programme_roles")
    role = models.CharField(_("rooli hankkeessa"), max_length=30, choices=ProgrammeRole.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("rooli hankkeessa")
        verbose_name_plural = _("roolit hankkeessa")
        constraints = [
            models.UniqueConstraint(
                fields=["company", "role"], name="company_programme_role_unique"
            )
        ]

    def __str__(self) -> str:
        return self.get_role_display()


class CompanyContact(TimeStampedModel):
    """A person at the company. Their own consents decide who may contact them."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="contacts")
    first_name = models.CharField(_("etunimi"), max_length=100)
    last_name = models.CharField(_("sukunimi"), max_length=100)
    job_title = models.CharField(_("tehtävänimike"), max_length=200, blank=True)
    email = models.EmailField(_("sähköposti"), blank=True)
    phone = models.CharField(_("puhelin"), max_length=40, blank=True)
    preferred_language = models.CharField(
        _("asiointikieli"), max_length=2, choices=Language.choices, default=Language.FI
    )
    consent_to_contact = models.BooleanField(_("suostumus yhteydenottoihin"), default=False)
    consent_to_contact_at = models.DateTimeField(null=True, blank=True, editable=False)
    share_with_partners = models.BooleanField(
        _("yhteystiedot saa antaa hankekumppaneille"), default=False
    )
    share_with_partners_at = models.DateTimeField(null=True, blank=True, editable=False)
    is_active = models.BooleanField(_("aktiivinen"), default=True)

    class Meta:
        verbose_name = _("yhteyshenkilö")
        verbose_name_plural = _("yhteyshenkilöt")
        ordering = ["last_name", "first_name", "id"]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"


class ActivityKind(models.TextChoices):
    VISIT = "visit", _("Yrityskäynti")
    MEETING = "meeting", _("Tapaaminen")
    CALL = "call", _("Puhelu")
    EVENT = "event", _("Tapahtuma")


class Activity(TimeStampedModel):
    """One entry of the activation log: a visit, meeting, call or event with the company."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="activities")
    kind = models.CharField(_("laji"), max_length=10, choices=ActivityKind.choices)
    occurred_at = models.DateTimeField(_("ajankohta"))
    subject = models.CharField(_("aihe"), max_length=200)
    notes = models.TextField(_("muistiinpanot"), blank=True)
    agreed = models.TextField(_("mitä sovittiin"), blank=True)
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("osallistujat")
    )
    contacts = models.ManyToManyField(
        CompanyContact,
        blank=True,
        related_name="activities",
        verbose_name=_("yrityksen osallistujat"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("yhteydenotto")
        verbose_name_plural = _("yhteydenotot")
        ordering = ["-occurred_at", "-id"]

    def __str__(self) -> str:
        return self.subject


class FollowUpTask(TimeStampedModel):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="tasks")
    activity = models.ForeignKey(
        Activity, on_delete=models.SET_NULL, null=True, blank=True, related_name="tasks"
    )
    title = models.CharField(_("tehtävä"), max_length=200)
    due_date = models.DateField(_("määräpäivä"))
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="company_tasks",
        verbose_name=_("vastuuhenkilö"),
    )
    done_at = models.DateTimeField(_("tehty"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("jatkotoimenpide")
        verbose_name_plural = _("jatkotoimenpiteet")
        ordering = ["due_date", "id"]
        indexes = [models.Index(fields=["assignee", "done_at", "due_date"])]

    def __str__(self) -> str:
        return self.title
