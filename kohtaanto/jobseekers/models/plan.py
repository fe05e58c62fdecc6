"""The activation plan (goals and agreed actions) and the service events."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.models import TimeStampedModel, recorded_by_field
from kohtaanto.jobseekers.models.fields import employer_field, partner_organisation_field
from kohtaanto.jobseekers.models.job_seeker import JobSeeker


class PlanGoal(TimeStampedModel):
    """A goal of the person's activation plan."""

    class Status(models.TextChoices):
        OPEN = "open", _("Avoin")
        ACHIEVED = "achieved", _("Saavutettu")
        DROPPED = "dropped", _("Luovuttu")

    job_seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="goals")
    description = models.CharField(_("tavoite"), max_length=500)
    target_date = models.DateField(_("tavoitepäivä"), null=True, blank=True)
    status = models.CharField(_("tila"), max_length=10, choices=Status.choices, default=Status.OPEN)
    created_by = recorded_by_field()

    class Meta:
        verbose_name = _("tavoite")
        verbose_name_plural = _("tavoitteet")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.description


class PlanAction(TimeStampedModel):
    """An action agreed in the plan, with a due date."""

    class Status(models.TextChoices):
        OPEN = "open", _("Sovittu")
        DONE = "done", _("Tehty")
        CANCELLED = "cancelled", _("Peruttu")

    job_seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="actions")
    goal = models.ForeignKey(
        PlanGoal,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("tavoite"),
    )
    description = models.CharField(_("toimenpide"), max_length=500)
    due_on = models.DateField(_("määräpäivä"))
    status = models.CharField(_("tila"), max_length=10, choices=Status.choices, default=Status.OPEN)
    completed_on = models.DateField(_("tehty"), null=True, blank=True)
    created_by = recorded_by_field()

    class Meta:
        verbose_name = _("sovittu toimenpide")
        verbose_name_plural = _("sovitut toimenpiteet")
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.description


class ServiceEvent(TimeStampedModel):
    """A service event: meeting, referral or outcome. Referrals name their recipient."""

    class Kind(models.TextChoices):
        MEETING = "meeting", _("Tapaaminen")
        REFERRAL_TRAINING = "referral_training", _("Ohjaus koulutukseen")
        REFERRAL_PARTNER = "referral_partner", _("Ohjaus kumppanin palveluun")
        REFERRAL_EMPLOYER = "referral_employer", _("Ohjaus työnantajalle")
        OUTCOME = "outcome", _("Tulos")

    class ReferralStatus(models.TextChoices):
        SENT = "sent", _("Lähetetty")
        ACCEPTED = "accepted", _("Hyväksytty")
        DECLINED = "declined", _("Hylätty")
        COMPLETED = "completed", _("Toteutunut")

    class Outcome(models.TextChoices):
        EMPLOYED = "employed", _("Työllistyi")
        SELF_EMPLOYED = "self_employed", _("Ryhtyi yrittäjäksi")
        TRAINING = "training", _("Aloitti koulutuksen")
        QUALIFICATION = "qualification", _("Sai tutkinnon tai pätevyyden")
        JOB_SEARCHING = "job_searching", _("Jatkaa työnhakua")
        OTHER = "other", _("Muu")

    job_seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("laji"), max_length=20, choices=Kind.choices)
    occurred_on = models.DateField(_("päivämäärä"))
    description = models.TextField(_("kuvaus"), blank=True)
    training_name = models.CharField(_("koulutus"), max_length=300, blank=True)
    partner_organisation = partner_organisation_field()
    company = employer_field()
    referral_status = models.CharField(
        _("ohjauksen tila"), max_length=10, choices=ReferralStatus.choices, blank=True
    )
    outcome = models.CharField(_("tulos"), max_length=20, choices=Outcome.choices, blank=True)
    created_by = recorded_by_field()

    class Meta:
        verbose_name = _("palvelutapahtuma")
        verbose_name_plural = _("palvelutapahtumat")
        ordering = ["-occurred_on", "-id"]
        indexes = [models.Index(fields=["job_seeker", "occurred_on"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="referral_training") | ~models.Q(training_name=""),
                name="service_event_training_named",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="referral_partner")
                | models.Q(partner_organisation__isnull=False),
                name="service_event_partner_named",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="referral_employer") | models.Q(company__isnull=False),
                name="service_event_company_named",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="outcome") | ~models.Q(outcome=""),
                name="service_event_outcome_given",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.occurred_on}"

    @property
    def is_referral(self) -> bool:
        return self.kind.startswith("referral_")
