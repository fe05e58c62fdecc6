"""Vacancies of the area's companies, with the skills and hard requirements they ask for."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.models import TimeStampedModel
from kohtaanto.employers.models.companies import Company


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
