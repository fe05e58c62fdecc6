"""Grant schemes, their dated rules and the de minimis ceilings."""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.formats import format_date
from kohtaanto.common.models import TimeStampedModel
from kohtaanto.common.money import format_eur
from kohtaanto.finance.models.base import ZERO, _money
from kohtaanto.finance.models.ledger import BudgetLine


class GrantScheme(TimeStampedModel):
    """A grant the area awards from an appropriation line, within an envelope.

    `committed` caches the envelope in use (the net commitments of the scheme's decisions) and
    is written under the same lock as the appropriation; it can never exceed the envelope.
    """

    class Kind(models.TextChoices):
        PAY_SUBSIDY = "pay_subsidy", _("Palkkatuki")
        REGIONAL = "regional", _("Alueellinen avustus")
        MUNICIPAL_SUPPLEMENT = "municipal_supplement", _("Työllistämisen kuntalisä")

    employment_area = models.ForeignKey(
        "accounts.EmploymentArea",
        on_delete=models.PROTECT,
        related_name="grant_schemes",
        verbose_name=_("työllisyysalue"),
    )
    code = models.SlugField(_("tunnus"), max_length=60)
    name = models.CharField(_("nimi"), max_length=200)
    kind = models.CharField(_("tyyppi"), max_length=24, choices=Kind.choices)
    line = models.ForeignKey(
        BudgetLine,
        on_delete=models.PROTECT,
        related_name="grant_schemes",
        verbose_name=_("budjettirivi"),
    )
    envelope = _money(_("kehys"))
    committed = _money(_("kehyksestä sidottu"), default=ZERO, editable=False)
    # Raised by every balance write; a write based on a stale read matches no row.
    revision = models.PositiveIntegerField(default=0, editable=False)
    starts_on = models.DateField(_("työsuhde alkaa aikaisintaan"))
    ends_on = models.DateField(_("työsuhde alkaa viimeistään"), null=True, blank=True)
    first_come = models.BooleanField(_("saapumisjärjestys"), default=False)
    de_minimis = models.BooleanField(_("de minimis -tuki"), default=False)
    is_active = models.BooleanField(_("haettavissa"), default=True)
    legal_basis = models.CharField(_("peruste"), max_length=300)
    description = models.TextField(_("kuvaus"), blank=True)

    class Meta:
        verbose_name = _("avustusohjelma")
        verbose_name_plural = _("avustusohjelmat")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["employment_area", "code"], name="grant_scheme_code_unique_in_area"
            ),
            models.CheckConstraint(
                condition=models.Q(committed__gte=0, committed__lte=models.F("envelope")),
                name="grant_scheme_within_envelope",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="grant_scheme_period_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def envelope_free(self) -> Decimal:
        return self.envelope - self.committed


class SchemeRule(models.Model):
    """Dated configuration of one category of a scheme: who is eligible and how much.

    A rule applies to an employment that starts between `valid_from` and `valid_to`
    (inclusive). Every row names its legal source.
    """

    scheme = models.ForeignKey(GrantScheme, on_delete=models.PROTECT, related_name="rules")
    category = models.SlugField(_("tukiperuste"), max_length=40)
    label = models.CharField(_("nimi"), max_length=200)
    valid_from = models.DateField(_("voimassa alkaen"))
    valid_to = models.DateField(_("voimassa asti"), null=True, blank=True)
    percentage = models.DecimalField(
        _("osuus palkkakustannuksista (%)"), max_digits=5, decimal_places=2
    )
    monthly_cap = _money(_("enintään kuukaudessa"), max_digits=10)
    total_cap = _money(_("enintään yhteensä"), max_digits=12, null=True, blank=True)
    min_age = models.PositiveSmallIntegerField(_("vähimmäisikä alkaessa"), null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(_("enimmäisikä alkaessa"), null=True, blank=True)
    min_unemployed_months = models.DecimalField(
        _("työttömänä vähintään (kk)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    unemployment_window_months = models.PositiveSmallIntegerField(
        _("tarkastelujakso (kk)"), null=True, blank=True
    )
    min_weekly_hours = models.DecimalField(
        _("työaika vähintään (h/vko)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    max_weekly_hours = models.DecimalField(
        _("työaika enintään (h/vko)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    min_duration_months = models.PositiveSmallIntegerField(
        _("kesto vähintään (kk)"), null=True, blank=True
    )
    max_duration_months = models.PositiveSmallIntegerField(
        _("kesto enintään (kk)"), null=True, blank=True
    )
    requires_reduced_work_capacity = models.BooleanField(
        _("edellyttää alentunutta työkykyä"), default=False
    )
    requires_non_business_association = models.BooleanField(
        _("edellyttää yhdistyksen tai säätiön muuta kuin elinkeinotoimintaa"), default=False
    )
    # Share of the sector's regular full-time hours that the subsidy covers at most (the 100 %
    # subsidy of associations: 65 %).
    max_working_time_percent = models.DecimalField(
        _("työaika enintään (% alan säännöllisestä työajasta)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
    )
    # A shorter unemployment requirement for people with basic education only (youth voucher).
    min_unemployed_months_basic_education = models.DecimalField(
        _("työttömänä vähintään, jos vain perusasteen koulutus (kk)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
    )
    employer_kinds = models.JSONField(
        _("työnantajat, joille tukea voi myöntää"), default=list, blank=True
    )
    source = models.CharField(_("lähde"), max_length=300)
    # {"percentage": "Laki … 7 luku 8 §", …}: the source of each parameter of the rule.
    parameter_sources = models.JSONField(_("parametrien lähteet"), default=dict, blank=True)
    created_at = models.DateTimeField(_("luotu"), auto_now_add=True)

    class Meta:
        verbose_name = _("avustuksen sääntö")
        verbose_name_plural = _("avustuksen säännöt")
        ordering = ["scheme", "category", "valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "category", "valid_from"], name="scheme_rule_unique_start"
            ),
            models.CheckConstraint(
                condition=models.Q(percentage__gt=0, percentage__lte=100),
                name="scheme_rule_percentage_range",
            ),
            models.CheckConstraint(
                condition=models.Q(monthly_cap__gt=0), name="scheme_rule_monthly_cap_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="scheme_rule_validity_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(min_age__isnull=True)
                | models.Q(max_age__isnull=True)
                | models.Q(min_age__lte=models.F("max_age")),
                name="scheme_rule_age_range_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(min_unemployed_months__isnull=True)
                | models.Q(unemployment_window_months__gte=models.F("min_unemployed_months")),
                name="scheme_rule_unemployment_window_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.scheme} – {self.label} ({format_date(self.valid_from)})"


class DeMinimisCeiling(models.Model):
    """Dated configuration of the EU de minimis ceiling per single undertaking."""

    valid_from = models.DateField(_("voimassa alkaen"), unique=True)
    valid_to = models.DateField(_("voimassa asti"), null=True, blank=True)
    ceiling = _money(_("enimmäismäärä"))
    period_years = models.PositiveSmallIntegerField(_("tarkastelujakso (vuotta)"))
    source = models.CharField(_("lähde"), max_length=300)

    class Meta:
        verbose_name = _("de minimis -enimmäismäärä")
        verbose_name_plural = _("de minimis -enimmäismäärät")
        ordering = ["valid_from"]

    def __str__(self) -> str:
        return f"{format_eur(self.ceiling)} ({format_date(self.valid_from)})"
