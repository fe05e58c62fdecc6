"""ESF+ participation: entry data as on the day of entry, exit and follow-up results.

Participation data are recorded as on the day of entry (Regulation (EU) 2021/1057 Annex I);
the special categories of GDPR Art. 9 (disability, minority) live in their own table with
stricter access.
"""

from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.models import TimeStampedModel, recorded_by_field
from kohtaanto.jobseekers.encryption import EncryptedCharField
from kohtaanto.jobseekers.models.job_seeker import Gender, JobSeeker

if TYPE_CHECKING:
    from kohtaanto.programme.models import Operation


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
    # Annex I: an immediate result is the situation reached within four weeks of leaving;
    # the day it was reached decides whether it counts (day 28 after the exit does, 29 not).
    exit_results_on = models.DateField(
        _("tulostilanne saavutettu"),
        null=True,
        blank=True,
        help_text=_(
            "Päivä, jona päättymisen jälkeinen tilanne (työssä, koulutuksessa, tutkinto, "
            "työnhaussa) saavutettiin. Se lasketaan välittömäksi tulokseksi vain, jos päivä on "
            "enintään neljä viikkoa päättymispäivän jälkeen."
        ),
    )
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
            models.CheckConstraint(
                condition=models.Q(exit_results_on__isnull=True)
                | models.Q(exit_results_on__gte=models.F("exit_date")),
                name="participation_results_on_after_exit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.job_seeker} – {self.operation}"


class ParticipationSpecialCategory(models.Model):
    """GDPR Art. 9 entry items, kept apart: only roles with a need may read them."""

    participation = models.OneToOneField(
        Participation, on_delete=models.CASCADE, related_name="special_category"
    )
    # Encrypted at rest like identity codes (jobseekers.encryption): the database never holds
    # who has a disability or belongs to a minority in clear.
    disability = EncryptedCharField(
        _("vamma tai pitkäaikaissairaus"), choices=Answer.choices, blank=True
    )
    minority = EncryptedCharField(_("vähemmistöön kuuluva"), choices=Answer.choices, blank=True)

    class Meta:
        verbose_name = _("erityinen henkilötieto")
        verbose_name_plural = _("erityiset henkilötiedot")

    def __str__(self) -> str:
        return f"#{self.participation_id}"


class ParticipationReEntry(TimeStampedModel):
    """A return into an operation the person had already left.

    The participation keeps its first entry's data (Annex I: data as on the day of first
    entry); the exit that the return cancelled is kept here, so that results are recorded
    at the final exit and nothing of the earlier one is lost.
    """

    participation = models.ForeignKey(
        Participation, on_delete=models.CASCADE, related_name="re_entries"
    )
    re_entry_date = models.DateField(_("paluupäivä"))
    previous_exit_date = models.DateField(_("aiempi päättymispäivä"))
    # exit_* and six_month_* answers of the cancelled exit, field name → value.
    previous_exit = models.JSONField(_("aiemman päättymisen tiedot"), default=dict)
    recorded_by = recorded_by_field()

    class Meta:
        verbose_name = _("paluu hankkeeseen")
        verbose_name_plural = _("paluut hankkeeseen")
        ordering = ["re_entry_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(re_entry_date__gte=models.F("previous_exit_date")),
                name="re_entry_after_previous_exit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participation_id} {self.re_entry_date}"


class Reminder(TimeStampedModel):
    """A worklist notification for the person's counsellors, created by a daily task."""

    class Kind(models.TextChoices):
        # Annex I: immediate results count when reached within four weeks of leaving; the
        # reminder is due on the last day that still counts (exit + 28 days).
        FOUR_WEEK_FOLLOW_UP = "four_week_follow_up", _("Neljän viikon tulostilanne")
        SIX_MONTH_FOLLOW_UP = "six_month_follow_up", _("Kuuden kuukauden seuranta")

    job_seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="reminders")
    participation = models.ForeignKey(
        Participation, on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(_("laji"), max_length=30, choices=Kind.choices)
    due_on = models.DateField(_("määräpäivä"))
    resolved_at = models.DateTimeField(_("kuitattu"), null=True, blank=True)

    class Meta:
        verbose_name = _("muistutus")
        verbose_name_plural = _("muistutukset")
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["participation", "kind", "due_on"], name="reminder_once_per_due_date"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.due_on}"


def operation_model() -> "type[Operation]":
    """The ESF+ operation model a participation belongs to.

    `programme` reads `jobseekers`, never the other way round: this app names the operation only
    in the participation's foreign key, and code here reaches the model through that key
    instead of importing `programme`.
    """
    return Participation._meta.get_field("operation").related_model  # type: ignore[return-value]
