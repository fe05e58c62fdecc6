"""Competence-needs surveys: the survey and its skill, recruitment and upskilling needs."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.models import TimeStampedModel
from kohtaanto.employers.models.companies import Company, Language


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", _("Luonnos")
    SENT = "sent", _("Linkki lähetetty")
    IN_PROGRESS = "in_progress", _("Yritys täyttää")
    SUBMITTED = "submitted", _("Yritys vastasi")
    COMPLETED = "completed", _("Valmis")


class SurveyChannel(models.TextChoices):
    ADVISOR = "advisor", _("Yritysneuvoja täytti")
    COMPANY = "company", _("Yritys täytti linkin kautta")


class Horizon(models.TextChoices):
    SHORT = "0-6", _("0–6 kuukautta")
    MEDIUM = "6-12", _("6–12 kuukautta")
    LONG = "12-36", _("12–36 kuukautta")


class Priority(models.IntegerChoices):
    HIGH = 1, _("Kiireellinen")
    MEDIUM = 2, _("Tärkeä")
    LOW = 3, _("Hyvä olla")


class NeedSource(models.TextChoices):
    MANUAL = "manual", _("Valittu")
    EXTRACTION = "extraction", _("Tekstistä tunnistettu")
    READINESS = "readiness", _("Valmiusarvion perusteella")


class CompetenceSurvey(TimeStampedModel):
    """Osaamistarvekartoitus: what the company needs now and in the next three years.

    Filled in by the advisor, or by the company through a signed link; `link_nonce` is part
    of every link, so issuing a new link or revoking it makes the old links useless.
    """

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="surveys")
    status = models.CharField(
        _("tila"), max_length=20, choices=SurveyStatus.choices, default=SurveyStatus.DRAFT
    )
    channel = models.CharField(
        _("täyttäjä"), max_length=10, choices=SurveyChannel.choices, default=SurveyChannel.ADVISOR
    )
    language = models.CharField(
        _("kieli"), max_length=2, choices=Language.choices, default=Language.FI
    )
    link_nonce = models.CharField(max_length=32, blank=True, editable=False)
    link_sent_at = models.DateTimeField(_("linkki lähetetty"), null=True, blank=True)
    last_saved_at = models.DateTimeField(_("yritys tallensi"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("yritys vastasi"), null=True, blank=True)
    completed_at = models.DateTimeField(_("valmis"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    respondent_name = models.CharField(_("vastaaja"), max_length=200, blank=True)
    free_text = models.TextField(_("osaamistarpeet omin sanoin"), blank=True)
    interest_rekrykoulutus = models.BooleanField(_("kiinnostaa RekryKoulutus"), default=False)
    interest_tasmakoulutus = models.BooleanField(_("kiinnostaa TäsmäKoulutus"), default=False)
    interest_muutoskoulutus = models.BooleanField(_("kiinnostaa MuutosKoulutus"), default=False)
    joint_training_notes = models.TextField(_("lisätietoja koulutustarpeesta"), blank=True)

    class Meta:
        verbose_name = _("osaamistarvekartoitus")
        verbose_name_plural = _("osaamistarvekartoitukset")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return (
            f"{self.company} {self.created_at:%Y-%m-%d}" if self.created_at else str(self.company)
        )

    @property
    def interested_in_joint_training(self) -> bool:
        return (
            self.interest_rekrykoulutus
            or self.interest_tasmakoulutus
            or self.interest_muutoskoulutus
        )


class SurveySkillNeed(models.Model):
    survey = models.ForeignKey(
        CompetenceSurvey, on_delete=models.CASCADE, related_name="skill_needs"
    )
    concept = models.ForeignKey(
        "taxonomy.Concept", on_delete=models.PROTECT, related_name="+", verbose_name=_("osaaminen")
    )
    headcount = models.PositiveSmallIntegerField(_("henkilömäärä"), default=1)
    horizon = models.CharField(_("aikajänne"), max_length=5, choices=Horizon.choices)
    priority = models.PositiveSmallIntegerField(
        _("tärkeys"), choices=Priority.choices, default=Priority.MEDIUM
    )
    source = models.CharField(max_length=12, choices=NeedSource.choices, default=NeedSource.MANUAL)

    class Meta:
        verbose_name = _("osaamistarve")
        verbose_name_plural = _("osaamistarpeet")
        ordering = ["priority", "id"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "concept"], name="survey_skill_need_unique"),
            models.CheckConstraint(
                condition=Q(headcount__gte=1), name="survey_skill_headcount_min"
            ),
        ]

    def __str__(self) -> str:
        return str(self.concept)


class SurveyRecruitmentNeed(models.Model):
    survey = models.ForeignKey(
        CompetenceSurvey, on_delete=models.CASCADE, related_name="recruitment_needs"
    )
    occupation = models.ForeignKey(
        "taxonomy.Concept", on_delete=models.PROTECT, related_name="+", verbose_name=_("ammatti")
    )
    count = models.PositiveSmallIntegerField(_("määrä"), default=1)
    horizon = models.CharField(_("aikajänne"), max_length=5, choices=Horizon.choices)

    class Meta:
        verbose_name = _("rekrytointitarve")
        verbose_name_plural = _("rekrytointitarpeet")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "occupation"], name="survey_recruitment_need_unique"
            ),
            models.CheckConstraint(condition=Q(count__gte=1), name="survey_recruitment_count_min"),
        ]

    def __str__(self) -> str:
        return str(self.occupation)


class SurveyUpskillingNeed(models.Model):
    """A skill the company's current staff should gain."""

    survey = models.ForeignKey(
        CompetenceSurvey, on_delete=models.CASCADE, related_name="upskilling_needs"
    )
    concept = models.ForeignKey(
        "taxonomy.Concept", on_delete=models.PROTECT, related_name="+", verbose_name=_("osaaminen")
    )
    staff_count = models.PositiveSmallIntegerField(_("henkilöstöä"), default=1)

    class Meta:
        verbose_name = _("henkilöstön täydennyskoulutustarve")
        verbose_name_plural = _("henkilöstön täydennyskoulutustarpeet")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "concept"], name="survey_upskilling_need_unique"
            ),
            models.CheckConstraint(
                condition=Q(staff_count__gte=1), name="survey_upskilling_staff_min"
            ),
        ]

    def __str__(self) -> str:
        return str(self.concept)
