"""The implementers' shared activity log with its participants and attachments."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.formats import format_date
from kohtaanto.common.models import TimeStampedModel
from kohtaanto.programme.models.operations import Operation


class ActivityEntry(TimeStampedModel):
    """A shared activity of the implementers: a joint meeting or event, a company visit made
    together, a training session or a referral between partners."""

    class Kind(models.TextChoices):
        MEETING = "meeting", _("Yhteinen kokous")
        EVENT = "event", _("Tapahtuma")
        COMPANY_VISIT = "company_visit", _("Yhteinen yrityskäynti")
        TRAINING = "training", _("Koulutustilaisuus")
        REFERRAL = "referral", _("Ohjaus kumppanille")

    employment_area = models.ForeignKey(
        "accounts.EmploymentArea",
        on_delete=models.PROTECT,
        related_name="activity_entries",
        verbose_name=_("työllisyysalue"),
    )
    operation = models.ForeignKey(
        Operation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activity_entries",
        verbose_name=_("hanke"),
    )
    kind = models.CharField(_("laji"), max_length=20, choices=Kind.choices)
    date = models.DateField(_("päivä"))
    title = models.CharField(_("otsikko"), max_length=200)
    description = models.TextField(_("kuvaus"), blank=True)
    companies = models.ManyToManyField(
        "employers.Company",
        blank=True,
        related_name="activity_entries",
        verbose_name=_("yritykset"),
    )
    # Referrals: from one organisation to another; an empty organisation means the
    # employment area itself. Counts only — a person's referral is recorded with consent in
    # the job seeker's own record, not here.
    referral_from = models.ForeignKey(
        "accounts.PartnerOrganisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ohjaava organisaatio"),
    )
    referral_to = models.ForeignKey(
        "accounts.PartnerOrganisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vastaanottava organisaatio"),
    )
    referred_count = models.PositiveIntegerField(_("ohjattuja henkilöitä"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )

    class Meta:
        verbose_name = _("yhteistyömerkintä")
        verbose_name_plural = _("yhteistyöloki")
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{format_date(self.date)} {self.title}"


class ActivityParticipant(models.Model):
    """Someone who took part, and for which organisation (empty = the employment area)."""

    entry = models.ForeignKey(ActivityEntry, on_delete=models.CASCADE, related_name="participants")
    organisation = models.ForeignKey(
        "accounts.PartnerOrganisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activity_participations",
        verbose_name=_("organisaatio"),
    )
    name = models.CharField(_("nimi"), max_length=200)

    class Meta:
        verbose_name = _("osallistuja")
        verbose_name_plural = _("osallistujat")
        ordering = ["organisation__short_name", "name"]

    def __str__(self) -> str:
        return self.name


class ActivityAttachment(models.Model):
    entry = models.ForeignKey(ActivityEntry, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("tiedosto"), upload_to="programme/activity/%Y/%m/")
    original_name = models.CharField(_("tiedoston nimi"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("liite")
        verbose_name_plural = _("liitteet")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name
