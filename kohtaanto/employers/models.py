"""Companies (yritysasiakkaat) of the employment area, their contacts and the advisor's work
with them: activation log, follow-up tasks, competence-needs surveys, Industry 4.0 readiness
assessments and vacancies."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
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


READINESS_DIMENSIONS = (
    "strategy",
    "smart_factory",
    "smart_operations",
    "smart_products",
    "data_driven_services",
    "employees",
)


class ReadinessAssessment(TimeStampedModel):
    """Industry 4.0 readiness self-assessment, six dimensions scored 0–5 (see readiness.py)."""

    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="readiness_assessments"
    )
    assessed_on = models.DateField(_("arviointipäivä"))
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    strategy = models.PositiveSmallIntegerField(_("strategia ja organisaatio"))
    smart_factory = models.PositiveSmallIntegerField(_("älykäs tehdas"))
    smart_operations = models.PositiveSmallIntegerField(_("älykkäät toiminnot"))
    smart_products = models.PositiveSmallIntegerField(_("älykkäät tuotteet"))
    data_driven_services = models.PositiveSmallIntegerField(_("datalähtöiset palvelut"))
    employees = models.PositiveSmallIntegerField(_("henkilöstön osaaminen"))
    notes = models.TextField(_("huomiot"), blank=True)

    class Meta:
        verbose_name = _("Teollisuus 4.0 -valmiusarvio")
        verbose_name_plural = _("Teollisuus 4.0 -valmiusarviot")
        ordering = ["-assessed_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"{name}__lte": 5 for name in READINESS_DIMENSIONS}),
                name="readiness_scores_at_most_5",
            )
        ]

    def __str__(self) -> str:
        return f"{self.company} {self.assessed_on}"

    def scores(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in READINESS_DIMENSIONS}


class VacancyState(models.TextChoices):
    DRAFT = "draft", _("Luonnos")
    OPEN = "open", _("Avoinna")
    FILLED = "filled", _("Täytetty")
    CLOSED = "closed", _("Suljettu")


class ContractType(models.TextChoices):
    PERMANENT = "permanent", _("Vakituinen")
    FIXED_TERM = "fixed_term", _("Määräaikainen")
    SEASONAL = "seasonal", _("Kausityö")
    APPRENTICESHIP = "apprenticeship", _("Oppisopimus")


class WagePeriod(models.TextChoices):
    HOUR = "hour", _("tunti")
    MONTH = "month", _("kuukausi")


class SkillLevel(models.IntegerChoices):
    BASIC = 1, _("Perustaso")
    GOOD = 2, _("Hyvä")
    ADVANCED = 3, _("Vahva")
    EXPERT = 4, _("Asiantuntija")


class Vacancy(TimeStampedModel):
    # The company's area, kept here so that external ids are unique within an area.
    employment_area = models.ForeignKey(
        "accounts.EmploymentArea", on_delete=models.PROTECT, related_name="vacancies"
    )
    company = models.ForeignKey(
        Company, on_delete=models.PROTECT, related_name="vacancies", verbose_name=_("yritys")
    )
    external_id = models.CharField(_("ulkoinen tunniste"), max_length=100, blank=True)
    title = models.CharField(_("tehtävänimike"), max_length=200)
    occupation = models.ForeignKey(
        "taxonomy.Concept",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ammatti"),
    )
    description = models.TextField(_("ilmoitusteksti"), blank=True)
    municipality = models.ForeignKey(
        "accounts.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("työpaikan kunta"),
    )
    remote_possible = models.BooleanField(_("etätyö mahdollista"), default=False)
    commuting_possible = models.BooleanField(_("pendelöinti mahdollista"), default=False)
    positions = models.PositiveSmallIntegerField(_("paikkoja"), default=1)
    start_date = models.DateField(_("aloituspäivä"), null=True, blank=True)
    contract_type = models.CharField(
        _("työsuhteen laji"), max_length=20, choices=ContractType.choices, blank=True
    )
    wage_min = models.DecimalField(
        _("palkka vähintään (€)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    wage_max = models.DecimalField(
        _("palkka enintään (€)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    wage_period = models.CharField(
        _("palkan jakso"), max_length=10, choices=WagePeriod.choices, default=WagePeriod.MONTH
    )
    closing_date = models.DateField(_("hakuaika päättyy"), null=True, blank=True)
    state = models.CharField(
        _("tila"), max_length=10, choices=VacancyState.choices, default=VacancyState.DRAFT
    )
    published_at = models.DateTimeField(_("julkaistu"), null=True, blank=True)
    ended_at = models.DateTimeField(_("päättynyt"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("avoin työpaikka")
        verbose_name_plural = _("avoimet työpaikat")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["employment_area", "external_id"],
                condition=~Q(external_id=""),
                name="vacancy_external_id_unique_in_area",
            ),
            models.CheckConstraint(condition=Q(positions__gte=1), name="vacancy_positions_min"),
            models.CheckConstraint(
                condition=Q(wage_min__isnull=True)
                | Q(wage_max__isnull=True)
                | Q(wage_min__lte=F("wage_max")),
                name="vacancy_wage_min_le_max",
            ),
        ]
        indexes = [models.Index(fields=["employment_area", "state"])]

    def __str__(self) -> str:
        return self.title


class VacancySkill(models.Model):
    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="skills")
    concept = models.ForeignKey(
        "taxonomy.Concept", on_delete=models.PROTECT, related_name="+", verbose_name=_("osaaminen")
    )
    essential = models.BooleanField(_("välttämätön"), default=True)
    level = models.PositiveSmallIntegerField(
        _("taso"), choices=SkillLevel.choices, null=True, blank=True
    )

    class Meta:
        verbose_name = _("osaamisvaatimus")
        verbose_name_plural = _("osaamisvaatimukset")
        ordering = ["-essential", "id"]
        constraints = [
            models.UniqueConstraint(fields=["vacancy", "concept"], name="vacancy_skill_unique"),
            models.CheckConstraint(
                condition=Q(level__isnull=True) | Q(level__gte=1, level__lte=4),
                name="vacancy_skill_level_1_4",
            ),
        ]

    def __str__(self) -> str:
        return str(self.concept)


class VacancyRequirement(models.Model):
    """A hard requirement (card, licence, clearance, citizenship): matching never relaxes it."""

    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="requirements")
    concept = models.ForeignKey(
        "taxonomy.Concept", on_delete=models.PROTECT, related_name="+", verbose_name=_("vaatimus")
    )

    class Meta:
        verbose_name = _("ehdoton vaatimus")
        verbose_name_plural = _("ehdottomat vaatimukset")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["vacancy", "concept"], name="vacancy_requirement_unique"
            )
        ]

    def __str__(self) -> str:
        return str(self.concept)
