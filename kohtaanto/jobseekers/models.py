"""Job seekers (henkilöasiakkaat) and their ESF+ participation.

Participation data are recorded as on the day of entry (Regulation (EU) 2021/1057 Annex I);
the special categories of GDPR Art. 9 (disability, minority) live in their own table with
stricter access.
"""

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.models import TimeStampedModel
from kohtaanto.jobseekers.encryption import EncryptedCharField

if TYPE_CHECKING:
    from kohtaanto.programme.models import Operation


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
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kirjaaja"),
    )

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
    partner_organisation = models.ForeignKey(
        "accounts.PartnerOrganisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kumppaniorganisaatio"),
    )
    company = models.ForeignKey(
        "employers.Company",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("työnantaja"),
    )
    given_on = models.DateField(_("annettu"))
    expires_on = models.DateField(_("voimassa asti"), null=True, blank=True)
    note = models.TextField(_("lisätieto"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kirjaaja"),
    )
    withdrawn_on = models.DateField(_("peruttu"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("perumisen kirjaaja"),
    )

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


class ProfileSkill(TimeStampedModel):
    """A skill or knowledge concept in the person's profile, with level and evidence."""

    job_seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="skills")
    concept = models.ForeignKey(
        "taxonomy.Concept", on_delete=models.PROTECT, related_name="+", verbose_name=_("taito")
    )
    level = models.PositiveSmallIntegerField(_("taso"), choices=SkillLevel.choices)
    source = models.CharField(_("lähde"), max_length=20, choices=SkillSource.choices)
    evidence = models.TextField(_("näyttö"), blank=True)
    assessed_on = models.DateField(_("päivämäärä"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kirjaaja"),
    )

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

    job_seeker = models.ForeignKey(
        JobSeeker, on_delete=models.CASCADE, related_name="requirement_cards"
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
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kirjaaja"),
    )

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
    job_seeker = models.ForeignKey(
        JobSeeker, on_delete=models.CASCADE, related_name="target_occupations"
    )
    concept = models.ForeignKey(
        "taxonomy.Concept", on_delete=models.PROTECT, related_name="+", verbose_name=_("ammatti")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kirjaaja"),
    )

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
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kirjaaja"),
    )

    class Meta:
        verbose_name = _("kielitaito")
        verbose_name_plural = _("kielitaidot")
        constraints = [
            models.UniqueConstraint(fields=["job_seeker", "language"], name="language_skill_once"),
        ]

    def __str__(self) -> str:
        return f"{self.language} {self.level}"


class CvDocument(TimeStampedModel):
    """A CV pasted or uploaded for extraction; its suggestions wait for confirmation."""

    job_seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="cv_documents")
    filename = models.CharField(_("tiedosto"), max_length=255, blank=True)
    text = models.TextField(_("teksti"))
    lang = models.CharField(_("kieli"), max_length=5, blank=True)
    # [{"concept_id", "uri", "label", "type", "score"}], in the engine's order.
    suggestions = models.JSONField(_("ehdotukset"), default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("lisääjä"),
    )
    confirmed_at = models.DateTimeField(_("vahvistettu"), null=True, blank=True)

    class Meta:
        verbose_name = _("ansioluettelo")
        verbose_name_plural = _("ansioluettelot")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.filename or f"#{self.pk}"


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
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kirjaaja"),
    )

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
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kirjaaja"),
    )

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
    partner_organisation = models.ForeignKey(
        "accounts.PartnerOrganisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kumppaniorganisaatio"),
    )
    company = models.ForeignKey(
        "employers.Company",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("työnantaja"),
    )
    referral_status = models.CharField(
        _("ohjauksen tila"), max_length=10, choices=ReferralStatus.choices, blank=True
    )
    outcome = models.CharField(_("tulos"), max_length=20, choices=Outcome.choices, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kirjaaja"),
    )

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


def operation_model() -> "type[Operation]":
    """The ESF+ operation model a participation belongs to.

    `programme` reads `jobseekers`, never the other way round: this app names the operation only
    in the participation's foreign key, and code here reaches the model through that key
    instead of importing `programme`.
    """
    return Participation._meta.get_field("operation").related_model  # type: ignore[return-value]
