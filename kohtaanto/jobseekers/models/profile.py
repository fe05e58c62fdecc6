"""The person's profile: skills, requirement cards, target occupations and languages."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.models import TimeStampedModel, recorded_by_field
from kohtaanto.jobseekers.models.job_seeker import JobSeeker


class SkillSource(models.TextChoices):
    SELF_ASSESSED = "self_assessed", _("Oma arvio")
    COUNSELLOR = "counsellor", _("Ohjaajan arvio")
    CERTIFICATE = "certificate", _("Todistus")
    CV_EXTRACTED = "cv_extracted", _("Poimittu ansioluettelosta")
    TRAINING_COMPLETED = "training_completed", _("Suoritettu koulutus")


class SkillLevel(models.IntegerChoices):
    BASIC = 1, _("1 – perustaso")
    GOOD = 2, _("2 – hyvä")
    ADVANCED = 3, _("3 – vahva")
    EXPERT = 4, _("4 – asiantuntija")

    @classmethod
    def for_years(cls, years: int) -> "SkillLevel":
        """The level that years of experience in a skill suggest (the one rule; the CV confirm
        page proposes it, the counsellor may change it).

        Under 2 years basic (1), 2–4 good (2), 5–9 strong (3), 10 or more expert (4). Our
        reading of the scale: about two years of work is what a vocational qualification's
        on-the-job learning takes to work independently in a trade; about five is when a worker
        is the one others ask; about ten is the usual span of deliberate practice before
        expertise (Ericsson, Krampe & Tesch-Römer 1993). Years say nothing of quality, so they
        only propose a level and never lower one already recorded.
        """
        if years >= 10:
            return cls.EXPERT
        if years >= 5:
            return cls.ADVANCED
        if years >= 2:
            return cls.GOOD
        return cls.BASIC


class ProfileSkill(TimeStampedModel):
    """A skill or knowledge concept in the person's profile, with level and evidence."""

    # No index of its own: the unique (job_seeker, concept) index leads with it (see
    # profile_skill_once) and serves every look-up by person; one index less to keep per row.
    job_seeker = models.ForeignKey(
        JobSeeker, on_delete=models.CASCADE, related_name="skills", db_index=False
    )
    concept = models.ForeignKey(
        "taxonomy.Concept", on_delete=models.PROTECT, related_name="+", verbose_name=_("taito")
    )
    level = models.PositiveSmallIntegerField(_("taso"), choices=SkillLevel.choices)
    source = models.CharField(_("lähde"), max_length=20, choices=SkillSource.choices)
    evidence = models.TextField(_("näyttö"), blank=True)
    assessed_on = models.DateField(_("päivämäärä"))
    recorded_by = recorded_by_field()

    class Meta:
        verbose_name = _("osaaminen")
        verbose_name_plural = _("osaamiset")
        constraints = [
            models.UniqueConstraint(fields=["job_seeker", "concept"], name="profile_skill_once"),
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=4), name="profile_skill_level_1_4"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.concept} ({self.level})"


class RequirementCard(TimeStampedModel):
    """A card, licence or qualification (a concept of type requirement) the person holds."""

    # Looked up by the unique (job_seeker, concept) index (requirement_card_once).
    job_seeker = models.ForeignKey(
        JobSeeker, on_delete=models.CASCADE, related_name="requirement_cards", db_index=False
    )
    concept = models.ForeignKey(
        "taxonomy.Concept", on_delete=models.PROTECT, related_name="+", verbose_name=_("kortti")
    )
    acquired_on = models.DateField(_("suoritettu"), null=True, blank=True)
    expires_on = models.DateField(_("voimassa asti"), null=True, blank=True)
    source = models.CharField(
        _("lähde"), max_length=20, choices=SkillSource.choices, default=SkillSource.CERTIFICATE
    )
    evidence = models.TextField(_("näyttö"), blank=True)
    recorded_by = recorded_by_field()

    class Meta:
        verbose_name = _("kortti tai pätevyys")
        verbose_name_plural = _("kortit ja pätevyydet")
        constraints = [
            models.UniqueConstraint(fields=["job_seeker", "concept"], name="requirement_card_once"),
            models.CheckConstraint(
                condition=models.Q(expires_on__isnull=True)
                | models.Q(acquired_on__isnull=True)
                | models.Q(expires_on__gte=models.F("acquired_on")),
                name="requirement_card_expires_after_acquired",
            ),
        ]

    def __str__(self) -> str:
        return str(self.concept)


class TargetOccupation(TimeStampedModel):
    # Looked up by the unique (job_seeker, concept) index (target_occupation_once).
    job_seeker = models.ForeignKey(
        JobSeeker, on_delete=models.CASCADE, related_name="target_occupations", db_index=False
    )
    concept = models.ForeignKey(
        "taxonomy.Concept", on_delete=models.PROTECT, related_name="+", verbose_name=_("ammatti")
    )
    recorded_by = recorded_by_field()

    class Meta:
        verbose_name = _("tavoiteammatti")
        verbose_name_plural = _("tavoiteammatit")
        constraints = [
            models.UniqueConstraint(
                fields=["job_seeker", "concept"], name="target_occupation_once"
            ),
        ]

    def __str__(self) -> str:
        return str(self.concept)


class CefrLevel(models.TextChoices):
    """Common European Framework of Reference for Languages (Council of Europe, 2001)."""

    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", "B2"
    C1 = "C1", "C1"
    C2 = "C2", "C2"


class LanguageSkill(TimeStampedModel):
    job_seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="languages")
    # ISO 639-1 two-letter code (see languages.py).
    language = models.CharField(_("kieli"), max_length=2)
    level = models.CharField(_("taso (CEFR)"), max_length=2, choices=CefrLevel.choices)
    is_native = models.BooleanField(_("äidinkieli"), default=False)
    recorded_by = recorded_by_field()

    class Meta:
        verbose_name = _("kielitaito")
        verbose_name_plural = _("kielitaidot")
        constraints = [
            models.UniqueConstraint(fields=["job_seeker", "language"], name="language_skill_once"),
        ]

    def __str__(self) -> str:
        return f"{self.language} {self.level}"
